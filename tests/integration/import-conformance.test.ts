/**
 * Import conformance: one hand-written file per case of issue 12 and per format, asserting every
 * imported field (not counts) with Moodle's meaning, plus export → import round trips.
 * Files live in tests/fixtures/import/conformance (text formats) and tests/fixtures/import (xlsx).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBank, importFile, type ImportResult } from '../../src/lib/server/transfer';
import { judgeAnswer } from '../../src/lib/quiz/judge';
import type { Question } from '../../src/lib/quiz/question';
import {
	VALID_TEMPLATE_ROWS,
	encodeWindows1258,
	toCsv,
	utf16leWithBom,
	utf8WithBom
} from '../fixtures/import/fixtures';

const HERE = new URL('../fixtures/import/conformance/', import.meta.url);
const ROOT = new URL('../fixtures/import/', import.meta.url);

function read(name: string, base = HERE): Uint8Array {
	return new Uint8Array(readFileSync(new URL(name, base)));
}

async function load(name: string, base = HERE, filename = name): Promise<ImportResult> {
	return importFile({ filename, bytes: read(name, base), locale: 'vi' });
}

const issues = (list: ImportResult['errors']) =>
	list.map(({ line, field, code }) => ({ line, field, code }));

const DEFAULTS = { timeLimitSec: 20, points: 1, tags: [] as string[] };

describe('issue 12 defects, each from a file in its format', () => {
	it('(1) Moodle XML single choice with two answers at 100% keeps one and warns at its line', async () => {
		const result = await load('moodle-two-full.xml');
		expect(result.errors).toEqual([]);
		expect(result.draft.questions).toEqual([
			{
				type: 'single',
				text: 'Cơ quan nào có thể thành lập công đoàn cơ sở?',
				options: ['Công đoàn cấp trên trực tiếp', 'Liên đoàn Lao động tỉnh', 'Doanh nghiệp'],
				correct: 0,
				...DEFAULTS,
				line: 3
			}
		]);
		expect(issues(result.warnings)).toEqual([
			{ line: 3, field: 'correct', code: 'correct_several_full' }
		]);
		expect(result.warnings[0].message).toContain('Liên đoàn Lao động tỉnh');
	});

	it('(2) CSV with Option N columns and a key as number, letter or text keeps the options', async () => {
		const result = await load('kahoot-style.csv');
		expect(result.errors).toEqual([]);
		const options = (a: string, b: string, c: string, d: string) => [a, b, c, d];
		expect(result.draft.questions).toEqual([
			{
				type: 'single',
				text: 'Thời giờ làm việc bình thường tối đa mỗi ngày?',
				options: options('6 giờ', '8 giờ', '10 giờ', '12 giờ'),
				correct: 1,
				...DEFAULTS,
				line: 2
			},
			{
				type: 'single',
				text: 'Ca đêm bắt đầu từ mấy giờ?',
				options: options('20 giờ', '21 giờ', '22 giờ', '23 giờ'),
				correct: 2,
				...DEFAULTS,
				line: 3
			},
			{
				type: 'single',
				text: 'Nghỉ hằng năm tối thiểu bao nhiêu ngày?',
				options: options('10 ngày', '12 ngày', '14 ngày', '16 ngày'),
				correct: 1,
				...DEFAULTS,
				line: 4
			}
		]);
		expect(issues(result.warnings)).toEqual([{ line: 1, field: 'file', code: 'columns_ignored' }]);
		expect(result.warnings[0].message).toContain('Ghi chú nội bộ');
	});

	it('(3) GIFT true/false takes the right-answer feedback (the second one) as explanation', async () => {
		const result = await load('gift-truefalse-feedback.gift');
		expect(result.errors).toEqual([]);
		expect(result.draft.questions).toEqual([
			{
				type: 'truefalse',
				text: 'Người lao động được nghỉ 16 ngày phép năm khi làm công việc bình thường.',
				correct: false,
				explanation: 'Đúng: chỉ 12 ngày (Điều 113).',
				...DEFAULTS,
				line: 1
			},
			{
				type: 'truefalse',
				text: 'Ca đêm tính từ 22 giờ.',
				correct: true,
				explanation: 'Chính xác.',
				...DEFAULTS,
				line: 3
			}
		]);
	});

	it('(4) Moodle short-answer "*" is a wildcard when players answer; usecase=1 is warned', async () => {
		const result = await load('moodle-wildcard.xml');
		expect(result.errors).toEqual([]);
		const [wildcard, cased] = result.draft.questions;
		expect(wildcard).toEqual({
			type: 'typeanswer',
			text: 'Thời giờ làm việc bình thường được quy định ở điều nào của Bộ luật Lao động?',
			accepted: ['Điều 105*'],
			ignoreDiacritics: true,
			...DEFAULTS,
			line: 3
		});
		const typed = (text: string) => judgeAnswer(wildcard, { type: 'typeanswer', text }).correct;
		expect(typed('Điều 105 Bộ luật Lao động 2019')).toBe(true);
		expect(typed('dieu 105')).toBe(true);
		expect(typed('Điều 106')).toBe(false);
		expect(cased).toMatchObject({ accepted: ['TLĐLĐVN'], line: 9 });
		expect(issues(result.warnings)).toEqual([
			{ line: 9, field: 'accepted', code: 'usecase_ignored' }
		]);
	});

	it('(5) GIFT {=a =b ~c} is one choice with either answer right: single, warned', async () => {
		const result = await load('gift-two-equals.gift');
		expect(result.errors).toEqual([]);
		expect(result.draft.questions).toEqual([
			{
				type: 'single',
				text: 'Cơ quan nào có thể thành lập công đoàn cơ sở?',
				options: ['Công đoàn cấp trên trực tiếp', 'Liên đoàn Lao động tỉnh', 'Doanh nghiệp'],
				correct: 0,
				...DEFAULTS,
				line: 2
			}
		]);
		expect(issues(result.warnings)).toEqual([
			{ line: 2, field: 'correct', code: 'correct_several_full' }
		]);
	});

	it('(6) GIFT escapes (\\#) and HTML entities (&#7885;) are text, not syntax errors', async () => {
		const result = await load('gift-escapes.gift');
		expect(result.errors).toEqual([]);
		expect(result.draft.questions).toEqual([
			{
				type: 'single',
				text: 'Theo Điều 105 # khoản 1, thời giờ làm việc bình thường mỗi ngày không quá?',
				options: ['8 giờ', '10 giờ'],
				correct: 0,
				...DEFAULTS,
				line: 1
			},
			{
				type: 'single',
				text: 'Chọn thời giờ nghỉ hằng tuần tối thiểu',
				options: ['24 giờ liên tục', '12 giờ'],
				correct: 0,
				...DEFAULTS,
				line: 3
			}
		]);
	});

	it('(7) one broken GIFT question is listed with its line; the others import', async () => {
		const result = await load('gift-partial.gift');
		expect(result.draft.questions.map(({ text, line }) => ({ text, line }))).toEqual([
			{ text: 'Ca đêm tính từ mấy giờ?', line: 1 },
			{ text: 'Nghỉ hằng năm tối thiểu bao nhiêu ngày?', line: 5 }
		]);
		expect(issues(result.errors)).toEqual([{ line: 3, field: 'text', code: 'gift_unclosed' }]);
		expect(result.validCount).toBe(2);
		expect(result.invalidCount).toBe(1);
	});

	it('(8) HTML comments in Moodle XML text never reach the question', async () => {
		const result = await load('moodle-comments.xml');
		expect(result.errors).toEqual([]);
		expect(result.draft.questions).toEqual([
			{
				type: 'truefalse',
				text: 'Công đoàn cơ sở do người lao động tự nguyện thành lập.',
				correct: true,
				...DEFAULTS,
				line: 3
			}
		]);
	});

	it('(9) a DOCTYPE inside CDATA is text; a DOCTYPE in the prolog is still refused', async () => {
		const result = await load('moodle-doctype-cdata.xml');
		expect(result.errors).toEqual([]);
		expect(result.draft.questions).toEqual([
			{
				type: 'truefalse',
				text: 'Lao động nữ được nghỉ thai sản 6 tháng.',
				correct: true,
				...DEFAULTS,
				line: 3
			}
		]);
		const bomb = `<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaaaaaa">]>\n<quiz><question type="truefalse"><questiontext><text>&a;</text></questiontext></question></quiz>`;
		const refused = await importFile({
			filename: 'x.xml',
			bytes: new TextEncoder().encode(bomb),
			locale: 'vi'
		});
		expect(issues(refused.errors)).toEqual([{ line: 0, field: 'file', code: 'xml_entity' }]);
		expect(refused.draft.questions).toEqual([]);
	});

	it('(10a) Moodle XML ordering imports in fraction order; per-answer feedback becomes the explanation', async () => {
		const result = await load('moodle-ordering-feedback.xml');
		expect(result.errors).toEqual([]);
		expect(result.draft.questions).toEqual([
			{
				type: 'ordering',
				text: 'Sắp xếp các bước giải quyết tranh chấp lao động cá nhân',
				items: ['Hòa giải viên lao động', 'Hội đồng trọng tài lao động', 'Tòa án'],
				...DEFAULTS,
				line: 3
			},
			{
				type: 'single',
				text: 'Tuổi nghỉ hưu của lao động nam khi đủ lộ trình?',
				options: ['60', '62'],
				correct: 1,
				explanation: 'Điều 169 Bộ luật Lao động 2019.',
				...DEFAULTS,
				line: 10
			}
		]);
	});

	it('(10b) GIFT numeric 1.5e3 is read, ranges carry no float noise, [markdown] is plain text', async () => {
		const result = await load('gift-numbers-markdown.gift');
		expect(result.errors).toEqual([]);
		expect(result.draft.questions).toEqual([
			{
				type: 'numeric',
				text: 'Mức phạt tối đa (nghìn đồng)?',
				value: 1500,
				tolerance: 0,
				...DEFAULTS,
				line: 1
			},
			{
				type: 'numeric',
				text: 'Tỷ lệ đóng bảo hiểm (phần trăm)?',
				value: 3,
				tolerance: 0.1,
				...DEFAULTS,
				line: 3
			},
			{
				type: 'single',
				text: 'Theo Bộ luật Lao động, ca đêm tính từ mấy giờ?',
				options: ['22 giờ', '21 giờ'],
				correct: 0,
				...DEFAULTS,
				line: 5
			}
		]);
	});

	it('(11) the format comes from the content: .aiken is Aiken; an unknown file names the formats tried', async () => {
		const result = await load('questions.aiken');
		expect(result.format).toBe('aiken');
		expect(result.errors).toEqual([]);
		expect(result.draft.questions).toEqual([
			{
				type: 'single',
				text: 'Thời gian thử việc đối với người quản lý doanh nghiệp không quá bao nhiêu ngày?',
				options: ['30 ngày', '60 ngày', '180 ngày'],
				correct: 2,
				...DEFAULTS,
				line: 1
			}
		]);
		const unknown = await load('notes.txt');
		expect(issues(unknown.errors)).toEqual([{ line: 0, field: 'file', code: 'format_unknown' }]);
		for (const name of ['GIFT', 'Aiken', 'Moodle XML', 'CSV'])
			expect(unknown.errors[0].message).toContain(name);
	});
});

/** The first template row (Vietnamese headers) as every encoding must give it. */
const TEMPLATE_FIRST = {
	type: 'single',
	text: 'Ca làm việc ban đêm được tính từ mấy giờ?',
	options: ['20 giờ', '21 giờ', '22 giờ', '23 giờ'],
	correct: 2,
	timeLimitSec: 20,
	points: 1,
	difficulty: 'easy',
	explanation: 'Giờ làm việc ban đêm tính từ 22 giờ đến 06 giờ sáng ngày hôm sau.',
	citation: { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14', article: 'Điều 106' },
	tags: ['Bộ luật Lao động', 'Thời giờ'],
	line: 2
};
const TEMPLATE_TYPEANSWER = {
	type: 'typeanswer',
	text: 'Công đoàn Việt Nam thành lập ngày nào? (ngày/tháng/năm)',
	accepted: ['28/7/1929', '28/07/1929'],
	ignoreDiacritics: true,
	timeLimitSec: 25,
	points: 1,
	difficulty: 'hard',
	tags: ['Luật Công đoàn'],
	line: 5
};

describe('every format, every field', () => {
	const csv = toCsv(VALID_TEMPLATE_ROWS, ',');
	it.each([
		['UTF-8', new TextEncoder().encode(csv)],
		['UTF-8 with BOM', utf8WithBom(csv)],
		['UTF-16', utf16leWithBom(csv.replace(/,/g, '\t'))],
		['Windows-1258', encodeWindows1258(csv)]
	])('our CSV template in %s', async (_encoding, bytes) => {
		const result = await importFile({ filename: 'ngan-hang.csv', bytes, locale: 'vi' });
		expect(result.errors).toEqual([]);
		expect(result.format).toBe('template-csv');
		expect(result.draft.questions[0]).toEqual(TEMPLATE_FIRST);
		expect(result.draft.questions[3]).toEqual(TEMPLATE_TYPEANSWER);
		expect(result.draft.questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'truefalse',
			'typeanswer',
			'numeric',
			'ordering'
		]);
	});

	it('our xlsx template (English headers, title rows above)', async () => {
		const result = await load('template-titled-en.xlsx', ROOT);
		expect(result.errors).toEqual([]);
		expect(result.format).toBe('template-xlsx');
		expect(result.draft.questions.length).toBeGreaterThan(0);
		for (const q of result.draft.questions) expect(q.timeLimitSec).toBeGreaterThanOrEqual(5);
	});

	it('Kahoot xlsx: options, keys (one or several), time; rows with a bad or missing key are reported', async () => {
		const result = await load('kahoot-quiz.xlsx', ROOT);
		expect(result.format).toBe('kahoot-xlsx');
		expect(result.draft.questions).toEqual([
			{
				type: 'single',
				text: 'Thời giờ làm việc bình thường tối đa mỗi tuần?',
				options: ['40 giờ', '44 giờ', '48 giờ', '52 giờ'],
				correct: 2,
				timeLimitSec: 20,
				points: 1,
				tags: [],
				line: 9
			},
			{
				type: 'multiple',
				text: 'Ngày nào là ngày nghỉ lễ hưởng nguyên lương?',
				options: ['30/4', '20/11', '1/5', '8/3'],
				correct: [0, 2],
				timeLimitSec: 30,
				points: 1,
				tags: [],
				line: 10
			},
			{
				type: 'single',
				text: 'Lao động nữ được nghỉ thai sản 6 tháng.',
				options: ['Đúng', 'Sai'],
				correct: 0,
				timeLimitSec: 10,
				points: 1,
				tags: [],
				line: 13
			}
		]);
		// Row 11's key points at an empty answer; row 12 has no key.
		expect([...new Set(result.errors.map((e) => e.line))]).toEqual([11, 12]);
	});

	it('Wayground xlsx: choice, checkbox, fill-in-the-blank (diacritics ignored by default)', async () => {
		const result = await load('wayground-quiz.xlsx', ROOT);
		expect(result.format).toBe('wayground-xlsx');
		const [choice, checkbox, blank] = result.draft.questions;
		expect(choice).toEqual({
			type: 'single',
			text: 'Tuổi nghỉ hưu của lao động nam khi đủ lộ trình là bao nhiêu?',
			options: ['60', '62', '65'],
			correct: 1,
			explanation: 'Điều 169 Bộ luật Lao động 2019.',
			timeLimitSec: 20,
			points: 1,
			tags: [],
			line: 3
		});
		expect(checkbox).toMatchObject({
			type: 'multiple',
			correct: [0, 2],
			timeLimitSec: 30,
			line: 4
		});
		expect(blank).toEqual({
			type: 'typeanswer',
			text: 'Giờ làm việc ban đêm bắt đầu từ mấy giờ?',
			accepted: ['22h', '22 giờ'],
			ignoreDiacritics: true,
			timeLimitSec: 20,
			points: 1,
			tags: [],
			line: 5
		});
	});
});

