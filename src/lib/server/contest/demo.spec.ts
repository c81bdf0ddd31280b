import { describe, expect, it } from 'vitest';
import { openTestDb } from '../db/test-databases';
import { seedDemo } from '../seed/all';
import { contest, contestRound, unit } from '../db/schema';
import { DEMO_CONTEST_TITLE } from './demo';

describe('demo contest', () => {
	it('is seeded once, published, with units and four weekly rounds covering today', async () => {
		const db = await openTestDb();
		// Seeders run with the real clock (the registry passes no time).
		const now = Date.now();
		await seedDemo(db);
		await seedDemo(db);
		const contests = (await db.select().from(contest)).filter(
			(c) => c.title === DEMO_CONTEST_TITLE
		);
		expect(contests).toHaveLength(1);
		expect(contests[0].status).toBe('published');
		const rounds = await db.select().from(contestRound);
		expect(rounds).toHaveLength(4);
		expect(rounds[0].opensAt.getTime()).toBeLessThanOrEqual(now);
		expect(rounds[0].closesAt.getTime()).toBeGreaterThan(now);
		expect((await db.select().from(unit)).length).toBeGreaterThan(0);
	});
});
