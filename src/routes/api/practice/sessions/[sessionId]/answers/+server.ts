import { m } from '$lib/paraglide/messages.js';
import { getDb } from '$lib/server/db';
import { AnswerBody, ok, readJson, refuse } from '$lib/server/practice/api';
import { currentParticipant } from '$lib/server/practice/identity';
import { queuePracticeAnswer } from '$lib/server/practice/answer';
import { practiceLimits } from '$lib/server/practice/limits';
import { practiceErrorMessage, practiceErrorStatus } from '$lib/server/practice/messages';
import { parseId } from '$lib/server/practice/start';
import type { RequestHandler } from './$types';

/** Answer the session's current question: judged on the server, revealed at once. */
export const POST: RequestHandler = async (event) => {
	const db = getDb();
	const now = Date.now();
	const participant = currentParticipant(db, event, now);
	const sessionId = parseId(event.params.sessionId);
	if (!participant || !sessionId)
		return refuse(404, 'not_found', practiceErrorMessage('not_found'));
	const limit = await practiceLimits.answerPerPlayer.consume(String(participant.id));
	if (!limit.allowed) {
		return refuse(
			429,
			'rate_limited',
			m.practice_err_rate_limited({ seconds: limit.retryAfterSec }),
			{
				'retry-after': String(limit.retryAfterSec)
			}
		);
	}
	const body = await readJson(event.request, AnswerBody);
	if (!body) return refuse(400, 'bad_answer', practiceErrorMessage('bad_answer'));
	const outcome = await queuePracticeAnswer(db, {
		participantId: participant.id,
		sessionId,
		questionId: body.questionId,
		answer: body.answer,
		now
	});
	if (!outcome.ok)
		return refuse(
			practiceErrorStatus(outcome.error),
			outcome.error,
			practiceErrorMessage(outcome.error)
		);
	return ok(outcome.data);
};
