import { fail, redirect } from '@sveltejs/kit';
import { listAllUnits } from '$lib/server/db/queries/participants';
import { listBadges, listPracticeSessions } from '$lib/server/db/queries/practice';
import { listParticipantEntries } from '$lib/server/db/queries/contest-entries';
import { currentParticipant, signOutParticipant } from '$lib/server/practice/identity';
import { playerSummary } from '$lib/server/practice/player';
import { saveAccountForm } from '$lib/server/practice/account';
import { accountErrorMessages } from '$lib/server/practice/messages';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async (event) => {
	const db = event.locals.app.db;
	const participant = await currentParticipant(event.locals.app, event);
	if (!participant) return { player: null };
	return {
		player: playerSummary(participant),
		account: {
			fullName: participant.fullName ?? participant.nickname,
			phone: participant.phone ?? '',
			email: participant.email ?? '',
			unitId: participant.unitId ? String(participant.unitId) : ''
		},
		streakBest: participant.streakBest,
		badges: (await listBadges(db, participant.id)).map((b) => b.code),
		sessions: (await listPracticeSessions(db, participant.id, 20)).map((s) => ({
			id: s.id,
			title: s.title,
			answered: s.answered,
			total: s.questionIds.length,
			correct: s.correct,
			xp: s.xp,
			startedAt: s.startedAt.getTime(),
			finished: s.finishedAt !== null
		})),
		entries: await listParticipantEntries(db, participant.id),
		units: await listAllUnits(db)
	};
}) satisfies PageServerLoad;

export const actions = {
	account: async (event) => {
		const db = event.locals.app.db;
		const participant = await currentParticipant(event.locals.app, event);
		if (!participant) redirect(303, '/me');
		const { values, errors } = await saveAccountForm(db, participant, await readForm(event));
		if (Object.keys(errors).length > 0)
			return fail(400, { values, errors: accountErrorMessages(errors) });
		return { saved: true };
	},
	logout: async (event) => {
		await signOutParticipant(event.locals.app.db, event);
		redirect(303, '/');
	}
} satisfies Actions;
