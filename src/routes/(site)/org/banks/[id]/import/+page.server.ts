import { requireUser } from '$lib/server/auth/guard';
import { bankOf } from '$lib/server/bank/lookup';
import { commitAction, importPageData, previewAction } from '$lib/server/bank/import-actions';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'organizer');
	const bank = await bankOf(locals.app.db, user.organizationId, params.id);
	return {
		bank: { id: bank.id, title: bank.title },
		...(await importPageData(locals.app.db, user.organizationId, bank.id, url))
	};
}) satisfies PageServerLoad;

export const actions = {
	preview: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		return previewAction(locals.app.db, user.organizationId, bank.id, request, url);
	},
	commit: async ({ locals, url, params, request }) => {
		const user = requireUser(locals, url, 'organizer');
		const bank = await bankOf(locals.app.db, user.organizationId, params.id);
		return commitAction(locals.app.db, user.organizationId, bank.id, request);
	}
} satisfies Actions;
