import { describe, expect, it } from 'vitest';
import { answerFromForm, readNumber } from './answer-form';
import type { PublicQuestion } from '../../quiz/judge';

const common = { text: 'Câu?', timeLimitSec: 20, points: 1 as const, image: null };

function form(entries: Array<[string, string]>): FormData {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
}

describe('reading answers from forms', () => {
	it.each<[string, PublicQuestion, Array<[string, string]>, unknown]>([
		[
			'a single choice',
			{ ...common, type: 'single', options: ['a', 'b'] },
			[['choice', '1']],
			{ type: 'single', choice: 1 }
		],
		['no choice', { ...common, type: 'single', options: ['a', 'b'] }, [], null],
		[
			'a forged choice',
			{ ...common, type: 'single', options: ['a', 'b'] },
			[['choice', '1e3']],
			null
		],
		[
			'several choices',
			{ ...common, type: 'multiple', options: ['a', 'b', 'c'] },
			[
				['choices', '0'],
				['choices', '2']
			],
			{ type: 'multiple', choices: [0, 2] }
		],
		[
			'true',
			{ ...common, type: 'truefalse' },
			[['value', 'true']],
			{ type: 'truefalse', value: true }
		],
		[
			'typed text',
			{ ...common, type: 'typeanswer' },
			[['text', '  tám giờ ']],
			{ type: 'typeanswer', text: 'tám giờ' }
		],
		[
			'a number with a decimal comma',
			{ ...common, type: 'numeric', unit: null },
			[['value', '2,5']],
			{ type: 'numeric', value: 2.5 }
		],
		[
			'positions for an ordering',
			{
				...common,
				type: 'ordering',
				items: [
					{ id: 0, text: 'c' },
					{ id: 1, text: 'a' },
					{ id: 2, text: 'b' }
				]
			},
			[
				['pos-0', '3'],
				['pos-1', '1'],
				['pos-2', '2']
			],
			// The delivered ids in the order placed; the server maps them to canonical indices.
			{ type: 'ordering', order: [1, 2, 0] }
		],
		[
			'the same position twice',
			{
				...common,
				type: 'ordering',
				items: [
					{ id: 0, text: 'a' },
					{ id: 1, text: 'b' },
					{ id: 2, text: 'c' }
				]
			},
			[
				['pos-0', '1'],
				['pos-1', '1'],
				['pos-2', '2']
			],
			null
		]
	])('reads %s', (_name, question, entries, answer) => {
		expect(answerFromForm(question, form(entries))).toEqual(answer);
	});

	it.each([
		['48', 48],
		['2,5', 2.5],
		['2.5', 2.5],
		['1.000', 1000],
		['1.000,5', 1000.5],
		['-3', -3],
		['abc', null],
		['', null],
		['1e9', null]
	])('reads the number %j as %s', (text, value) => {
		expect(readNumber(text)).toBe(value);
	});
});
