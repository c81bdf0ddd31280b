import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOX_INTERVALS_MS, isDue, LAST_BOX, scheduleReview, type ReviewItem } from './schedule';
import { DAY_MS, MINUTE_MS } from './calendar';

const T = 1_700_000_000_000;

describe('spaced repetition of mistakes', () => {
	it.each<[string, ReviewItem | null, boolean, ReviewItem | null]>([
		['a mistake enters box 1, due in a minute', null, false, { box: 1, dueAt: T + MINUTE_MS }],
		['a right answer to a question never missed is not scheduled', null, true, null],
		[
			'box 1 → box 2 in ten minutes',
			{ box: 1, dueAt: T },
			true,
			{ box: 2, dueAt: T + 10 * MINUTE_MS }
		],
		['box 2 → box 3 in a day', { box: 2, dueAt: T }, true, { box: 3, dueAt: T + DAY_MS }],
		['box 3 → box 4 in three days', { box: 3, dueAt: T }, true, { box: 4, dueAt: T + 3 * DAY_MS }],
		['right in the last box retires it', { box: 4, dueAt: T }, true, null],
		[
			'wrong in any box goes back to box 1',
			{ box: 3, dueAt: T },
			false,
			{ box: 1, dueAt: T + MINUTE_MS }
		],
		[
			'right before it is due changes nothing',
			{ box: 2, dueAt: T + 1 },
			true,
			{ box: 2, dueAt: T + 1 }
		]
	])('%s', (_name, item, correct, after) => {
		expect(scheduleReview(item, correct, T)).toEqual(after);
	});

	it('retires a mistake after exactly one right answer per box when each is answered on time', () => {
		let item = scheduleReview(null, false, T);
		let rightAnswers = 0;
		while (item) {
			const now = item.dueAt;
			expect(isDue(item, now)).toBe(true);
			expect(isDue(item, now - 1)).toBe(false);
			item = scheduleReview(item, true, now);
			rightAnswers++;
		}
		expect(rightAnswers).toBe(LAST_BOX);
	});

	it('never schedules into the past and never leaves the boxes', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5 * DAY_MS })), {
					maxLength: 40
				}),
				(steps) => {
					let item: ReviewItem | null = null;
					let now = T;
					for (const [correct, wait] of steps) {
						now += wait;
						item = scheduleReview(item, correct, now);
						if (item) {
							expect(item.box).toBeGreaterThanOrEqual(1);
							expect(item.box).toBeLessThanOrEqual(LAST_BOX);
							if (!correct) expect(item.dueAt).toBe(now + BOX_INTERVALS_MS[0]);
						}
					}
				}
			)
		);
	});
});
