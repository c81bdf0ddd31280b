import { getDb } from '$lib/server/db';
import { getPublishedContest, listContestRounds } from '$lib/server/db/queries/contests';
import { ok, refuse } from '$lib/server/practice/api';
import { contestErrorMessage } from '$lib/server/practice/messages';
import { parseId } from '$lib/server/practice/start';
import { openRound } from '$lib/server/contest/attempts';
import { publicRoundBoard } from '$lib/server/contest/standings';
import { maskPhone } from '$lib/practice/phone';
import type { RequestHandler } from './$types';

/** The public board of a round (`?round=<id>`, default: the open one), cached for a few seconds. */
export const GET: RequestHandler = (event) => {
	const db = getDb();
	const now = Date.now();
	const contestId = parseId(event.params.contestId);
	const c = contestId ? getPublishedContest(db, contestId) : undefined;
	if (!c) return refuse(404, 'not_found', contestErrorMessage('not_found'));
	const rounds = listContestRounds(db, c.id).filter((r) => r.opensAt.getTime() <= now);
	const asked = event.url.searchParams.get('round');
	const round =
		rounds.find((r) => String(r.id) === asked) ?? openRound(rounds, now) ?? rounds.at(-1);
	if (!round) return ok({ roundId: null, truth: null, rows: [] });
	const board = publicRoundBoard(db, c, round, now);
	return ok({
		roundId: round.id,
		truth: board.truth,
		rows: board.rows.map((r) => ({
			rank: r.rank,
			name: r.fullName,
			phone: maskPhone(r.phone),
			unit: r.unitName,
			score: r.score,
			durationMs: r.durationMs
		}))
	});
};
