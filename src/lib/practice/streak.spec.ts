import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extendStreak, NEW_STREAK, visibleStreak, type StreakState } from './streak';

describe('daily streak', () => {
	it.each<[string, StreakState, number, StreakState]>([
		['starts at 1 for a new player', NEW_STREAK, 100, { current: 1, best: 1, lastDay: 100 }],
		[
			'grows on the next day',
			{ current: 4, best: 4, lastDay: 99 },
			100,
			{ current: 5, best: 5, lastDay: 100 }
		],
		[
			'does not grow twice on one day',
			{ current: 4, best: 6, lastDay: 100 },
			100,
			{ current: 4, best: 6, lastDay: 100 }
		],
		[
			'restarts after a missed day and keeps the best',
			{ current: 6, best: 6, lastDay: 97 },
			100,
			{ current: 1, best: 6, lastDay: 100 }
		],
		[
			'ignores a day in the past',
			{ current: 3, best: 3, lastDay: 100 },
			99,
			{ current: 3, best: 3, lastDay: 100 }
		]
	])('%s', (_name, before, day, after) => {
		expect(extendStreak(before, day)).toEqual(after);
	});

	it.each([
		[100, 3],
		[101, 3],
		[102, 0]
	])('a streak last extended on day 100 shows on day %i as %i', (day, shown) => {
		expect(visibleStreak({ current: 3, best: 3, lastDay: 100 }, day)).toBe(shown);
	});

	it('equals the number of consecutive days played, and best is the longest run', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }), (gaps) => {
				let state = NEW_STREAK;
				let day = 1000;
				let run = 0;
				let longest = 0;
				for (const gap of gaps) {
					day += gap;
					run = gap === 1 ? run + 1 : gap === 0 && run > 0 ? run : 1;
					longest = Math.max(longest, run);
					state = extendStreak(state, day);
					expect(state.current).toBe(run);
					expect(state.best).toBe(longest);
				}
			})
		);
	});
});
