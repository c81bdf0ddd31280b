import { getDb } from '$lib/server/db';
import { ok, readJson, refuse, SubmitBody } from '$lib/server/practice/api';
import { currentParticipant } from '$lib/server/practice/identity';
import { contestErrorMessage, contestErrorStatus } from '$lib/server/practice/messages';
import { parseId } from '$lib/server/practice/start';
import { parsePrediction, queueSubmitAttempt } from '$lib/server/contest/attempts';
import type { RequestHandler } from './$types';

/** Hand in an attempt, with the optional prediction. */
export const POST: RequestHandler = async (event) => {
	const db = getDb();
	const now = Date.now();
	const participant = currentParticipant(db, event, now);
	const attemptId = parseId(event.params.attemptId);
	if (!participant || !attemptId) return refuse(404, 'not_found', contestErrorMessage('not_found'));
	const body = await readJson(event.request, SubmitBody);
	const prediction = body ? parsePrediction(body.prediction) : { ok: false as const };
	if (!prediction.ok)
		return refuse(400, 'prediction_invalid', contestErrorMessage('prediction_invalid'));
	const result = await queueSubmitAttempt(db, {
		participantId: participant.id,
		attemptId,
		prediction: prediction.value,
		now
	});
	if (!result.ok)
		return refuse(
			contestErrorStatus(result.error),
			result.error,
			contestErrorMessage(result.error)
		);
	const a = result.data.attempt;
	return ok({
		status: a.status,
		score: a.score,
		total: a.questionIds.length,
		durationMs: a.durationMs,
		counts: result.data.counts
	});
};
