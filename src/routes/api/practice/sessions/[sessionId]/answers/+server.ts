import { readJsonBody, toResponse } from '$lib/server/practice/api';
import { practiceAnswerEndpoint } from '$lib/server/practice/answer-endpoints';
import { PLAYER_COOKIE } from '$lib/server/practice/identity';
import { parseId } from '$lib/server/params';
import { clientIp } from '$lib/server/client-ip';
import type { RequestHandler } from './$types';

/** Answer the session's current question: judged on the server, revealed at once. */
export const POST: RequestHandler = async (event) =>
	toResponse(
		await practiceAnswerEndpoint(event.locals.app, {
			token: event.cookies.get(PLAYER_COOKIE),
			id: parseId(event.params.sessionId),
			address: clientIp(event),
			body: await readJsonBody(event.request),
			now: Date.now()
		})
	);
