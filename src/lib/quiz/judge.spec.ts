import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	answerForPhone,
	answerFromPhone,
	isAnswerFor,
	judgeAnswer,
	normalizeVietnamese,
	revealOf,
	toAnswerValue,
	toPublicQuestion
} from './judge';
import { hashString } from './random';
import type { AnswerValue } from './question';
import { questionArbitrary } from './testing/arbitraries';
import {
	multipleQuestion,
	numericQuestion,
	orderingQuestion,
	singleQuestion,
	trueFalseQuestion,
	typeAnswerQuestion
} from './testing/factories';

describe('judging a single-choice answer', () => {
	const question = singleQuestion({ correct: 1 });

	it('accepts the correct option with full credit', () => {
		expect(judgeAnswer(question, { type: 'single', choice: 1 })).toEqual({
			correct: true,
			fraction: 1
		});
	});

	it.each([
		['another option', { type: 'single', choice: 0 }],
		['an option index past the end', { type: 'single', choice: 4 }],
		['a fractional index', { type: 'single', choice: 1.5 }],
		['the index as a string', { type: 'single', choice: '1' }],
		['an answer for another question type', { type: 'truefalse', value: true }],
		['nothing at all', undefined],
		['null', null],
		['an array', [1]]
	])('gives nothing for %s', (_label, answer) => {
		expect(judgeAnswer(question, answer)).toEqual({ correct: false, fraction: 0 });
	});
});

describe('judging a multiple-select answer', () => {
	// Correct: options 0, 1 and 3 out of five.
	const question = multipleQuestion({ correct: [0, 1, 3] });

	it.each([
		{ choices: [0, 1, 3], correct: true, fraction: 1, label: 'exactly the correct set' },
		{ choices: [3, 0, 1], correct: true, fraction: 1, label: 'the correct set in any order' },
		{ choices: [0, 1], correct: false, fraction: 2 / 3, label: 'two of three correct' },
		{ choices: [3], correct: false, fraction: 1 / 3, label: 'one of three correct' },
		{ choices: [0, 1, 2], correct: false, fraction: 1 / 3, label: 'two right and one wrong' },
		{ choices: [0, 1, 2, 3, 4], correct: false, fraction: 1 / 3, label: 'every option' },
		{ choices: [0, 2, 4], correct: false, fraction: 0, label: 'one right and two wrong' },
		{ choices: [2, 4], correct: false, fraction: 0, label: 'only wrong options' },
		{ choices: [], correct: false, fraction: 0, label: 'no option' }
	])('scores $label as fraction $fraction', ({ choices, correct, fraction }) => {
		const judgement = judgeAnswer(question, { type: 'multiple', choices });
		expect(judgement.correct).toBe(correct);
		expect(judgement.fraction).toBeCloseTo(fraction, 10);
	});

	it('does not reward ticking every box when only one is correct', () => {
		const oneCorrect = multipleQuestion({ correct: [2] });
		expect(judgeAnswer(oneCorrect, { type: 'multiple', choices: [0, 1, 2, 3, 4] })).toEqual({
			correct: false,
			fraction: 0
		});
	});

	it.each([
		['a repeated option', [0, 0, 1, 3]],
		['an option past the end', [0, 1, 3, 9]],
		['a negative option', [-1]],
		['a non-array', '0,1,3']
	])('treats %s as a wrong answer', (_label, choices) => {
		expect(judgeAnswer(question, { type: 'multiple', choices })).toEqual({
			correct: false,
			fraction: 0
		});
	});
});

describe('judging a true/false answer', () => {
	it.each([
		[true, true, true],
		[true, false, false],
		[false, false, true],
		[false, true, false]
	])('with key %s, answering %s is correct: %s', (key, value, correct) => {
		expect(judgeAnswer(trueFalseQuestion({ correct: key }), { type: 'truefalse', value })).toEqual({
			correct,
			fraction: correct ? 1 : 0
		});
	});

	it('does not take the string "true" for true', () => {
		expect(
			judgeAnswer(trueFalseQuestion({ correct: true }), { type: 'truefalse', value: 'true' })
		).toEqual({ correct: false, fraction: 0 });
	});
});

