import { ok, refuse } from '$lib/server/practice/api';
import { currentParticipant } from '$lib/server/practice/identity';
import { viewSession } from '$lib/server/practice/sessions';
import { practiceErrorMessage } from '$lib/server/practice/messages';
import { parseId } from '$lib/server/params';
import type { RequestHandler } from './$types';

/** Where a session stands: its current question (no answer key). */
export const GET: RequestHandler = async (event) => {
	const db = event.locals.app.db;
	const participant = await currentParticipant(event.locals.app, event);
	const sessionId = parseId(event.params.sessionId);
	const view =
		participant && sessionId ? await viewSession(db, participant.id, sessionId) : undefined;
	if (!view) return refuse(404, 'not_found', practiceErrorMessage('not_found'));
	return ok({
		sessionId: view.session.id,
		answered: view.session.answered,
		total: view.session.questionIds.length,
		correct: view.session.correct,
		xp: view.session.xp,
		current: view.current
	});
};
