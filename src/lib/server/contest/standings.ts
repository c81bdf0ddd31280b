/**
 * Contest standings for pages and exports. A round's board is read from `contest_best` through
 * its index; public boards are cached for a few seconds (the end of a round brings a spike of
 * people refreshing), and the overall board — an aggregate — for half a minute.
 */
import type { Db } from '../db';
import type { Contest, ContestRound } from '../db/schema';
import {
	overallStandings,
	roundStandings,
	type OverallRow,
	type RoundStandingRow
} from '../db/queries/contests';
import { rankStandings, compareOverall, type Ranked } from '../../practice/tiebreak';
import { closeOverdue } from './attempts';

export const ROUND_BOARD_TTL_MS = 5_000;
export const OVERALL_BOARD_TTL_MS = 30_000;
export const PUBLIC_BOARD_SIZE = 100;

/** The prediction question's answer for a round so far, or null without a prediction question. */
export function predictionTruth(
	c: Pick<Contest, 'predictionKind'>,
	round: Pick<ContestRound, 'entrants' | 'perfect'>
): number | null {
	if (!c.predictionKind) return null;
	return c.predictionKind === 'entrants' ? round.entrants : round.perfect;
}

/** A round's standings, ranked with ties, `limit` rows (close overdue attempts first). */
export function rankedRound(
	db: Db,
	c: Contest,
	round: ContestRound,
	limit: number,
	now: number
): { truth: number | null; rows: Ranked<RoundStandingRow>[] } {
	closeOverdue(db, now, round.id);
	const fresh = db.$client
		.prepare('SELECT entrants, perfect FROM contest_round WHERE id = ?')
		.get(round.id) as { entrants: number; perfect: number };
	const truth = predictionTruth(c, fresh);
	return { truth, rows: rankStandings(roundStandings(db, round.id, truth, limit), truth) };
}

/** Overall standings with ranks (ties share a rank). */
export function rankedOverall(db: Db, c: Contest): Ranked<OverallRow>[] {
	const rows = overallStandings(db, c.id, c.predictionKind !== null);
	const out: Ranked<OverallRow>[] = [];
	rows.forEach((row, i) => {
		const tied = i > 0 && compareOverall(rows[i - 1], row) === 0;
		out.push({ ...row, rank: tied ? out[i - 1].rank : i + 1 });
	});
	return out;
}

const cache = new WeakMap<Db, Map<string, { at: number; value: unknown }>>();

/** `compute()`, remembered under `key` for `ttl` ms (per database). */
export function cached<T>(db: Db, key: string, ttl: number, now: number, compute: () => T): T {
	let map = cache.get(db);
	if (!map) cache.set(db, (map = new Map()));
	const hit = map.get(key);
	if (hit && now - hit.at < ttl) return hit.value as T;
	const value = compute();
	map.set(key, { at: now, value });
	return value;
}

/** The public board of a round (top 100), cached for a few seconds. */
export function publicRoundBoard(db: Db, c: Contest, round: ContestRound, now: number) {
	return cached(db, `round:${round.id}`, ROUND_BOARD_TTL_MS, now, () =>
		rankedRound(db, c, round, PUBLIC_BOARD_SIZE, now)
	);
}

/** The public overall board (top 100), cached for half a minute. */
export function publicOverallBoard(db: Db, c: Contest, now: number) {
	return cached(db, `overall:${c.id}`, OVERALL_BOARD_TTL_MS, now, () =>
		rankedOverall(db, c).slice(0, PUBLIC_BOARD_SIZE)
	);
}
