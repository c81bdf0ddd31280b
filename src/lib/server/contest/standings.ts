/**
 * Contest standings for pages and exports. A round's board is read from `contest_best` through
 * its index; public boards are cached for a few seconds (the end of a round brings a spike of
 * people refreshing), and the overall board — an aggregate — for half a minute, in the app's
 * `AppCaches.contestBoards`.
 */
import type { Db, DbOrTx } from '../db';
import type { Contest, ContestRound } from '../db/schema';
import { getRoundCounters } from '../db/queries/contests';
import {
	overallStandings,
	roundStandings,
	type OverallRow,
	type RoundStandingRow
} from '../db/queries/contest-standings';
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

/**
 * A round's standings, ranked with ties, `limit` rows (close overdue attempts first).
 * `withPrediction: false` ranks as if the contest had no prediction question (score, then time):
 * what the public sees while the round is open, so the truth cannot be read off the order.
 */
export async function rankedRound(
	db: DbOrTx,
	c: Contest,
	round: ContestRound,
	limit: number,
	now: number,
	withPrediction = true
): Promise<{ truth: number | null; rows: Ranked<RoundStandingRow>[] }> {
	await closeOverdue(db, now, round.id);
	const fresh = (await getRoundCounters(db, round.id)) ?? round;
	const truth = withPrediction ? predictionTruth(c, fresh) : null;
	return { truth, rows: rankStandings(await roundStandings(db, round.id, truth, limit), truth) };
}

/**
 * The `round` query parameter of public boards: absent or empty = the current round, else a
 * round id (digits only). Anything else is refused, so it never becomes a cache key.
 */
export function parseRoundParam(
	text: string | null
): { ok: true; roundId: number | null } | { ok: false } {
	if (text === null || text === '') return { ok: true, roundId: null };
	if (!/^\d{1,12}$/.test(text)) return { ok: false };
	const id = Number(text);
	return id > 0 ? { ok: true, roundId: id } : { ok: false };
}

/** Whether a round's predictions and truth may be shown to the public: only once it has closed. */
export function isRevealed(round: Pick<ContestRound, 'closesAt'>, now: number): boolean {
	return now >= round.closesAt.getTime();
}

/**
 * Overall standings with ranks (ties share a rank). `withPrediction: false` leaves the
 * prediction gap out of the order (the public board while a round is still open).
 */
export async function rankedOverall(
	db: DbOrTx,
	c: Contest,
	withPrediction = true
): Promise<Ranked<OverallRow>[]> {
	const rows = await overallStandings(db, c.id, withPrediction && c.predictionKind !== null);
	const out: Ranked<OverallRow>[] = [];
	rows.forEach((row, i) => {
		const tied = i > 0 && compareOverall(rows[i - 1], row) === 0;
		out.push({ ...row, rank: tied ? out[i - 1].rank : i + 1 });
	});
	return out;
}

/** Most boards remembered per app; the least recently used goes first beyond it. */
export const BOARD_CACHE_MAX = 512;

/** Boards by key with the time they were computed, least recently used first. */
export type BoardCache = Map<string, { at: number; value: unknown }>;

export function createBoardCache(): BoardCache {
	return new Map();
}

/** What the public boards need of the app (`AppContext` fits). */
export interface BoardsApp {
	readonly db: Db;
	readonly caches: { readonly contestBoards: BoardCache };
}

/**
 * `compute()`, remembered under `key` for `ttl` ms (per app). A least-recently-used map capped
 * at BOARD_CACHE_MAX entries, so keys a visitor makes up cannot grow it without bound.
 */
export async function cached<T>(
	app: Pick<BoardsApp, 'caches'>,
	key: string,
	ttl: number,
	now: number,
	compute: () => Promise<T>
): Promise<T> {
	const map = app.caches.contestBoards;
	const hit = map.get(key);
	if (hit && now - hit.at < ttl) {
		// Map keeps insertion order: re-inserting marks the entry as the most recently used.
		map.delete(key);
		map.set(key, hit);
		return hit.value as T;
	}
	const value = await compute();
	map.delete(key);
	map.set(key, { at: now, value });
	while (map.size > BOARD_CACHE_MAX) map.delete(map.keys().next().value as string);
	return value;
}

/**
 * The public board of a round (top 100), cached for a few seconds. Until the round closes the
 * predictions and the truth (entrants or perfect entries so far) stay hidden and play no part in
 * the order: otherwise sock-puppet entries could watch and steer them.
 */
export function publicRoundBoard(app: BoardsApp, c: Contest, round: ContestRound, now: number) {
	const revealed = isRevealed(round, now);
	return cached(app, `round:${round.id}:${revealed}`, ROUND_BOARD_TTL_MS, now, async () => {
		const board = await rankedRound(app.db, c, round, PUBLIC_BOARD_SIZE, now, revealed);
		return {
			revealed,
			truth: board.truth,
			rows: board.rows.map((r) => ({ ...r, prediction: revealed ? r.prediction : null }))
		};
	});
}

/** The public overall board (top 100), cached for half a minute; predictions count once no round is open. */
export function publicOverallBoard(
	app: BoardsApp,
	c: Contest,
	rounds: readonly ContestRound[],
	now: number
) {
	const revealed = rounds.every((r) => isRevealed(r, now) || now < r.opensAt.getTime());
	return cached(app, `overall:${c.id}:${revealed}`, OVERALL_BOARD_TTL_MS, now, async () =>
		(await rankedOverall(app.db, c, revealed)).slice(0, PUBLIC_BOARD_SIZE)
	);
}
