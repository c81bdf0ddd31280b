import { m } from '$lib/paraglide/messages.js';
import { getDb } from '$lib/server/db';
import { AnswerBody, ok, readJson, refuse } from '$lib/server/practice/api';
import { currentParticipant } from '$lib/server/practice/identity';
import { practiceLimits } from '$lib/server/practice/limits';
import { contestErrorMessage, contestErrorStatus } from '$lib/server/practice/messages';
import { parseId } from '$lib/server/practice/start';
import { queueAttemptAnswer } from '$lib/server/contest/attempts';
import type { RequestHandler } from './$types';

/** Save (or change) one answer of a running attempt. Nothing about correctness is returned. */
export const POST: RequestHandler = async (event) => {
	const db = getDb();
	const now = Date.now();
	const participant = currentParticipant(db, event, now);
	const attemptId = parseId(event.params.attemptId);
	if (!participant || !attemptId) return refuse(404, 'not_found', contestErrorMessage('not_found'));
	const limit = await practiceLimits.savePerAttempt.consume(String(attemptId));
	if (!limit.allowed) {
		return refuse(
			429,
			'rate_limited',
			m.contest_err_rate_limited({ seconds: limit.retryAfterSec }),
			{
				'retry-after': String(limit.retryAfterSec)
			}
		);
	}
	const body = await readJson(event.request, AnswerBody);
	if (!body) return refuse(400, 'bad_answer', contestErrorMessage('bad_answer'));
	const saved = await queueAttemptAnswer(db, {
		participantId: participant.id,
		attemptId,
		questionId: body.questionId,
		answer: body.answer,
		now
	});
	if (!saved.ok)
		return refuse(contestErrorStatus(saved.error), saved.error, contestErrorMessage(saved.error));
	return ok(saved.data);
};
