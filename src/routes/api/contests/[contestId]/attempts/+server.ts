import { getPublishedContest } from '$lib/server/db/queries/contests';
import { findEntry } from '$lib/server/db/queries/contest-entries';
import { ok, refuse } from '$lib/server/practice/api';
import { currentParticipant } from '$lib/server/practice/identity';
import { contestErrorMessage, contestErrorStatus } from '$lib/server/practice/messages';
import { parseId } from '$lib/server/params';
import { startAttempt } from '$lib/server/contest/attempts';
import { attemptPage } from '$lib/server/contest/public';
import type { RequestHandler } from './$types';

/** Start the next attempt in the open round (or resume the running one): its questions, no key. */
export const POST: RequestHandler = async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const contestId = parseId(event.params.contestId);
	const c = contestId ? await getPublishedContest(db, contestId) : undefined;
	const participant = await currentParticipant(event.locals.app, event, now);
	if (!c || !participant) return refuse(404, 'not_found', contestErrorMessage('not_found'));
	const entry = await findEntry(db, c.id, participant.id);
	if (!entry) return refuse(400, 'not_registered', contestErrorMessage('not_registered'));
	const started = await startAttempt(event.locals.app, c, entry, now);
	if (!started.ok)
		return refuse(
			contestErrorStatus(started.error),
			started.error,
			contestErrorMessage(started.error)
		);
	const page = (await attemptPage(db, c.id, participant.id, started.data.publicId, now))!;
	return ok({ attempt: page.attempt, questions: page.questions, serverNow: now }, 201);
};
