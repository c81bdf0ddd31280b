import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getPublishedContest } from '$lib/server/db/queries/contests';
import { findEntry } from '$lib/server/db/queries/contest-entries';
import { currentParticipant } from '$lib/server/practice/identity';
import { participantOrGuest } from '$lib/server/practice/start';
import { parseId } from '$lib/server/params';
import { contestErrorMessage, contestErrorStatus } from '$lib/server/practice/messages';
import { checkRegistration, registerEntry, startAttempt } from '$lib/server/contest/attempts';
import { contestPage } from '$lib/server/contest/public';
import { clientIp } from '$lib/server/client-ip';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const contestId = parseId(event.params.contestId);
	const page = contestId
		? await contestPage(db, contestId, await currentParticipant(event.locals.app, event, now), now)
		: undefined;
	if (!page) error(404, 'Not found');
	return page;
}) satisfies PageServerLoad;

export const actions = {
	register: async (event) => {
		const db = event.locals.app.db;
		const now = Date.now();
		const contestId = parseId(event.params.contestId);
		const c = contestId ? await getPublishedContest(db, contestId) : undefined;
		if (!c) error(404, 'Not found');
		const form = await readForm(event);
		const values = {
			fullName: String(form.get('fullName') ?? '').slice(0, 200),
			phone: String(form.get('phone') ?? '').slice(0, 30),
			unitId: String(form.get('unitId') ?? '').slice(0, 12)
		};
		if (event.locals.user?.organizationId === c.organizationId) {
			return fail(403, { values, errors: {}, message: contestErrorMessage('staff_excluded') });
		}
		const limit = await event.locals.app.limiters.practice.registerPerIp.consume(clientIp(event));
		if (!limit.allowed) {
			return fail(429, {
				values,
				errors: {},
				message: m.contest_err_rate_limited({ seconds: limit.retryAfterSec })
			});
		}
		const checked = await checkRegistration(db, c, values);
		if (!checked.clean) {
			const errors = Object.fromEntries(
				Object.entries(checked.errors).map(([field, code]) => [field, contestErrorMessage(code!)])
			);
			return fail(400, { values, errors, message: null });
		}
		const who = await participantOrGuest(
			event.locals.app,
			event,
			checked.clean.fullName,
			clientIp(event),
			now
		);
		if (!who.ok)
			return fail(429, {
				values,
				errors: {},
				message: m.contest_err_rate_limited({ seconds: who.retryAfterSec ?? 60 })
			});
		const entry = await registerEntry(
			db,
			c,
			who.participant.id,
			checked.clean,
			now,
			clientIp(event)
		);
		if (!entry.ok) {
			return fail(contestErrorStatus(entry.error), {
				values,
				errors: {},
				message: contestErrorMessage(entry.error)
			});
		}
		redirect(303, `/contests/${c.id}`);
	},
	start: async (event) => {
		const db = event.locals.app.db;
		const now = Date.now();
		const contestId = parseId(event.params.contestId);
		const c = contestId ? await getPublishedContest(db, contestId) : undefined;
		const participant = await currentParticipant(event.locals.app, event, now);
		if (!c) error(404, 'Not found');
		const entry = participant ? await findEntry(db, c.id, participant.id) : undefined;
		if (!entry) return fail(400, { startError: contestErrorMessage('not_registered') });
		const attempt = await startAttempt(event.locals.app, c, entry, now);
		if (!attempt.ok)
			return fail(contestErrorStatus(attempt.error), {
				startError: contestErrorMessage(attempt.error)
			});
		redirect(303, `/contests/${c.id}/attempts/${attempt.data.publicId}`);
	}
} satisfies Actions;
