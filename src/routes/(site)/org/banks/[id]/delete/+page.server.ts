import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guard';
import { bankOf } from '$lib/server/bank/lookup';
import { deleteBank } from '$lib/server/db/queries/banks';
import { listQuestions } from '$lib/server/db/queries/questions';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'organizer');
	const bank = await bankOf(locals.app.db, user.organizationId, params.id);
	return {
		bank: { id: bank.id, title: bank.title },
		count: (await listQuestions(locals.app.db, user.organizationId, bank.id)).length
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		if ((await readForm(request)).get('confirm') !== 'yes')
			return fail(400, { errors: { confirm: m.bank_delete_err_confirm() } });
		await deleteBank(locals.app.db, user.organizationId, bank.id);
		redirect(303, `/org/banks?deleted=${encodeURIComponent(bank.title)}`);
	}
} satisfies Actions;
