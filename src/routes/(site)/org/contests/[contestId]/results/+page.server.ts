import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getContest } from '$lib/server/db/queries/contests';
import { listFlaggedAttempts } from '$lib/server/db/queries/contest-attempts';
import { unitParticipation } from '$lib/server/db/queries/contest-entries';
import { organizerResults, pickRound } from '$lib/server/contest/results';
import { parseId } from '$lib/server/params';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireUser(event.locals, event.url, 'organizer');
	const db = event.locals.app.db;
	const now = Date.now();
	const id = parseId(event.params.contestId);
	const contest = id ? await getContest(db, user.organizationId, id) : undefined;
	if (!contest) error(404, 'Not found');
	const { rounds, round } = await pickRound(db, contest, event.url.searchParams.get('round'), now);
	return {
		contest: { id: contest.id, title: contest.title, predictionKind: contest.predictionKind },
		rounds: rounds.map((r) => ({ id: r.id, title: r.title })),
		roundId: round?.id ?? null,
		results: await organizerResults(db, contest, round, now),
		units: await unitParticipation(db, user.organizationId, contest.id),
		/** Attempts handed in faster than the minimum time per question: not ranked, listed for review. */
		flagged: await listFlaggedAttempts(db, user.organizationId, contest.id),
		minSecPerQuestion: contest.minMsPerQuestion / 1000
	};
}) satisfies PageServerLoad;