describe('judging a typed answer', () => {
	const strict = typeAnswerQuestion({ accepted: ['Tám giờ', '8 giờ'], ignoreDiacritics: false });
	const lenient = typeAnswerQuestion({
		accepted: ['Điều 105', 'Đoàn kết'],
		ignoreDiacritics: true
	});
	const typed = (text: string) => ({ type: 'typeanswer', text });

	it.each([
		['the accepted text as stored', strict, 'Tám giờ'],
		['another accepted text', strict, '8 giờ'],
		['different letter case', strict, 'TÁM GIỜ'],
		['extra and missing spaces', strict, '  tám    giờ '],
		['no space at all', strict, 'támgiờ'],
		['a non-breaking space', strict, 'tám\u00a0giờ'],
		['decomposed (NFD) Vietnamese from some keyboards', strict, 'Tám giờ'.normalize('NFD')],
		['no diacritics when diacritics are ignored', lenient, 'dieu 105'],
		['đ typed as d when diacritics are ignored', lenient, 'doan ket'],
		['Đ kept when diacritics are ignored', lenient, 'ĐOÀN KẾT'],
		['a zero-width space pasted inside', strict, 'tám\u200b giờ']
	])('accepts %s', (_label, question, text) => {
		expect(judgeAnswer(question, typed(text))).toEqual({ correct: true, fraction: 1 });
	});

	it('treats the old and new tone placement as the same word', () => {
		const question = typeAnswerQuestion({ accepted: ['hòa giải'], ignoreDiacritics: false });
		expect(judgeAnswer(question, typed('hoà giải')).correct).toBe(true);
		const water = typeAnswerQuestion({ accepted: ['thủy lợi'], ignoreDiacritics: false });
		expect(judgeAnswer(water, typed('thuỷ lợi')).correct).toBe(true);
	});

	it.each([
		['missing diacritics when they count', strict, 'tam gio'],
		['a different tone when diacritics count', strict, 'tam giờ'],
		[
			'd for đ when diacritics count',
			typeAnswerQuestion({ ignoreDiacritics: false, accepted: ['Đoàn kết'] }),
			'doàn kết'
		],
		['a different word', strict, 'chín giờ'],
		['an empty answer', strict, ''],
		['only spaces', strict, '    '],
		['a text longer than 200 characters', strict, 'tám giờ'.padEnd(201, ' ')]
	])('rejects %s', (_label, question, text) => {
		expect(judgeAnswer(question, typed(text))).toEqual({ correct: false, fraction: 0 });
	});
});

describe('judging a numeric answer', () => {
	const exact = numericQuestion({ value: 40, tolerance: 0 });
	const approx = numericQuestion({ value: 150, tolerance: 5 });
	const numeric = (value: unknown) => ({ type: 'numeric', value });

	it.each([
		[exact, 40, true],
		[exact, 40.5, false],
		[exact, 39, false],
		[approx, 145, true],
		[approx, 155, true],
		[approx, 150.1, true],
		[approx, 144.99, false],
		[approx, 155.01, false],
		[numericQuestion({ value: 0.3, tolerance: 0 }), 0.1 + 0.2, true],
		[numericQuestion({ value: -3, tolerance: 1 }), -4, true]
	])('with key %#, answering %s is correct: %s', (question, value, correct) => {
		expect(judgeAnswer(question, numeric(value)).correct).toBe(correct);
	});

	it.each([['40'], [Number.NaN], [Number.POSITIVE_INFINITY], [null]])(
		'rejects the non-number %s',
		(value) => {
			expect(judgeAnswer(exact, numeric(value))).toEqual({ correct: false, fraction: 0 });
		}
	);
});

