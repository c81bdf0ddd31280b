import { error } from '@sveltejs/kit';
import type { Db } from '../db';
import { getBank } from '../db/queries/banks';
import { parseId } from '../params';

/** The organization's bank named by a route parameter; a 404 when the id is malformed or not theirs. */
export async function bankOf(db: Db, organizationId: number, param: string) {
	const id = parseId(param);
	const bank = id ? await getBank(db, organizationId, id) : undefined;
	if (!bank) error(404, 'Not found');
	return bank;
}
