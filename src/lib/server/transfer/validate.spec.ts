import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../quiz/question';
import { questionArb } from './question.arbitrary';
import { validateQuestion } from './validate';

const single = (over: Record<string, unknown> = {}) => ({
	type: 'single',
	text: 'Thời giờ làm việc bình thường không quá bao nhiêu giờ trong một ngày?',
	options: ['6 giờ', '8 giờ', '10 giờ'],
	correct: 1,
	timeLimitSec: 20,
	points: 1,
	tags: ['Bộ luật Lao động'],
	...over
});

const codes = (question: unknown) => validateQuestion(question).map((issue) => issue.code);

describe('validateQuestion', () => {
	it('accepts every generated valid question of the six types', () => {
		fc.assert(
			fc.property(questionArb(), (question: Question) => {
				expect(validateQuestion(question)).toEqual([]);
			}),
			{ numRuns: 300 }
		);
	});

	it('prefixes the source line in Vietnamese and English', () => {
		const [vi] = validateQuestion(
			single({ options: ['6 giờ', '8 giờ', '', '12 giờ'], correct: 2 }),
			{
				line: 11
			}
		);
		expect(vi.message).toBe('Dòng 11: phương án C đang trống');
		const issues = validateQuestion(
			single({ options: ['6 giờ', '8 giờ', '', '12 giờ'], correct: 2 }),
			{
				line: 11,
				locale: 'en'
			}
		);
		expect(issues.map((issue) => issue.message)).toEqual([
			'Line 11: option C is empty',
			"Line 11: the correct answer 'C' points to an empty option"
		]);
	});

	it('starts the message with a capital letter when there is no line (bank editor)', () => {
		const [issue] = validateQuestion(single({ text: '  ' }));
		expect(issue).toMatchObject({ line: 0, field: 'text', code: 'text_required' });
		expect(issue.message).toBe('Thiếu nội dung câu hỏi');
	});

	it.each([
		['too few options', single({ options: ['8 giờ'], correct: 0 }), 'options_too_few'],
		[
			'too many options',
			single({ options: ['1', '2', '3', '4', '5', '6', '7'], correct: 0 }),
			'options_too_many'
		],
		[
			'duplicate options (case and spacing ignored)',
			single({ options: ['8 giờ', '8  Giờ'] }),
			'option_duplicate'
		],
		['no correct answer', single({ correct: undefined }), 'correct_missing'],
		['a correct answer outside the options', single({ correct: 5 }), 'correct_out_of_range'],
		[
			'several answers on a single-choice question',
			single({ correct: [0, 1] }),
			'correct_single_many'
		],
		['an over-long question', single({ text: 'x'.repeat(501) }), 'text_too_long'],
		[
			'an over-long option',
			single({ options: ['a', 'b'.repeat(201)], correct: 0 }),
			'option_too_long'
		],
		['a time limit under 5 s', single({ timeLimitSec: 4 }), 'time_out_of_range'],
		['a time limit over 240 s', single({ timeLimitSec: 241 }), 'time_out_of_range'],
		['a fractional time limit', single({ timeLimitSec: 12.5 }), 'time_invalid'],
		['points other than 0, 1, 2', single({ points: 3 }), 'points_invalid'],
		['an unknown difficulty', single({ difficulty: 'extreme' }), 'difficulty_invalid'],
		[
			'a citation without its document',
			single({ citation: { article: 'Điều 105' } }),
			'citation_document_required'
		],
		[
			'more than 10 tags',
			single({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }),
			'tags_too_many'
		],
		['a tag with a comma', single({ tags: ['BHXH, BHYT'] }), 'tag_invalid'],
		[
			'an image path leaving the upload folder',
			single({ image: '../../etc/passwd.png' }),
			'image_invalid'
		],
		['an unknown type', single({ type: 'essay' }), 'type_unknown']
	])('rejects %s', (_name, question, code) => {
		expect(codes(question)).toContain(code);
	});

	it.each([
		[
			'multiple select with no correct answer',
			{ type: 'multiple', options: ['a', 'b'], correct: [] },
			'correct_missing'
		],
		['true/false without a boolean', { type: 'truefalse', correct: 'Đúng' }, 'truefalse_invalid'],
		[
			'type answer with no accepted answer',
			{ type: 'typeanswer', accepted: [], ignoreDiacritics: true },
			'accepted_missing'
		],
		[
			'type answer with answers equal once diacritics are ignored',
			{ type: 'typeanswer', accepted: ['tám giờ', 'tam gio'], ignoreDiacritics: true },
			'option_duplicate'
		],
		['numeric with a text value', { type: 'numeric', value: '8', tolerance: 0 }, 'numeric_invalid'],
		[
			'numeric with a negative tolerance',
			{ type: 'numeric', value: 8, tolerance: -1 },
			'tolerance_invalid'
		],
		['ordering with two items', { type: 'ordering', items: ['a', 'b'] }, 'items_too_few'],
		[
			'ordering with seven items',
			{ type: 'ordering', items: ['1', '2', '3', '4', '5', '6', '7'] },
			'items_too_many'
		]
	])('rejects %s', (_name, body, code) => {
		const question = { text: 'Câu hỏi?', timeLimitSec: 20, points: 1, tags: [], ...body };
		expect(codes(question)).toContain(code);
	});

	it('accepts answers that differ only by diacritics when diacritics matter', () => {
		const question = {
			type: 'typeanswer',
			text: 'Câu hỏi?',
			accepted: ['tám giờ', 'tam gio'],
			ignoreDiacritics: false,
			timeLimitSec: 20,
			points: 1,
			tags: []
		};
		expect(codes(question)).toEqual([]);
	});

	it('names the field at fault so a form can show the message beside it', () => {
		const issues = validateQuestion(single({ citation: { document: 'x'.repeat(201) } }));
		expect(issues).toEqual([
			expect.objectContaining({ field: 'citation.document', code: 'citation_too_long' })
		]);
	});

	it('never throws on garbage', () => {
		fc.assert(
			fc.property(fc.anything(), (value) => {
				expect(Array.isArray(validateQuestion(value))).toBe(true);
			})
		);
	});
});
