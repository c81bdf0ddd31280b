import { getPublishedContest, listContestRounds } from '$lib/server/db/queries/contests';
import { refuse } from '$lib/server/practice/api';
import { contestErrorMessage } from '$lib/server/practice/messages';
import { parseId } from '$lib/server/params';
import { openRound } from '$lib/server/contest/attempts';
import {
	cached,
	parseRoundParam,
	publicRoundBoard,
	ROUND_BOARD_TTL_MS
} from '$lib/server/contest/standings';
import { maskPhone } from '$lib/practice/phone';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/**
 * The public board of a round (`?round=<id>`, default: the open one). The whole reply is cached
 * for a few seconds under the parsed round (a bounded LRU): at the end of a round everyone
 * refreshes it at once. Predictions and the truth stay null until the round closes.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const db = locals.app.db;
	const now = Date.now();
	const contestId = parseId(params.contestId);
	if (!contestId) return refuse(404, 'not_found', contestErrorMessage('not_found'));
	const asked = parseRoundParam(url.searchParams.get('round'));
	if (!asked.ok) return refuse(400, 'round_invalid', m.integrity_round_invalid());
	const key = `board-json:${contestId}:${asked.roundId ?? 'current'}:${getLocale()}`;
	const reply = await cached(locals.app, key, ROUND_BOARD_TTL_MS, now, async () => {
		const r = await board(contestId, asked.roundId);
		return { status: r.status, text: JSON.stringify(r.body) };
	});
	return new Response(reply.text, {
		status: reply.status,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});

	async function board(id: number, roundId: number | null) {
		const c = await getPublishedContest(db, id);
		if (!c)
			return {
				status: 404,
				body: { ok: false, error: 'not_found', message: contestErrorMessage('not_found') }
			};
		const rounds = (await listContestRounds(db, c.id)).filter((r) => r.opensAt.getTime() <= now);
		const round = rounds.find((r) => r.id === roundId) ?? openRound(rounds, now) ?? rounds.at(-1);
		if (!round)
			return { status: 200, body: { ok: true, data: { roundId: null, truth: null, rows: [] } } };
		const board = await publicRoundBoard(locals.app, c, round, now);
		const rows = board.rows.map((r) => ({
			rank: r.rank,
			name: r.fullName,
			phone: maskPhone(r.phone),
			unit: r.unitName,
			score: r.score,
			durationMs: r.durationMs,
			prediction: r.prediction
		}));
		return {
			status: 200,
			body: {
				ok: true,
				data: { roundId: round.id, revealed: board.revealed, truth: board.truth, rows }
			}
		};
	}
};
