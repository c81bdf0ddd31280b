import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	scoreAnswer,
	scoreMissedAnswer,
	streakBonus,
	STREAK_BONUS_MAX,
	type ScoreInput
} from './scoring';
import type { PointsMultiplier } from './question';

const RIGHT = { correct: true, fraction: 1 };
const WRONG = { correct: false, fraction: 0 };
const partial = (fraction: number) => ({ correct: false, fraction });

function input(overrides: Partial<ScoreInput>): ScoreInput {
	return {
		mode: 'speed',
		multiplier: 1,
		judgement: RIGHT,
		responseMs: 0,
		timeLimitMs: 20_000,
		streak: 0,
		...overrides
	};
}

describe('speed scoring', () => {
	it.each([
		{ responseMs: 0, multiplier: 1, judgement: RIGHT, points: 1000 },
		{ responseMs: 5_000, multiplier: 1, judgement: RIGHT, points: 875 },
		{ responseMs: 10_000, multiplier: 1, judgement: RIGHT, points: 750 },
		{ responseMs: 19_999, multiplier: 1, judgement: RIGHT, points: 500 },
		{ responseMs: 20_000, multiplier: 1, judgement: RIGHT, points: 500 },
		{ responseMs: 30_000, multiplier: 1, judgement: RIGHT, points: 500 },
		{ responseMs: -200, multiplier: 1, judgement: RIGHT, points: 1000 },
		{ responseMs: 10_000, multiplier: 2, judgement: RIGHT, points: 1500 },
		{ responseMs: 0, multiplier: 2, judgement: RIGHT, points: 2000 },
		{ responseMs: 0, multiplier: 0, judgement: RIGHT, points: 0 },
		{ responseMs: 0, multiplier: 1, judgement: partial(2 / 3), points: 667 },
		{ responseMs: 10_000, multiplier: 1, judgement: partial(1 / 3), points: 250 },
		{ responseMs: 10_000, multiplier: 2, judgement: partial(0.5), points: 750 },
		{ responseMs: 0, multiplier: 1, judgement: WRONG, points: 0 }
	])(
		'gives $points for a ×$multiplier answer after $responseMs ms with fraction $judgement.fraction',
		({ responseMs, multiplier, judgement, points }) => {
			const score = scoreAnswer(
				input({ responseMs, multiplier: multiplier as PointsMultiplier, judgement })
			);
			expect(score.points).toBe(points);
		}
	);

	it('scales the speed share to the time limit of the question', () => {
		expect(scoreAnswer(input({ responseMs: 15_000, timeLimitMs: 30_000 })).points).toBe(750);
	});
});

describe('accuracy scoring', () => {
	it.each([
		{ responseMs: 0, multiplier: 1, judgement: RIGHT, points: 1000 },
		{ responseMs: 19_000, multiplier: 1, judgement: RIGHT, points: 1000 },
		{ responseMs: 19_000, multiplier: 2, judgement: RIGHT, points: 2000 },
		{ responseMs: 3_000, multiplier: 1, judgement: partial(0.5), points: 500 },
		{ responseMs: 3_000, multiplier: 1, judgement: partial(1 / 3), points: 333 },
		{ responseMs: 3_000, multiplier: 1, judgement: WRONG, points: 0 },
		{ responseMs: 3_000, multiplier: 0, judgement: RIGHT, points: 0 }
	])(
		'gives $points for a ×$multiplier answer with fraction $judgement.fraction, whatever the speed',
		({ responseMs, multiplier, judgement, points }) => {
			const score = scoreAnswer(
				input({
					mode: 'accuracy',
					responseMs,
					multiplier: multiplier as PointsMultiplier,
					judgement
				})
			);
			expect(score.points).toBe(points);
		}
	);
});

describe('answer streaks', () => {
	it.each([
		{ before: 0, after: 1, bonus: 0 },
		{ before: 1, after: 2, bonus: 100 },
		{ before: 2, after: 3, bonus: 200 },
		{ before: 4, after: 5, bonus: 400 },
		{ before: 5, after: 6, bonus: 500 },
		{ before: 12, after: 13, bonus: 500 }
	])(
		'in speed-streak mode, a correct answer after $before in a row earns a $bonus bonus',
		({ before, after, bonus }) => {
			const score = scoreAnswer(input({ mode: 'speed-streak', streak: before }));
			expect(score).toEqual({ points: 1000 + bonus, streakBonus: bonus, streak: after });
		}
	);

	it.each(['speed', 'accuracy'] as const)('in %s mode, a streak earns no bonus', (mode) => {
		expect(scoreAnswer(input({ mode, streak: 4 }))).toEqual({
			points: 1000,
			streakBonus: 0,
			streak: 5
		});
	});

	it.each([
		['a wrong answer', WRONG, 0],
		['a partially correct answer', partial(0.5), 375]
	])('%s breaks the streak', (_label, judgement, points) => {
		const score = scoreAnswer(
			input({ mode: 'speed-streak', judgement, streak: 3, responseMs: 10_000 })
		);
		expect(score).toEqual({ points, streakBonus: 0, streak: 0 });
	});

	it('a missed answer scores nothing and breaks the streak', () => {
		expect(scoreMissedAnswer(1, 4)).toEqual({ points: 0, streakBonus: 0, streak: 0 });
	});

	it('a question worth no points neither extends nor breaks the streak', () => {
		expect(scoreAnswer(input({ mode: 'speed-streak', multiplier: 0, streak: 3 }))).toEqual({
			points: 0,
			streakBonus: 0,
			streak: 3
		});
		expect(
			scoreAnswer(input({ mode: 'speed-streak', multiplier: 0, streak: 3, judgement: WRONG }))
		).toEqual({ points: 0, streakBonus: 0, streak: 3 });
		expect(scoreMissedAnswer(0, 3)).toEqual({ points: 0, streakBonus: 0, streak: 3 });
	});

	it('never gives a bonus above the cap', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000 }), (streak) => {
				expect(streakBonus(streak)).toBeLessThanOrEqual(STREAK_BONUS_MAX);
				expect(streakBonus(streak)).toBeGreaterThanOrEqual(0);
			})
		);
	});
});

describe('score bounds', () => {
	it('always gives a whole number between 0 and the maximum for the question', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('speed-streak', 'speed', 'accuracy' as const),
				fc.constantFrom(0, 1, 2),
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.boolean(),
				fc.integer({ min: -1000, max: 300_000 }),
				fc.integer({ min: 5_000, max: 240_000 }),
				fc.integer({ min: 0, max: 50 }),
				(mode, multiplier, fraction, correct, responseMs, timeLimitMs, streak) => {
					const { points } = scoreAnswer({
						mode,
						multiplier: multiplier as PointsMultiplier,
						judgement: correct ? RIGHT : { correct, fraction },
						responseMs,
						timeLimitMs,
						streak
					});
					expect(Number.isInteger(points)).toBe(true);
					expect(points).toBeGreaterThanOrEqual(0);
					expect(points).toBeLessThanOrEqual(multiplier * 1000 + STREAK_BONUS_MAX);
				}
			)
		);
	});

	it('never gives fewer points for answering faster', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 20_000 }),
				fc.integer({ min: 0, max: 20_000 }),
				(a, b) => {
					const [fast, slow] = a <= b ? [a, b] : [b, a];
					expect(scoreAnswer(input({ responseMs: fast })).points).toBeGreaterThanOrEqual(
						scoreAnswer(input({ responseMs: slow })).points
					);
				}
			)
		);
	});
});