describe('judging an ordering answer', () => {
	const question = orderingQuestion(); // four items, stored in the correct order
	const order = (...indices: unknown[]) => ({ type: 'ordering', order: indices });

	it.each([
		{ given: [0, 1, 2, 3], correct: true, fraction: 1 },
		{ given: [1, 0, 2, 3], correct: false, fraction: 0.5 },
		{ given: [0, 1, 3, 2], correct: false, fraction: 0.5 },
		{ given: [0, 2, 3, 1], correct: false, fraction: 0.25 },
		{ given: [3, 2, 1, 0], correct: false, fraction: 0 },
		{ given: [1, 2, 3, 0], correct: false, fraction: 0 }
	])('scores the order $given with fraction $fraction', ({ given, correct, fraction }) => {
		expect(judgeAnswer(question, order(...given))).toEqual({ correct, fraction });
	});

	it.each([
		['an item missing', [0, 1, 2]],
		['an item repeated', [0, 1, 1, 3]],
		['an index past the end', [0, 1, 2, 4]],
		['an extra item', [0, 1, 2, 3, 0]]
	])('treats an order with %s as wrong', (_label, given) => {
		expect(judgeAnswer(question, order(...given))).toEqual({ correct: false, fraction: 0 });
	});
});

describe('checking an answer shape before judging', () => {
	it('tells a well-formed answer from a malformed one', () => {
		const question = singleQuestion();
		expect(isAnswerFor(question, { type: 'single', choice: 0 })).toBe(true);
		expect(isAnswerFor(question, { type: 'single', choice: 9 })).toBe(false);
		expect(isAnswerFor(question, { type: 'multiple', choices: [0] })).toBe(false);
	});
});

describe('normalising Vietnamese for search', () => {
	it.each([
		['Bộ luật Lao động', 'bo luat lao dong'],
		['  ĐIỀU   105  ', 'dieu 105'],
		['Công đoàn\tViệt Nam', 'cong doan viet nam'],
		['Người lao động'.normalize('NFD'), 'nguoi lao dong'],
		['thuỷ hoà', 'thuy hoa'],
		['', '']
	])('turns %j into %j', (input, output) => {
		expect(normalizeVietnamese(input)).toBe(output);
	});
});

const FORBIDDEN_KEYS = ['correct', 'accepted', 'value', 'tolerance', 'explanation', 'citation'];

function keysDeep(value: unknown): string[] {
	if (Array.isArray(value)) return value.flatMap(keysDeep);
	if (typeof value === 'object' && value !== null)
		return Object.entries(value).flatMap(([key, inner]) => [key, ...keysDeep(inner)]);
	return [];
}

