import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES, LIMITS } from './question';

describe('question model', () => {
	it('offers the six question types organizers author', () => {
		expect(QUESTION_TYPES).toEqual([
			'single',
			'multiple',
			'truefalse',
			'typeanswer',
			'numeric',
			'ordering'
		]);
	});
	it('allows 2 to 6 options for choice questions', () => {
		expect([LIMITS.choiceMin, LIMITS.choiceMax]).toEqual([2, 6]);
	});
});
