import { describe, expect, it } from 'vitest';
import {
	buildQuestion,
	parseBankForm,
	parseIdList,
	parseItemForm,
	parseRuleForm,
	readQuestionForm
} from './forms';

function formData(entries: Array<[string, string]>): FormData {
	const form = new FormData();
	for (const [k, v] of entries) form.append(k, v);
	return form;
}

const baseQuestion: Array<[string, string]> = [
	['type', 'single'],
	['text', 'Thời giờ làm việc bình thường tối đa một ngày?'],
	['option', '8 giờ'],
	['option', '10 giờ'],
	['correct', '0'],
	['timeLimitSec', '20'],
	['points', '1'],
	['tags', 'Bộ luật Lao động']
];

describe('bank form', () => {
	it('accepts a title, topics and visibility', () => {
		const parsed = parseBankForm(
			formData([
				['title', '  Luật   Công đoàn '],
				['tags', 'Luật Công đoàn, Đoàn viên'],
				['visibility', 'published']
			])
		);
		expect(parsed).toEqual({
			ok: true,
			input: {
				title: 'Luật Công đoàn',
				description: '',
				tags: ['Luật Công đoàn', 'Đoàn viên'],
				visibility: 'published'
			}
		});
	});

	it('explains a missing title and an unknown visibility in Vietnamese, keeping the values', () => {
		const parsed = parseBankForm(
			formData([
				['title', ' '],
				['visibility', 'public']
			])
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.errors.title).toMatch(/^Hãy nhập tên bộ câu hỏi/);
		expect(parsed.errors.visibility).toBe('Chế độ hiển thị không hợp lệ.');
		expect(parsed.values.visibility).toBe('public');
	});
});

describe('question form', () => {
	it('builds a valid single-choice question', () => {
		const values = readQuestionForm(formData(baseQuestion))!;
		const built = buildQuestion(values);
		expect(built).toEqual({
			ok: true,
			question: {
				type: 'single',
				text: 'Thời giờ làm việc bình thường tối đa một ngày?',
				options: ['8 giờ', '10 giờ'],
				correct: 0,
				timeLimitSec: 20,
				points: 1,
				tags: ['Bộ luật Lao động']
			}
		});
	});

	it.each([
		['no correct answer', [['correct', '']] as const, 'correct', /^Chưa có đáp án đúng/],
		['a duplicate option', [['option', '8 giờ']] as const, 'options', /trùng/],
		['a time limit out of range', [['timeLimitSec', '999']] as const, 'timeLimitSec', /5–240/],
		[
			'a time limit that is not a number',
			[['timeLimitSec', 'hai mươi']] as const,
			'timeLimitSec',
			/số nguyên/
		],
		[
			'a citation without its document',
			[['citationNumber', '45/2019/QH14']] as const,
			'citation.document',
			/./
		],
		['an unknown difficulty', [['difficulty', 'extreme']] as const, 'difficulty', /không hợp lệ/]
	])('puts the error for %s on its field', (_, change, field, message) => {
		const entries = baseQuestion.filter(([k]) => !change.some(([c]) => c === k && k !== 'option'));
		const values = readQuestionForm(
			formData([...entries, ...(change as unknown as Array<[string, string]>)])
		)!;
		const built = buildQuestion(values);
		expect(built.ok).toBe(false);
		if (built.ok) return;
		expect(built.errors[field]).toMatch(message);
	});

	it('checks each type’s own fields', () => {
		const numeric = readQuestionForm(
			formData([
				['type', 'numeric'],
				['text', 'Bao nhiêu?'],
				['value', ''],
				['timeLimitSec', '20'],
				['points', '1']
			])
		)!;
		expect(buildQuestion(numeric)).toMatchObject({
			ok: false,
			errors: { value: 'Hãy nhập một số.' }
		});
		const ordering = readQuestionForm(
			formData([
				['type', 'ordering'],
				['text', 'Xếp'],
				['item', 'a'],
				['item', 'b'],
				['timeLimitSec', '20'],
				['points', '2']
			])
		)!;
		expect(buildQuestion(ordering)).toMatchObject({
			ok: false,
			errors: { items: expect.stringMatching(/ít nhất 3/) }
		});
		const typed = readQuestionForm(
			formData([
				['type', 'typeanswer'],
				['text', 'Mấy giờ?'],
				['accepted', 'tám giờ\n\n8 giờ'],
				['ignoreDiacritics', 'on'],
				['timeLimitSec', '20'],
				['points', '0']
			])
		)!;
		expect(buildQuestion(typed)).toMatchObject({
			ok: true,
			question: { accepted: ['tám giờ', '8 giờ'], ignoreDiacritics: true, points: 0 }
		});
	});

	it('refuses absurd payloads instead of processing them', () => {
		expect(readQuestionForm(formData([['text', 'x'.repeat(20_000)]]))).toBeUndefined();
	});
});

describe('random rule form', () => {
	it('reads count, banks, topics and difficulties', () => {
		const parsed = parseRuleForm(
			formData([
				['count', '5'],
				['bankId', '3'],
				['bankId', '3'],
				['tags', 'BHXH, An toàn'],
				['difficulty', 'hard']
			])
		);
		expect(parsed).toEqual({
			ok: true,
			rule: { count: 5, bankIds: [3], tags: ['BHXH', 'An toàn'], difficulties: ['hard'] }
		});
	});

	it.each(['0', '101', 'năm', ''])('refuses a count of "%s"', (count) => {
		const parsed = parseRuleForm(formData([['count', count]]));
		expect(parsed).toMatchObject({
			ok: false,
			errors: { count: expect.stringMatching(/1 đến 100/) }
		});
	});

	it('refuses an unknown difficulty', () => {
		expect(
			parseRuleForm(
				formData([
					['count', '2'],
					['difficulty', 'x']
				])
			).ok
		).toBe(false);
	});
});

describe('row action forms', () => {
	it.each([
		[[['id', '12']], { id: 12 }],
		[
			[
				['id', '12'],
				['to', '-1']
			],
			{ id: 12, to: -1 }
		],
		[[['id', '0']], undefined],
		[[['id', '1e3']], undefined],
		[
			[
				['id', '12'],
				['to', 'lên']
			],
			undefined
		],
		[[], undefined]
	] as Array<[Array<[string, string]>, unknown]>)('read %j as %j', (entries, expected) => {
		expect(parseItemForm(formData(entries))).toEqual(expected);
	});

	it('read id lists only when every id is well formed', () => {
		expect(parseIdList(['1', '2'])).toEqual([1, 2]);
		expect(parseIdList(['1', 'x'])).toBeUndefined();
	});
});
