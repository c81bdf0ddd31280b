import { m } from '$lib/paraglide/messages.js';
import { ok, readJson, refuse, StartBody } from '$lib/server/practice/api';
import { currentParticipant } from '$lib/server/practice/identity';
import {
	startBankSession,
	startDailySession,
	startReviewSession,
	viewSession
} from '$lib/server/practice/sessions';
import { practiceErrorMessage, practiceErrorStatus } from '$lib/server/practice/messages';
import type { RequestHandler } from './$types';

/** Start a session: `{ bankId }`, `{ kind: 'daily' }` or `{ kind: 'review' }`. */
export const POST: RequestHandler = async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const participant = await currentParticipant(event.locals.app, event, now);
	if (!participant) return refuse(401, 'no_player', m.practice_err_no_player());
	const body = await readJson(event.request, StartBody);
	if (!body) return refuse(400, 'bad_request', practiceErrorMessage('not_found'));
	const started =
		'bankId' in body
			? await startBankSession(event.locals.app, participant.id, body.bankId, now)
			: body.kind === 'daily'
				? await startDailySession(event.locals.app, participant.id, m.practice_daily_heading(), now)
				: await startReviewSession(
						event.locals.app,
						participant.id,
						m.practice_review_heading(),
						now
					);
	if (!started.ok)
		return refuse(
			practiceErrorStatus(started.error),
			started.error,
			practiceErrorMessage(started.error)
		);
	const view = (await viewSession(db, participant.id, started.session.id))!;
	return ok(
		{
			sessionId: started.session.id,
			total: started.session.questionIds.length,
			current: view.current
		},
		201
	);
};
