import { readJsonBody, toResponse } from '$lib/server/practice/api';
import { contestSubmitEndpoint, parseAttemptPublicId } from '$lib/server/practice/answer-endpoints';
import { PLAYER_COOKIE } from '$lib/server/practice/identity';
import { clientIp } from '$lib/server/client-ip';
import type { RequestHandler } from './$types';

/** Hand in an attempt, with the optional prediction. */
export const POST: RequestHandler = async (event) =>
	toResponse(
		await contestSubmitEndpoint(event.locals.app, {
			token: event.cookies.get(PLAYER_COOKIE),
			attempt: parseAttemptPublicId(event.params.attemptId),
			address: clientIp(event),
			body: await readJsonBody(event.request),
			now: Date.now()
		})
	);
