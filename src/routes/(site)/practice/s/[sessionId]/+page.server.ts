import { error, fail, redirect } from '@sveltejs/kit';
import { reviewSummary } from '$lib/server/db/queries/practice';
import { currentParticipant } from '$lib/server/practice/identity';
import { playerSummary } from '$lib/server/practice/player';
import { sessionSummary, viewSession } from '$lib/server/practice/sessions';
import { answerPracticeRequest } from '$lib/server/practice/answer-endpoints';
import { answerFromForm } from '$lib/server/practice/answer-form';
import type { PublicQuestion } from '$lib/quiz/judge';
import { parseId } from '$lib/server/params';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const participant = await currentParticipant(event.locals.app, event, now);
	const sessionId = parseId(event.params.sessionId);
	const view =
		participant && sessionId ? await viewSession(db, participant.id, sessionId) : undefined;
	if (!participant || !view) error(404, 'Not found');
	const { session, current } = view;
	return {
		player: playerSummary(participant, now),
		session: {
			id: session.id,
			kind: session.kind,
			bankId: session.bankId,
			title: session.title,
			total: session.questionIds.length,
			answered: session.answered,
			correct: session.correct,
			xp: session.xp
		},
		current,
		summary: current ? null : ((await sessionSummary(db, participant.id, session.id)) ?? []),
		review: current ? null : await reviewSummary(db, participant.id, now)
	};
}) satisfies PageServerLoad;

export const actions = {
	/** A thin adapter over `answerPracticeRequest`, the same function as the JSON endpoint. */
	answer: async (event) => {
		const { app } = event.locals;
		const now = Date.now();
		const participant = await currentParticipant(event.locals.app, event, now);
		const sessionId = parseId(event.params.sessionId);
		if (!participant || !sessionId) error(404, 'Not found');
		const form = await readForm(event);
		// The form's fields are read against the question as this session shows it.
		const shown: { question?: PublicQuestion } = {};
		const reply = await answerPracticeRequest(app, {
			participantId: participant.id,
			sessionId,
			body: {
				questionId: Number(form.get('questionId')),
				answer: (question: PublicQuestion) => answerFromForm((shown.question = question), form)
			},
			now
		});
		if (!reply.payload.ok) return fail(reply.status, { message: reply.payload.message });
		const result = reply.payload.data;
		// A repeated submission (double tap, resent form): show where the session stands.
		if (result.repeated || !shown.question) redirect(303, event.url.pathname);
		return { result: { ...result, question: shown.question } };
	}
} satisfies Actions;
