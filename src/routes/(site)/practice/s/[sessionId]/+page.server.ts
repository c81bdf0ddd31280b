import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { reviewSummary } from '$lib/server/db/queries/practice';
import { currentParticipant } from '$lib/server/practice/identity';
import { playerSummary } from '$lib/server/practice/player';
import { sessionSummary, viewSession } from '$lib/server/practice/sessions';
import { queuePracticeAnswer } from '$lib/server/practice/answer';
import { answerFromForm } from '$lib/server/practice/answer-form';
import { practiceLimits } from '$lib/server/practice/limits';
import { practiceErrorMessage, practiceErrorStatus } from '$lib/server/practice/messages';
import { parseId } from '$lib/server/params';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = ((event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const participant = currentParticipant(db, event, now);
	const sessionId = parseId(event.params.sessionId);
	const view = participant && sessionId ? viewSession(db, participant.id, sessionId) : undefined;
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
		summary: current ? null : (sessionSummary(db, participant.id, session.id) ?? []),
		review: current ? null : reviewSummary(db, participant.id, now)
	};
}) satisfies PageServerLoad;

export const actions = {
	answer: async (event) => {
		const db = event.locals.app.db;
		const now = Date.now();
		const participant = currentParticipant(db, event, now);
		const sessionId = parseId(event.params.sessionId);
		if (!participant || !sessionId) error(404, 'Not found');
		const limit = await practiceLimits.answerPerPlayer.consume(String(participant.id));
		if (!limit.allowed) {
			return fail(429, { message: m.practice_err_rate_limited({ seconds: limit.retryAfterSec }) });
		}
		const form = await readForm(event);
		const questionId = Number(form.get('questionId'));
		const view = viewSession(db, participant.id, sessionId);
		const question = view?.current?.id === questionId ? view.current.question : null;
		const outcome = await queuePracticeAnswer(db, {
			participantId: participant.id,
			sessionId,
			questionId,
			answer: question ? answerFromForm(question, form) : null,
			now
		});
		if (!outcome.ok) {
			return fail(practiceErrorStatus(outcome.error), {
				message: practiceErrorMessage(outcome.error)
			});
		}
		// A repeated submission (double tap, resent form): show where the session stands.
		if (outcome.data.repeated || !question) redirect(303, event.url.pathname);
		return { result: { ...outcome.data, question } };
	}
} satisfies Actions;
