import { listPublishedBanks } from '$lib/server/db/queries/practice';
import { ok } from '$lib/server/practice/api';
import type { RequestHandler } from './$types';

/** Published banks open for practice (`?tag=` filters by topic). */
export const GET: RequestHandler = async ({ locals, url }) =>
	ok(await listPublishedBanks(locals.app.db, url.searchParams.get('tag') || undefined));
