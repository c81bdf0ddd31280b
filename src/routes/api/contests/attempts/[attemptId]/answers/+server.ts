import { getDb } from '$lib/server/db';
import { readJsonBody, toResponse } from '$lib/server/practice/api';
import { contestAnswerEndpoint } from '$lib/server/practice/answer-endpoints';
import { PLAYER_COOKIE } from '$lib/server/practice/identity';
import { parseId } from '$lib/server/practice/start';
import type { RequestHandler } from './$types';

/** Save (or change) one answer of a running attempt. Nothing about correctness is returned. */
export const POST: RequestHandler = async ({ request, cookies, params }) =>
	toResponse(
		await contestAnswerEndpoint(getDb(), {
			token: cookies.get(PLAYER_COOKIE),
			id: parseId(params.attemptId),
			body: await readJsonBody(request),
			now: Date.now()
		})
	);
