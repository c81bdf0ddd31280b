import { describe, expect, it } from 'vitest';
import {
	emptyFormValues,
	fromFormValues,
	parseNumber,
	splitTags,
	toFormValues
} from './question-form';
import type { Question } from './quiz/question';

const common = { timeLimitSec: 20, points: 1 as const, tags: ['BHXH'] };
const examples: Question[] = [
	{ ...common, type: 'single', text: 'A?', options: ['x', 'y'], correct: 1 },
	{ ...common, type: 'multiple', text: 'B?', options: ['x', 'y', 'z'], correct: [0, 2] },
	{ ...common, type: 'truefalse', text: 'C?', correct: false },
	{
		...common,
		type: 'typeanswer',
		text: 'D?',
		accepted: ['tám giờ', '8 giờ'],
		ignoreDiacritics: true
	},
	{ ...common, type: 'numeric', text: 'E?', value: 1.5, tolerance: 0.1, unit: 'giờ' },
	{
		...common,
		type: 'ordering',
		text: 'F?',
		items: ['1', '2', '3'],
		explanation: 'Vì…',
		citation: { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14', article: 'Điều 25' },
		difficulty: 'hard',
		image: 'abc.png'
	}
];

describe('question form values', () => {
	it.each(examples.map((q) => [q.type, q] as const))(
		'give back the same %s question after a round trip through the form',
		(_, q) => {
			const { question, problems } = fromFormValues(toFormValues(q));
			expect(problems).toEqual({});
			expect(question).toEqual(q);
		}
	);

	it('drop empty options at the end but keep a marked or inner empty one for the validator', () => {
		const values = { ...emptyFormValues('single'), text: 'Q', options: ['a', '', 'c', '', ''] };
		expect(fromFormValues(values).question.options).toEqual(['a', '', 'c']);
		const marked = { ...values, correct: [4] };
		expect(fromFormValues(marked).question.options).toEqual(['a', '', 'c', '', '']);
	});

	it('report fields that are not numbers instead of guessing', () => {
		const values = { ...emptyFormValues('numeric'), value: 'mười', timeLimitSec: '2.5' };
		expect(fromFormValues(values).problems).toEqual({ value: 'number', timeLimitSec: 'integer' });
	});

	it('read decimal commas and trim topic lists', () => {
		expect(parseNumber('1,5')).toBe(1.5);
		expect(parseNumber(' -2 ')).toBe(-2);
		expect(parseNumber('')).toBeNaN();
		expect(splitTags(' BHXH, bhxh ; An toàn  lao động,,')).toEqual(['BHXH', 'An toàn lao động']);
	});
});
