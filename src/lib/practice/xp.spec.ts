import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { levelOf, xpForAnswer, xpForLevel, XP_REPEAT } from './xp';

describe('XP for an answer', () => {
	it.each([
		[{ correct: false, difficulty: 'hard', knewIt: false, wasMistake: false }, 0],
		[{ correct: false, difficulty: 'easy', knewIt: true, wasMistake: true }, 0],
		[{ correct: true, difficulty: 'easy', knewIt: false, wasMistake: false }, 10],
		[{ correct: true, difficulty: 'medium', knewIt: false, wasMistake: false }, 15],
		[{ correct: true, difficulty: null, knewIt: false, wasMistake: false }, 15],
		[{ correct: true, difficulty: 'hard', knewIt: false, wasMistake: true }, 20],
		[{ correct: true, difficulty: 'hard', knewIt: true, wasMistake: true }, 10],
		[{ correct: true, difficulty: 'easy', knewIt: true, wasMistake: true }, 5],
		[{ correct: true, difficulty: 'hard', knewIt: true, wasMistake: false }, XP_REPEAT]
	] as const)('%o earns %i XP', (input, xp) => {
		expect(xpForAnswer(input)).toBe(xp);
	});

	it('never rewards a wrong answer, and never pays more for a question already known', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('easy', 'medium', 'hard', null),
				fc.boolean(),
				(difficulty, wasMistake) => {
					const base = { difficulty, wasMistake } as const;
					expect(xpForAnswer({ ...base, correct: false, knewIt: false })).toBe(0);
					expect(xpForAnswer({ ...base, correct: true, knewIt: true })).toBeLessThan(
						xpForAnswer({ ...base, correct: true, knewIt: false })
					);
				}
			)
		);
	});
});

describe('levels', () => {
	it.each([
		[0, 1],
		[99, 1],
		[100, 2],
		[249, 2],
		[250, 3],
		[450, 4],
		[700, 5],
		[-5, 1]
	])('%i XP is level %i', (xp, level) => {
		expect(levelOf(xp).level).toBe(level);
	});

	it('needs more XP for each next level and reports progress within the level', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1_000_000 }), (xp) => {
				const info = levelOf(xp);
				expect(info.floor).toBeLessThanOrEqual(xp);
				expect(info.next).toBeGreaterThan(xp);
				expect(info.progress).toBeGreaterThanOrEqual(0);
				expect(info.progress).toBeLessThan(1);
				expect(xpForLevel(info.level + 2) - xpForLevel(info.level + 1)).toBeGreaterThan(
					info.next - info.floor
				);
			})
		);
	});
});
