/** The organizer's results of a contest: one round or overall, with the full phone numbers. */
import type { Db } from '../db';
import type { Contest, ContestRound } from '../db/schema';
import { listRounds } from '../db/queries/contests';
import { countRoundStandings } from '../db/queries/contest-standings';
import { rankedOverall, rankedRound } from './standings';

export const RESULTS_PAGE_SIZE = 200;

/** The round asked for by `?round=` (an id of this contest, or 'overall'); defaults to the latest started. */
export function pickRound(
	db: Db,
	c: Contest,
	asked: string | null,
	now: number
): { rounds: ContestRound[]; round: ContestRound | null } {
	const rounds = listRounds(db, c.organizationId, c.id);
	if (asked === 'overall') return { rounds, round: null };
	const byId = rounds.find((r) => String(r.id) === asked);
	const started = rounds.filter((r) => r.opensAt.getTime() <= now);
	return { rounds, round: byId ?? started.at(-1) ?? rounds[0] ?? null };
}

export function organizerResults(db: Db, c: Contest, round: ContestRound | null, now: number) {
	if (round) {
		const { truth, rows } = rankedRound(db, c, round, RESULTS_PAGE_SIZE, now);
		const total = countRoundStandings(db, round.id);
		return { truth, total, rows: rows.map((r) => ({ ...r, rounds: 1 })) };
	}
	const all = rankedOverall(db, c);
	return {
		truth: null,
		total: all.length,
		rows: all.slice(0, RESULTS_PAGE_SIZE).map((r) => ({
			...r,
			prediction: null,
			questionCount: null,
			attemptNumber: null
		}))
	};
}
