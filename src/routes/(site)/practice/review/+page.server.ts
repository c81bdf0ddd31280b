import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { reviewSummary } from '$lib/server/db/queries/practice';
import { currentParticipant } from '$lib/server/practice/identity';
import { playerSummary } from '$lib/server/practice/player';
import { beginPractice } from '$lib/server/practice/start';
import { beginErrorMessage } from '$lib/server/practice/messages';
import { clientIp } from '$lib/server/client-ip';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const participant = await currentParticipant(event.locals.app, event, now);
	return {
		player: participant ? playerSummary(participant, now) : null,
		review: participant ? await reviewSummary(db, participant.id, now) : null
	};
}) satisfies PageServerLoad;

export const actions = {
	start: async (event) => {
		const form = await readForm(event);
		const started = await beginPractice(
			event.locals.app,
			event,
			form,
			{ kind: 'review', title: m.practice_review_heading() },
			clientIp(event)
		);
		if (!started.ok) return fail(400, { message: beginErrorMessage(started), nickname: '' });
		redirect(303, `/practice/s/${started.sessionId}`);
	}
} satisfies Actions;
