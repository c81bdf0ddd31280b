import { listOpenContests } from '$lib/server/db/queries/contests';
import { ok } from '$lib/server/practice/api';
import type { RequestHandler } from './$types';

/** Published contests with a round not yet closed. */
export const GET: RequestHandler = async ({ locals }) =>
	ok(
		(await listOpenContests(locals.app.db, Date.now())).map((c) => ({
			id: c.id,
			title: c.title,
			organizationName: c.organizationName,
			opensAt: c.opensAt,
			closesAt: c.closesAt
		}))
	);
