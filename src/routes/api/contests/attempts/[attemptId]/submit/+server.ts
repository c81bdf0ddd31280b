import { getDb } from '$lib/server/db';
import { readJsonBody, toResponse } from '$lib/server/practice/api';
import { contestSubmitEndpoint } from '$lib/server/practice/answer-endpoints';
import { PLAYER_COOKIE } from '$lib/server/practice/identity';
import { parseId } from '$lib/server/practice/start';
import type { RequestHandler } from './$types';

/** Hand in an attempt, with the optional prediction. */
export const POST: RequestHandler = async ({ request, cookies, params }) =>
	toResponse(
		await contestSubmitEndpoint(getDb(), {
			token: cookies.get(PLAYER_COOKIE),
			id: parseId(params.attemptId),
			body: await readJsonBody(request),
			now: Date.now()
		})
	);
