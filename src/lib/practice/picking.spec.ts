import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickDailyQuestions, pickSessionQuestions } from './picking';

describe('practice question picking', () => {
	it('asks questions not yet answered right before known ones', () => {
		const ids = Array.from({ length: 20 }, (_, i) => i + 1);
		const known = new Set(ids.slice(0, 15));
		const picked = pickSessionQuestions(ids, known, 3, 10);
		expect(picked).toHaveLength(10);
		expect(picked.slice(0, 5).every((id) => !known.has(id))).toBe(true);
		expect(picked.slice(5).every((id) => known.has(id))).toBe(true);
	});

	it('never repeats a question and never invents one', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 500 })), fc.integer(), (ids, seed) => {
				const picked = pickSessionQuestions(ids, new Set(ids.filter((id) => id % 3 === 0)), seed);
				expect(new Set(picked).size).toBe(picked.length);
				expect(picked.every((id) => ids.includes(id))).toBe(true);
				expect(picked.length).toBe(Math.min(10, ids.length));
			})
		);
	});

	it('gives everyone the same challenge on one day, whatever order the pool came in', () => {
		const pool = [5, 3, 9, 1, 7, 2, 8];
		expect(pickDailyQuestions(pool, 20_000)).toEqual(
			pickDailyQuestions([...pool].reverse(), 20_000)
		);
		expect(pickDailyQuestions(pool, 20_000)).toHaveLength(5);
	});
});
