import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guard';
import { listContests } from '$lib/server/db/queries/contests';
import { listUnits } from '$lib/server/db/queries/participants';
import { checkTitle, createDraftContest } from '$lib/server/contest/organizer';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url, 'organizer');
	const db = locals.app.db;
	return {
		contests: (await listContests(db, user.organizationId)).map((c) => ({
			id: c.id,
			title: c.title,
			status: c.status,
			roundCount: c.roundCount,
			entryCount: c.entryCount
		})),
		unitCount: (await listUnits(db, user.organizationId)).length
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const title = String((await readForm(request)).get('title') ?? '')
			.trim()
			.slice(0, 300);
		if (!checkTitle(title))
			return fail(400, { values: { title }, errors: { title: m.contest_org_err_title() } });
		const created = await createDraftContest(locals.app.db, user.organizationId, title);
		redirect(303, `/org/contests/${created.id}`);
	}
} satisfies Actions;
