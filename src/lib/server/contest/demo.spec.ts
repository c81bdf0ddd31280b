import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { seedDemo } from '../seed/all';
import { contest, contestRound, unit } from '../db/schema';
import { DEMO_CONTEST_TITLE } from './demo';

describe('demo contest', () => {
	it('is seeded once, published, with units and four weekly rounds covering today', () => {
		const db = openDatabase(':memory:');
		// Seeders run with the real clock (the registry passes no time).
		const now = Date.now();
		seedDemo(db);
		seedDemo(db);
		const contests = db
			.select()
			.from(contest)
			.all()
			.filter((c) => c.title === DEMO_CONTEST_TITLE);
		expect(contests).toHaveLength(1);
		expect(contests[0].status).toBe('published');
		const rounds = db.select().from(contestRound).all();
		expect(rounds).toHaveLength(4);
		expect(rounds[0].opensAt.getTime()).toBeLessThanOrEqual(now);
		expect(rounds[0].closesAt.getTime()).toBeGreaterThan(now);
		expect(db.select().from(unit).all().length).toBeGreaterThan(0);
	});
});
