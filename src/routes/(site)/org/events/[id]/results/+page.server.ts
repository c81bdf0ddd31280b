import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getResults } from '$lib/server/live/service';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'host');
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id < 1) error(404, 'Not found');
	const results = await getResults(locals.app.db, user.organizationId, id);
	if (!results) error(404, 'Not found');
	return { results, order: url.searchParams.get('order') === 'quiz' ? 'quiz' : 'hardest' };
}) satisfies PageServerLoad;