describe('the public view of a question', () => {
	it('shows a single-choice question without its answer, explanation or citation', () => {
		const question = singleQuestion({ image: 'q/1.png', points: 2 });
		expect(toPublicQuestion(question, { shuffleSeed: 1 })).toEqual({
			type: 'single',
			text: question.text,
			options: question.options,
			timeLimitSec: 20,
			points: 2,
			image: 'q/1.png'
		});
	});

	it('shows a numeric question with its unit but without value or tolerance', () => {
		const view = toPublicQuestion(numericQuestion({ unit: 'giờ' }), { shuffleSeed: 1 });
		expect(view).toMatchObject({ type: 'numeric', unit: 'giờ', image: null });
		expect(view).not.toHaveProperty('value');
		expect(view).not.toHaveProperty('tolerance');
	});

	it('delivers ordering items the same way for the same seed, with ids that are delivery places', () => {
		const question = orderingQuestion();
		const first = toPublicQuestion(question, { shuffleSeed: 42 });
		const again = toPublicQuestion(question, { shuffleSeed: 42 });
		expect(again).toEqual(first);
		if (first.type !== 'ordering') throw new Error('expected an ordering question');
		expect(first.items.map((item) => item.id)).toEqual([0, 1, 2, 3]);
		expect(first.items.map((item) => item.text).sort()).toEqual([...question.items].sort());
	});

	it('finding 1: the delivered ordering question is identical whatever the stored (correct) order', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 3, maxLength: 6 }),
				fc.integer(),
				fc.integer(),
				(items, seed, salt) => {
					const permuted = [...items].sort((a, b) => hashString(salt + a) - hashString(salt + b));
					const asStored = toPublicQuestion(orderingQuestion({ items }), { shuffleSeed: seed });
					const otherOrder = toPublicQuestion(orderingQuestion({ items: permuted }), {
						shuffleSeed: seed
					});
					expect(otherOrder).toEqual(asStored);
				}
			)
		);
	});

	it('finding 1: judges the delivered ids through the server-side mapping', () => {
		const question = orderingQuestion({ items: ['a', 'b', 'c', 'd'] });
		for (let seed = 0; seed < 50; seed++) {
			const view = toPublicQuestion(question, { shuffleSeed: seed });
			if (view.type !== 'ordering') throw new Error('expected an ordering question');
			const idOf = (text: string) => view.items.find((item) => item.text === text)!.id;
			const right = { type: 'ordering', order: question.items.map(idOf) };
			const canonical = answerFromPhone(question, right, seed);
			expect(judgeAnswer(question, canonical)).toEqual({ correct: true, fraction: 1 });
			expect(answerForPhone(question, canonical as AnswerValue, seed)).toEqual(right);
			const reversed = { type: 'ordering', order: [...right.order].reverse() };
			expect(judgeAnswer(question, answerFromPhone(question, reversed, seed)).correct).toBe(false);
		}
		const outOfRange = { type: 'ordering', order: [0, 1, 2, 9] };
		expect(toAnswerValue(question, answerFromPhone(question, outOfRange, 1))).toBeNull();
	});

	it('shuffles differently for different seeds', () => {
		const question = orderingQuestion({ items: ['a', 'b', 'c', 'd', 'e', 'f'] });
		const orders = new Set(
			Array.from({ length: 20 }, (_, seed) =>
				JSON.stringify(toPublicQuestion(question, { shuffleSeed: seed }))
			)
		);
		expect(orders.size).toBeGreaterThan(5);
	});

	it('does not share arrays with the stored question', () => {
		const question = singleQuestion();
		const view = toPublicQuestion(question, { shuffleSeed: 0 });
		if (view.type !== 'single') throw new Error('expected a single-choice question');
		view.options.push('mutated');
		expect(question.options).toHaveLength(4);
	});

	it('never contains an answer key, explanation or citation, for any question', () => {
		fc.assert(
			fc.property(questionArbitrary, fc.integer(), (question, seed) => {
				const view = toPublicQuestion(question, { shuffleSeed: seed });
				const keys = keysDeep(JSON.parse(JSON.stringify(view)));
				expect(keys.filter((key) => FORBIDDEN_KEYS.includes(key))).toEqual([]);
				expect(view.type).toBe(question.type);
				if (question.type === 'ordering' && view.type === 'ordering')
					expect(view.items.map((item) => item.id)).toEqual(question.items.map((_, i) => i));
			})
		);
	});
});

describe('the reveal after the close', () => {
	it('gives the answer key, explanation and citation', () => {
		const question = singleQuestion();
		expect(revealOf(question)).toEqual({
			answer: { type: 'single', correct: 1 },
			explanation: question.explanation,
			citation: { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14', article: 'Điều 105' }
		});
	});

	it.each([
		[multipleQuestion({ correct: [3, 0] }), { type: 'multiple', correct: [0, 3] }],
		[trueFalseQuestion({ correct: false }), { type: 'truefalse', correct: false }],
		[
			typeAnswerQuestion({ accepted: ['28/7/1929'] }),
			{ type: 'typeanswer', accepted: ['28/7/1929'] }
		],
		[
			numericQuestion({ value: 40, tolerance: 1, unit: 'giờ' }),
			{ type: 'numeric', value: 40, tolerance: 1, unit: 'giờ' }
		],
		[orderingQuestion({ items: ['a', 'b', 'c'] }), { type: 'ordering', items: ['a', 'b', 'c'] }]
	])('reveals the key of question %#', (question, answer) => {
		expect(revealOf(question)).toMatchObject({ answer, explanation: null, citation: null });
	});
});
