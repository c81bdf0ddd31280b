import { getDb } from '$lib/server/db';
import { listPublishedBanks } from '$lib/server/db/queries/practice';
import { ok } from '$lib/server/practice/api';
import type { RequestHandler } from './$types';

/** Published banks open for practice (`?tag=` filters by topic). */
export const GET: RequestHandler = ({ url }) =>
	ok(listPublishedBanks(getDb(), url.searchParams.get('tag') || undefined));
