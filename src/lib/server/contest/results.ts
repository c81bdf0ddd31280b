/** The organizer's results of a contest: one round or overall, with the full phone numbers. */
import type { DbOrTx } from '../db';
import type { Contest, ContestRound } from '../db/schema';
import { listRounds } from '../db/queries/contests';
import { countRoundStandings } from '../db/queries/contest-standings';
import { rankedOverall, rankedRound } from './standings';

export const RESULTS_PAGE_SIZE = 200;

/** The round asked for by `?round=` (an id of this contest, or 'overall'); defaults to the latest started. */
export async function pickRound(
	db: DbOrTx,
	c: Contest,
	asked: string | null,
	now: number
): Promise<{ rounds: ContestRound[]; round: ContestRound | null }> {
	const rounds = await listRounds(db, c.organizationId, c.id);
	if (asked === 'overall') return { rounds, round: null };
	const byId = rounds.find((r) => String(r.id) === asked);
	const started = rounds.filter((r) => r.opensAt.getTime() <= now);
	return { rounds, round: byId ?? started.at(-1) ?? rounds[0] ?? null };
}

export async function organizerResults(
	db: DbOrTx,
	c: Contest,
	round: ContestRound | null,
	now: number
) {
	if (round) {
		const { truth, rows } = await rankedRound(db, c, round, RESULTS_PAGE_SIZE, now);
		const total = await countRoundStandings(db, round.id);
		return { truth, total, rows: rows.map((r) => ({ ...r, rounds: 1 })) };
	}
	const all = await rankedOverall(db, c);
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
