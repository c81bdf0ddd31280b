import { getDb } from '$lib/server/db';
import { getPublishedContest, listContestRounds } from '$lib/server/db/queries/contests';
import { contestErrorMessage } from '$lib/server/practice/messages';
import { parseId } from '$lib/server/practice/start';
import { openRound } from '$lib/server/contest/attempts';
import { cached, publicRoundBoard, ROUND_BOARD_TTL_MS } from '$lib/server/contest/standings';
import { maskPhone } from '$lib/practice/phone';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

/**
 * The public board of a round (`?round=<id>`, default: the open one). The whole reply is cached
 * for a few seconds: at the end of a round everyone refreshes it at once.
 */
export const GET: RequestHandler = ({ params, url }) => {
	const db = getDb();
	const now = Date.now();
	const contestId = parseId(params.contestId);
	const asked = url.searchParams.get('round') ?? '';
	const key = `board-json:${contestId}:${asked}:${getLocale()}`;
	const reply = cached(db, key, ROUND_BOARD_TTL_MS, now, () => {
		const r = board();
		return { status: r.status, text: JSON.stringify(r.body) };
	});
	return new Response(reply.text, {
		status: reply.status,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});

	function board() {
		const c = contestId ? getPublishedContest(db, contestId) : undefined;
		if (!c)
			return {
				status: 404,
				body: { ok: false, error: 'not_found', message: contestErrorMessage('not_found') }
			};
		const rounds = listContestRounds(db, c.id).filter((r) => r.opensAt.getTime() <= now);
		const round =
			rounds.find((r) => String(r.id) === asked) ?? openRound(rounds, now) ?? rounds.at(-1);
		if (!round)
			return { status: 200, body: { ok: true, data: { roundId: null, truth: null, rows: [] } } };
		const board = publicRoundBoard(db, c, round, now);
		const rows = board.rows.map((r) => ({
			rank: r.rank,
			name: r.fullName,
			phone: maskPhone(r.phone),
			unit: r.unitName,
			score: r.score,
			durationMs: r.durationMs
		}));
		return {
			status: 200,
			body: { ok: true, data: { roundId: round.id, truth: board.truth, rows } }
		};
	}
};
