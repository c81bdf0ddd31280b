import { m } from '$lib/paraglide/messages.js';
import { getPublishedContest } from '$lib/server/db/queries/contests';
import { ok, readJson, refuse, RegisterBody } from '$lib/server/practice/api';
import { contestErrorMessage, contestErrorStatus } from '$lib/server/practice/messages';
import { participantOrGuest } from '$lib/server/practice/start';
import { parseId } from '$lib/server/params';
import { checkRegistration, registerEntry } from '$lib/server/contest/attempts';
import { clientIp } from '$lib/server/client-ip';
import type { RequestHandler } from './$types';

/** Register for a contest: `{ fullName, phone, unitId }`. One entry per phone and per device. */
export const POST: RequestHandler = async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const contestId = parseId(event.params.contestId);
	const c = contestId ? await getPublishedContest(db, contestId) : undefined;
	if (!c) return refuse(404, 'not_found', contestErrorMessage('not_found'));
	if (event.locals.user?.organizationId === c.organizationId) {
		return refuse(403, 'staff_excluded', contestErrorMessage('staff_excluded'));
	}
	const limit = await event.locals.app.limiters.practice.registerPerIp.consume(clientIp(event));
	if (!limit.allowed) {
		return refuse(
			429,
			'rate_limited',
			m.contest_err_rate_limited({ seconds: limit.retryAfterSec })
		);
	}
	const body = await readJson(event.request, RegisterBody);
	if (!body) return refuse(400, 'name_invalid', contestErrorMessage('name_invalid'));
	const checked = await checkRegistration(db, c, body);
	if (!checked.clean) {
		const [field, code] = Object.entries(checked.errors)[0];
		return Response.json(
			{ ok: false, error: code, field, message: contestErrorMessage(code!) },
			{ status: 400 }
		);
	}
	const who = await participantOrGuest(
		event.locals.app,
		event,
		checked.clean.fullName,
		clientIp(event),
		now
	);
	if (!who.ok) return refuse(429, 'rate_limited', m.contest_err_rate_limited({ seconds: 60 }));
	const entry = await registerEntry(db, c, who.participant.id, checked.clean, now, clientIp(event));
	if (!entry.ok)
		return refuse(contestErrorStatus(entry.error), entry.error, contestErrorMessage(entry.error));
	return ok({ entryId: entry.data.id }, 201);
};
