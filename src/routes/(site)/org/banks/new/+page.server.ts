import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { createBank } from '$lib/server/db/queries/banks';
import { parseBankForm } from '$lib/server/bank/forms';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async ({ locals, url }) => {
	requireUser(locals, url, 'organizer');
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const parsed = parseBankForm(await readForm(request));
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const created = await createBank(locals.app.db, user.organizationId, parsed.input);
		redirect(303, `/org/banks/${created.id}?done=created`);
	}
} satisfies Actions;
