import { listOpenContests } from '$lib/server/db/queries/contests';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals }) => ({
	contests: (await listOpenContests(locals.app.db, Date.now())).map((c) => ({
		id: c.id,
		title: c.title,
		description: c.description,
		organizationName: c.organizationName,
		timeZone: c.timeZone,
		opensAt: c.opensAt,
		closesAt: c.closesAt
	}))
})) satisfies PageServerLoad;