describe('typed answers: one default everywhere (issue 11 item 3)', () => {
	const text = (value: string) => new TextEncoder().encode(value);
	it.each([
		['GIFT short answer', 'a.gift', 'Ca đêm bắt đầu lúc? {=tám giờ}'],
		[
			'Moodle XML short answer',
			'a.xml',
			'<?xml version="1.0"?><quiz><question type="shortanswer"><questiontext><text>Ca đêm bắt đầu lúc?</text></questiontext><answer fraction="100"><text>tám giờ</text></answer></question></quiz>'
		],
		[
			'our template with the flag left blank',
			'a.csv',
			'Loại câu hỏi,Câu hỏi,Đáp án đúng,Bỏ qua dấu\nNhập đáp án,Ca đêm bắt đầu lúc?,tám giờ,\n'
		],
		[
			'JSON without the flag',
			'a.json',
			JSON.stringify({
				format: 'chuong-vang-bank',
				version: 1,
				questions: [
					{
						type: 'typeanswer',
						text: 'Ca đêm bắt đầu lúc?',
						accepted: ['tám giờ'],
						timeLimitSec: 20,
						points: 1,
						tags: []
					}
				]
			})
		]
	])('%s: "tam gio" is accepted for "tám giờ"', async (_format, filename, source) => {
		const result = await importFile({ filename, bytes: text(source), locale: 'vi' });
		expect(result.errors).toEqual([]);
		const [question] = result.draft.questions;
		expect(question).toMatchObject({
			type: 'typeanswer',
			accepted: ['tám giờ'],
			ignoreDiacritics: true
		});
		expect(judgeAnswer(question, { type: 'typeanswer', text: 'tam gio' }).correct).toBe(true);
	});

	it('the blank editor form and the downloadable template start with it switched on', async () => {
		const { emptyFormValues } = await import('../../src/lib/question-form');
		expect(emptyFormValues('typeanswer').ignoreDiacritics).toBe(true);
		const { buildTemplate } = await import('../../src/lib/server/transfer');
		const template = await buildTemplate('csv');
		const result = await importFile({
			filename: template.filename,
			bytes: template.bytes,
			locale: 'vi'
		});
		const typed = result.draft.questions.filter((q) => q.type === 'typeanswer');
		expect(typed.length).toBeGreaterThan(0);
		for (const q of typed) expect(q).toMatchObject({ ignoreDiacritics: true });
	});
});

