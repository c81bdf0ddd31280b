import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	compareOverall,
	compareStandings,
	isBetterAttempt,
	predictionGap,
	rankStandings,
	type Standing
} from './tiebreak';

const base: Standing = { score: 15, prediction: 100, durationMs: 600_000, submittedAt: 1_000 };
const s = (over: Partial<Standing>): Standing => ({ ...base, ...over });

describe('contest tie-break chain', () => {
	it.each<[string, Standing, Standing]>([
		[
			'the higher score wins whatever else',
			s({ score: 16, prediction: null, durationMs: 1_200_000 }),
			s({ score: 15 })
		],
		[
			'on equal scores the closer prediction wins',
			s({ prediction: 105, durationMs: 900_000 }),
			s({ prediction: 90 })
		],
		[
			'a prediction over the truth counts like one under it',
			s({ prediction: 96 }),
			s({ prediction: 105 })
		],
		['any prediction beats none', s({ prediction: 5_000 }), s({ prediction: null, durationMs: 1 })],
		[
			'on equal predictions the shorter time wins',
			s({ durationMs: 300_000, submittedAt: 9_000 }),
			s({})
		],
		['then the earlier submission wins', s({ submittedAt: 500 }), s({})]
	])('%s', (_name, winner, loser) => {
		expect(compareStandings(winner, loser, 100)).toBeLessThan(0);
		expect(compareStandings(loser, winner, 100)).toBeGreaterThan(0);
	});

	it('skips the prediction step when the contest has no prediction question', () => {
		expect(
			compareStandings(s({ prediction: null, durationMs: 1 }), s({ prediction: 100 }), null)
		).toBeLessThan(0);
	});

	it.each([
		[100, 90, 10],
		[80, 90, 10],
		[null, 90, null],
		[5, null, null]
	])('the gap between prediction %s and truth %s is %s', (prediction, truth, gap) => {
		expect(predictionGap(prediction, truth)).toBe(gap);
	});

	it('gives equal entries the same rank and skips the next ones', () => {
		const ranked = rankStandings(
			[
				{ ...s({ score: 10 }), id: 'd' },
				{ ...s({}), id: 'b' },
				{ ...s({}), id: 'c' },
				{ ...s({ score: 20 }), id: 'a' }
			],
			100
		);
		expect(ranked.map((r) => [r.id, r.rank])).toEqual([
			['a', 1],
			['b', 2],
			['c', 2],
			['d', 4]
		]);
	});

	const standing = fc.record({
		score: fc.integer({ min: 0, max: 20 }),
		prediction: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
		durationMs: fc.integer({ min: 0, max: 1_200_000 }),
		submittedAt: fc.integer({ min: 0, max: 10_000 })
	});

	it('is a total order: antisymmetric and transitive', () => {
		fc.assert(
			fc.property(
				standing,
				standing,
				standing,
				fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
				(a, b, c, truth) => {
					expect(Math.sign(compareStandings(a, b, truth))).toBe(
						-Math.sign(compareStandings(b, a, truth)) || 0
					);
					if (compareStandings(a, b, truth) <= 0 && compareStandings(b, c, truth) <= 0) {
						expect(compareStandings(a, c, truth)).toBeLessThanOrEqual(0);
					}
				}
			)
		);
	});

	it('ranks never decrease down the list and rank 1 goes to a maximal entry', () => {
		fc.assert(
			fc.property(
				fc.array(standing, { minLength: 1, maxLength: 30 }),
				fc.integer({ min: 0, max: 500 }),
				(items, truth) => {
					const ranked = rankStandings(items, truth);
					for (let i = 1; i < ranked.length; i++)
						expect(ranked[i].rank).toBeGreaterThanOrEqual(ranked[i - 1].rank);
					expect(ranked[0].rank).toBe(1);
					expect(ranked[0].score).toBe(Math.max(...items.map((i) => i.score)));
				}
			)
		);
	});
});

describe('the attempt that counts', () => {
	it.each<[string, Standing, Standing | null, boolean]>([
		['the first attempt counts', s({}), null, true],
		['a higher score replaces it', s({ score: 16, durationMs: 1_100_000 }), s({}), true],
		['a lower score does not', s({ score: 14, durationMs: 1 }), s({}), false],
		[
			'an equal score in less time replaces it',
			s({ durationMs: 500_000, submittedAt: 5_000 }),
			s({}),
			true
		],
		['an identical later attempt does not', s({ submittedAt: 5_000 }), s({}), false],
		[
			'the prediction does not decide',
			s({ prediction: 100, submittedAt: 5_000 }),
			s({ prediction: null }),
			false
		]
	])('%s', (_name, candidate, current, better) => {
		expect(isBetterAttempt(candidate, current)).toBe(better);
	});
});

describe('overall ranking', () => {
	it.each([
		[
			'total score first',
			{ score: 30, predictionGap: null, durationMs: 9e6, submittedAt: 9 },
			{ score: 29, predictionGap: 0, durationMs: 1, submittedAt: 1 }
		],
		[
			'then the total prediction gap',
			{ score: 30, predictionGap: 3, durationMs: 9e6, submittedAt: 9 },
			{ score: 30, predictionGap: 4, durationMs: 1, submittedAt: 1 }
		],
		[
			'then total time',
			{ score: 30, predictionGap: 3, durationMs: 10, submittedAt: 9 },
			{ score: 30, predictionGap: 3, durationMs: 11, submittedAt: 1 }
		],
		[
			'then the last submission',
			{ score: 30, predictionGap: 3, durationMs: 10, submittedAt: 1 },
			{ score: 30, predictionGap: 3, durationMs: 10, submittedAt: 2 }
		]
	])('%s', (_name, winner, loser) => {
		expect(compareOverall(winner, loser)).toBeLessThan(0);
	});
});
