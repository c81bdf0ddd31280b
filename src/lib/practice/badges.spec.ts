import { describe, expect, it } from 'vitest';
import {
	crossedBadges,
	crossedLawBadge,
	describeBadge,
	isLawMastered,
	isPerfectSession
} from './badges';

describe('badges', () => {
	it.each([
		[
			{ correctTotal: 0, streak: 0, level: 1 },
			{ correctTotal: 1, streak: 1, level: 1 },
			['first-correct']
		],
		[
			{ correctTotal: 5, streak: 2, level: 1 },
			{ correctTotal: 6, streak: 3, level: 1 },
			['streak-3']
		],
		[{ correctTotal: 5, streak: 3, level: 1 }, { correctTotal: 6, streak: 3, level: 1 }, []],
		[
			{ correctTotal: 50, streak: 6, level: 4 },
			{ correctTotal: 51, streak: 7, level: 5 },
			['streak-7', 'level-5']
		],
		[
			{ correctTotal: 50, streak: 29, level: 9 },
			{ correctTotal: 51, streak: 30, level: 10 },
			['streak-30', 'level-10']
		]
	])('from %o to %o earns %o', (before, after, codes) => {
		expect(crossedBadges(before, after)).toEqual(codes);
	});

	it.each([
		[9, 10, 40, 'law:Bộ luật Lao động 2019'],
		[10, 11, 40, null],
		[3, 4, 4, 'law:Bộ luật Lao động 2019'],
		[3, 4, 0, null]
	])(
		'%i → %i right answers with %i questions in the pool earns %s',
		(before, after, pool, badge) => {
			expect(crossedLawBadge('Bộ luật Lao động 2019', before, after, pool)).toBe(badge);
		}
	);

	it.each([
		[10, 40, true],
		[9, 40, false],
		[4, 4, true],
		[0, 0, false]
	])('%i right of a %i-question law is mastered: %s', (correct, pool, mastered) => {
		expect(isLawMastered(correct, pool)).toBe(mastered);
	});

	it.each([
		[5, 5, true],
		[4, 4, false],
		[10, 9, false]
	])('a session of %i answers with %i right is perfect: %s', (answered, correct, perfect) => {
		expect(isPerfectSession(answered, correct)).toBe(perfect);
	});

	it.each([
		['streak-7', { kind: 'streak', days: 7 }],
		['level-10', { kind: 'level', level: 10 }],
		['law:Luật Công đoàn 2024', { kind: 'law', document: 'Luật Công đoàn 2024' }],
		['first-correct', { kind: 'first-correct' }],
		['mystery', { kind: 'unknown', code: 'mystery' }]
	])('describes %s', (code, view) => {
		expect(describeBadge(code)).toEqual(view);
	});
});