/** One question of each type with every optional field set. */
const FULL_BANK: Question[] = [
	{
		type: 'single',
		text: 'Ca đêm tính từ mấy giờ? # 100% {thử}',
		options: ['21 giờ', '22 giờ', 'Ý kiến: khác = ~'],
		correct: 1,
		timeLimitSec: 30,
		points: 2,
		difficulty: 'easy',
		explanation: 'Điều 106: từ 22 giờ đến 6 giờ.',
		citation: { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14', article: 'Điều 106' },
		tags: ['Thời giờ', 'Ca đêm']
	},
	{
		type: 'multiple',
		text: 'Ngày nghỉ lễ hưởng nguyên lương?',
		options: ['30/4', '20/11', '1/5'],
		correct: [0, 2],
		timeLimitSec: 20,
		points: 1,
		difficulty: 'medium',
		tags: []
	},
	{
		type: 'truefalse',
		text: 'Thử việc tối đa 180 ngày.',
		correct: true,
		timeLimitSec: 10,
		points: 0,
		tags: ['Thử việc']
	},
	{
		type: 'typeanswer',
		text: 'Viết tắt của Tổng Liên đoàn?',
		accepted: ['TLĐLĐVN', 'Tổng LĐLĐ*'],
		ignoreDiacritics: false,
		timeLimitSec: 25,
		points: 1,
		difficulty: 'hard',
		tags: []
	},
	{
		type: 'numeric',
		text: 'Tỷ lệ đóng (%)?',
		value: 2.5,
		tolerance: 0.1,
		unit: '%',
		timeLimitSec: 20,
		points: 1,
		tags: []
	},
	{
		type: 'ordering',
		text: 'Sắp xếp các bước',
		items: ['Hòa giải', 'Trọng tài', 'Tòa án'],
		timeLimitSec: 40,
		points: 1,
		tags: []
	}
];

describe('round trip: export → import keeps every field', () => {
	it.each(['xlsx', 'csv', 'gift', 'json'] as const)('%s', async (format) => {
		const meta = { title: 'Luật Lao động', description: 'Bộ câu hỏi thử', tags: ['BLLĐ'] };
		const file = await exportBank(meta, FULL_BANK, format);
		const result = await importFile({ filename: file.filename, bytes: file.bytes, locale: 'vi' });
		expect(result.errors).toEqual([]);
		expect(result.draft.questions.map(({ line: _line, ...q }) => q)).toEqual(FULL_BANK);
		// A CSV holds one sheet of questions: its bank title comes from the file name.
		if (format !== 'csv') expect(result.draft.title).toBe(meta.title);
	});
});
