/**
 * Short-lived caches of what every participant shares: the published question pool (today's
 * challenge) and the size of each law's pool (mastery badges). Refreshed after `POOL_TTL_MS`, so
 * a bank published a minute ago shows up without a per-answer scan. One per app
 * (`AppCaches.practicePool`, see app.ts).
 */
import type { Db } from '../db';
import { publishedLawSizes, publishedPoolIds } from '../db/queries/practice';

export const POOL_TTL_MS = 60_000;

interface Cached<T> {
	value: T;
	at: number;
}

export interface PoolCache {
	ids?: Cached<number[]>;
	laws?: Cached<Map<string, number>>;
}

/** An empty cache (app.ts's `createApp` makes one per app). */
export function createPoolCache(): PoolCache {
	return {};
}

/** What the pool functions need of the app (an `AppContext` fits; app.ts imports this module). */
export interface PoolApp {
	db: Db;
	caches: { practicePool: PoolCache };
}

/** Every published question id. */
export async function publishedPool(app: PoolApp, now: number): Promise<number[]> {
	const s = app.caches.practicePool;
	if (!s.ids || now - s.ids.at > POOL_TTL_MS)
		s.ids = { value: await publishedPoolIds(app.db), at: now };
	return s.ids.value;
}

/** Published questions citing `law`. */
export async function lawPoolSize(app: PoolApp, law: string, now: number): Promise<number> {
	const s = app.caches.practicePool;
	if (!s.laws || now - s.laws.at > POOL_TTL_MS)
		s.laws = { value: await publishedLawSizes(app.db), at: now };
	return s.laws.value.get(law) ?? 0;
}

/** Forget the caches (tests, and after an organizer publishes a bank in the same process). */
export function resetPoolCache(app: Pick<PoolApp, 'caches'>): void {
	const s = app.caches.practicePool;
	delete s.ids;
	delete s.laws;
}
