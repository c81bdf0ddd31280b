import { getDb } from '$lib/server/db';
import { readJsonBody, toResponse } from '$lib/server/practice/api';
import { practiceAnswerEndpoint } from '$lib/server/practice/answer-endpoints';
import { PLAYER_COOKIE } from '$lib/server/practice/identity';
import { parseId } from '$lib/server/practice/start';
import type { RequestHandler } from './$types';

/** Answer the session's current question: judged on the server, revealed at once. */
export const POST: RequestHandler = async ({ request, cookies, params }) =>
	toResponse(
		await practiceAnswerEndpoint(getDb(), {
			token: cookies.get(PLAYER_COOKIE),
			id: parseId(params.sessionId),
			body: await readJsonBody(request),
			now: Date.now()
		})
	);
