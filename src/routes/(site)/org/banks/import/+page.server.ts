import { requireUser } from '$lib/server/auth/guard';
import { commitAction, importPageData, previewAction } from '$lib/server/bank/import-actions';
import type { Actions, PageServerLoad } from './$types';

/** "New bank from file": the same two steps; the commit creates the bank. */
export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url, 'organizer');
	return await importPageData(locals.app.db, user.organizationId, null, url);
}) satisfies PageServerLoad;

export const actions = {
	preview: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'organizer');
		return previewAction(locals.app.db, user.organizationId, null, request, url);
	},
	commit: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'organizer');
		return commitAction(locals.app.db, user.organizationId, null, request);
	}
} satisfies Actions;
