import { error, fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { bankOf } from '$lib/server/bank/lookup';
import { listOrgTags } from '$lib/server/db/queries/banks';
import { addQuestion } from '$lib/server/db/queries/questions';
import { questionFromForm } from '$lib/server/bank/question-save';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'organizer');
	const bank = await bankOf(locals.app.db, user.organizationId, params.id);
	return {
		bank: { id: bank.id, title: bank.title, tags: bank.tags },
		tags: await listOrgTags(locals.app.db, user.organizationId),
		saved: url.searchParams.has('saved')
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		const form = await readForm(request);
		const result = await questionFromForm(locals.app, user.organizationId, form);
		if (!result.ok) return fail(400, { values: result.values, errors: result.errors });
		const id = await addQuestion(locals.app.db, user.organizationId, bank.id, result.question);
		if (!id) error(404, 'Not found');
		if (form.get('next') === 'new') redirect(303, `/org/banks/${bank.id}/questions/new?saved`);
		redirect(303, `/org/banks/${bank.id}?done=saved#q-${id}`);
	}
} satisfies Actions;
