import { ok, refuse } from '$lib/server/practice/api';
import { currentParticipant } from '$lib/server/practice/identity';
import { contestErrorMessage } from '$lib/server/practice/messages';
import { parseId } from '$lib/server/params';
import { contestPage } from '$lib/server/contest/public';
import type { RequestHandler } from './$types';

/** A published contest: rules, rounds, the units to register with, and the caller's entry. */
export const GET: RequestHandler = async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const contestId = parseId(event.params.contestId);
	const page = contestId
		? await contestPage(db, contestId, await currentParticipant(event.locals.app, event, now), now)
		: undefined;
	if (!page) return refuse(404, 'not_found', contestErrorMessage('not_found'));
	return ok(page);
};
