import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	drawQuestions,
	matchesRow,
	mixShortages,
	mixSize,
	type MixRow,
	type PoolQuestion
} from './draw';

const pool: PoolQuestion[] = [
	...Array.from({ length: 6 }, (_, i) => ({
		id: i + 1,
		tags: ['BLLĐ'],
		difficulty: 'easy' as const
	})),
	...Array.from({ length: 4 }, (_, i) => ({
		id: i + 11,
		tags: ['BLLĐ'],
		difficulty: 'hard' as const
	})),
	...Array.from({ length: 5 }, (_, i) => ({ id: i + 21, tags: ['BHXH'], difficulty: null }))
];

describe('drawing an attempt by mix', () => {
	it('takes exactly the mix: per topic and difficulty, no repeats', () => {
		const mix: MixRow[] = [
			{ tag: 'BLLĐ', difficulty: 'hard', count: 2 },
			{ tag: 'BHXH', difficulty: null, count: 3 },
			{ tag: null, difficulty: null, count: 4 }
		];
		const ids = drawQuestions(pool, mix, 42)!;
		expect(ids).toHaveLength(mixSize(mix));
		expect(new Set(ids).size).toBe(ids.length);
		const byId = new Map(pool.map((q) => [q.id, q]));
		expect(ids.filter((id) => byId.get(id)!.difficulty === 'hard').length).toBeGreaterThanOrEqual(
			2
		);
		expect(ids.filter((id) => byId.get(id)!.tags.includes('BHXH')).length).toBeGreaterThanOrEqual(
			3
		);
	});

	it('gives the same draw for the same seed', () => {
		const mix: MixRow[] = [{ tag: null, difficulty: null, count: 8 }];
		expect(drawQuestions(pool, mix, 7)).toEqual(drawQuestions(pool, mix, 7));
		expect(drawQuestions(pool, mix, 7)).not.toEqual(drawQuestions(pool, mix, 8));
	});

	it.each<[string, MixRow[], number]>([
		['too many hard questions', [{ tag: 'BLLĐ', difficulty: 'hard', count: 5 }], 4],
		['an unknown topic', [{ tag: 'Luật Công đoàn', difficulty: null, count: 1 }], 0],
		[
			'a general row after a specific one that shares its questions',
			[
				{ tag: 'BHXH', difficulty: null, count: 5 },
				{ tag: null, difficulty: null, count: 11 }
			],
			10
		]
	])('reports a shortage for %s', (_name, mix, available) => {
		expect(mixShortages(pool, mix)).toEqual([{ row: mix.at(-1), available }]);
		expect(drawQuestions(pool, mix, 1)).toBeNull();
	});

	it('always succeeds when no shortage is reported', () => {
		const row = fc.record({
			tag: fc.constantFrom('BLLĐ', 'BHXH', null),
			difficulty: fc.constantFrom('easy' as const, 'hard' as const, null),
			count: fc.integer({ min: 0, max: 6 })
		});
		fc.assert(
			fc.property(fc.array(row, { maxLength: 4 }), fc.integer(), (mix, seed) => {
				if (mixShortages(pool, mix).length > 0) return;
				const ids = drawQuestions(pool, mix, seed);
				expect(ids).not.toBeNull();
				expect(ids).toHaveLength(mixSize(mix));
				for (const r of mix) {
					const matching = ids!.filter((id) =>
						matchesRow(
							pool.find((q) => q.id === id)!,
							r
						)
					);
					expect(matching.length).toBeGreaterThanOrEqual(r.count);
				}
			})
		);
	});
});
