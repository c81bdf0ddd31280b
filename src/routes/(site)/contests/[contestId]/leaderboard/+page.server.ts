import { error } from '@sveltejs/kit';
import { getPublishedContest, listContestRounds } from '$lib/server/db/queries/contests';
import { unitParticipation } from '$lib/server/db/queries/contest-entries';
import { parseId } from '$lib/server/params';
import { publicOverallBoard, publicRoundBoard } from '$lib/server/contest/standings';
import { openRound } from '$lib/server/contest/attempts';
import { maskPhone } from '$lib/practice/phone';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const contestId = parseId(event.params.contestId);
	const c = contestId ? await getPublishedContest(db, contestId) : undefined;
	if (!c) error(404, 'Not found');
	const allRounds = await listContestRounds(db, c.id);
	const rounds = allRounds.filter((r) => r.opensAt.getTime() <= now);
	const asked = event.url.searchParams.get('round');
	const round =
		asked === 'overall'
			? null
			: (rounds.find((r) => String(r.id) === asked) ??
				openRound(rounds, now) ??
				rounds.at(-1) ??
				null);
	const people = (name: string, phone: string) => `${name} (${maskPhone(phone)})`;
	const board = round ? await publicRoundBoard(event.locals.app, c, round, now) : null;
	const overall = board ? [] : await publicOverallBoard(event.locals.app, c, allRounds, now);
	return {
		contest: { id: c.id, title: c.title, predictionKind: c.predictionKind },
		rounds: rounds.map((r) => ({ id: r.id, title: r.title })),
		roundId: round?.id ?? null,
		truth: board?.truth ?? null,
		/** False while the round is open: predictions and the truth are not shown yet. */
		revealed: board?.revealed ?? true,
		rows: board
			? board.rows.map((r) => ({
					rank: r.rank,
					name: people(r.fullName, r.phone),
					unit: r.unitName,
					score: r.score,
					durationMs: r.durationMs,
					prediction: r.prediction
				}))
			: overall.map((r) => ({
					rank: r.rank,
					name: people(r.fullName, r.phone),
					unit: r.unitName,
					score: r.score,
					durationMs: r.durationMs,
					prediction: null
				})),
		units: await unitParticipation(db, c.organizationId, c.id)
	};
}) satisfies PageServerLoad;
