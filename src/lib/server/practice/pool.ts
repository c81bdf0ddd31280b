/**
 * Short-lived caches of what every participant shares: the published question pool (today's
 * challenge) and the size of each law's pool (mastery badges). Refreshed after `POOL_TTL_MS`, so
 * a bank published a minute ago shows up without a per-answer scan.
 */
import type { Db } from '../db';
import { publishedLawSizes, publishedPoolIds } from '../db/queries/practice';

export const POOL_TTL_MS = 60_000;

interface Cached<T> {
	value: T;
	at: number;
}

const pools = new WeakMap<Db, { ids?: Cached<number[]>; laws?: Cached<Map<string, number>> }>();

function slot(db: Db) {
	let s = pools.get(db);
	if (!s) pools.set(db, (s = {}));
	return s;
}

/** Every published question id. */
export function publishedPool(db: Db, now: number): number[] {
	const s = slot(db);
	if (!s.ids || now - s.ids.at > POOL_TTL_MS) s.ids = { value: publishedPoolIds(db), at: now };
	return s.ids.value;
}

/** Published questions citing `law`. */
export function lawPoolSize(db: Db, law: string, now: number): number {
	const s = slot(db);
	if (!s.laws || now - s.laws.at > POOL_TTL_MS) s.laws = { value: publishedLawSizes(db), at: now };
	return s.laws.value.get(law) ?? 0;
}

/** Forget the caches (tests, and after an organizer publishes a bank in the same process). */
export function resetPoolCache(db: Db): void {
	pools.delete(db);
}
