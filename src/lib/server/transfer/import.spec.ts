import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from './import';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { MAX_IMPORT_BYTES, MAX_IMPORT_QUESTIONS, type ImportResult } from './types';
import {
	lyingZipBomb,
	notAWorkbook,
	randomBlob,
	rangeBombWorkbook,
	zipBomb
} from '../../../../tests/fixtures/import/fixtures';

const FIXTURES = new URL('../../../../tests/fixtures/import/', import.meta.url);

function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

async function importFixture(name: string, locale: 'vi' | 'en' = 'vi'): Promise<ImportResult> {
	return importFile({ filename: name, bytes: fixture(name), locale });
}

const summary = (issues: ImportResult['errors']) =>
	issues.map(({ line, field, code }) => ({ line, field, code }));

describe('own template', () => {
	it.each([
		['template-semicolon-bom.csv', 'template-csv'],
		['template-windows-1258.csv', 'template-csv'],
		['template-unicode-text.txt', 'template-csv']
	])('reads %s: one question of each type, with Vietnamese intact', async (name, format) => {
		const result = await importFixture(name);
		expect(result.format).toBe(format);
		expect(result.errors).toEqual([]);
		expect(result.draft.questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'truefalse',
			'typeanswer',
			'numeric',
			'ordering'
		]);
		expect(result.draft.questions[0]).toEqual({
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
		});
		expect(result.draft.questions[3]).toMatchObject({
			accepted: ['28/7/1929', '28/07/1929'],
			ignoreDiacritics: true
		});
		expect(result.draft.questions[4]).toMatchObject({ value: 300, tolerance: 0, unit: '%' });
		expect(result.draft.questions[5]).toMatchObject({
			items: [
				'Hợp đồng không xác định thời hạn',
				'Hợp đồng từ 12 đến 36 tháng',
				'Hợp đồng dưới 12 tháng'
			]
		});
	});

	it('warns that a Windows-1258 file was converted', async () => {
		const result = await importFixture('template-windows-1258.csv');
		expect(result.warnings).toEqual([
			expect.objectContaining({
				line: 0,
				code: 'encoding_converted',
				message: expect.stringContaining('windows-1258')
			})
		]);
	});

	it('reports every bad row with its row number, field and reason, and keeps the good rows', async () => {
		const result = await importFixture('template-invalid-rows.csv');
		expect(summary(result.errors)).toEqual([
			{ line: 3, field: 'correct', code: 'correct_missing' },
			{ line: 4, field: 'correct', code: 'correct_empty_option' },
			{ line: 5, field: 'options', code: 'option_duplicate' },
			{ line: 6, field: 'text', code: 'text_too_long' },
			{ line: 7, field: 'type', code: 'type_unknown' },
			{ line: 8, field: 'timeLimitSec', code: 'time_out_of_range' },
			{ line: 9, field: 'points', code: 'points_invalid' },
			{ line: 10, field: 'correct', code: 'truefalse_invalid' }
		]);
		expect(result.errors[1].message).toBe("Dòng 4: đáp án đúng 'C' trỏ tới phương án trống");
		expect(result.validCount).toBe(3);
		expect(result.invalidCount).toBe(8);
		expect(result.warnings.map((w) => w.message)).toEqual([
			'Dòng 11: phương án C trống nên đã bỏ qua'
		]);
		const [formula, gap, decimal] = result.draft.questions;
		expect(formula.text).toBe('=SUM(A1:A2) trong Excel là công thức hay văn bản?');
		expect(gap).toMatchObject({
			type: 'multiple',
			options: ['Một', 'Hai', 'Bốn'],
			correct: [0, 2]
		});
		expect(decimal).toMatchObject({ type: 'numeric', value: 2.5 });
	});

	it('reports the same problems in English', async () => {
		const result = await importFixture('template-invalid-rows.csv', 'en');
		expect(result.errors[0].message).toBe('Line 3: no correct answer is given');
		expect(result.warnings[0].message).toBe('Line 11: option C is empty and was skipped');
	});

	it('finds English headers below a title row, reads rich text and formula results', async () => {
		const result = await importFixture('template-titled-en.xlsx');
		expect(result.format).toBe('template-xlsx');
		expect(result.errors).toEqual([]);
		expect(result.draft.questions).toEqual([
			expect.objectContaining({
				line: 4,
				type: 'single',
				text: 'Người lao động nước ngoài có hợp đồng lao động từ bao lâu được gia nhập công đoàn cơ sở?',
				correct: 1,
				citation: { document: 'Luật Công đoàn 2024', number: '50/2024/QH15', article: 'Điều 5' }
			}),
			expect.objectContaining({ line: 5, type: 'numeric', value: 48, timeLimitSec: 20 })
		]);
	});

	it('survives a workbook declaring merges and validations over the whole sheet', async () => {
		const result = await importFile({
			filename: 'range-bomb.xlsx',
			bytes: await rangeBombWorkbook()
		});
		expect(result.errors).toEqual([]);
		expect(result.validCount).toBe(1);
	});
});

describe('Kahoot! spreadsheet', () => {
	it('finds the header below the title rows and maps single and multiple answers', async () => {
		const result = await importFixture('kahoot-quiz.xlsx');
		expect(result.format).toBe('kahoot-xlsx');
		expect(result.draft.questions).toEqual([
			expect.objectContaining({ line: 9, type: 'single', correct: 2, timeLimitSec: 20 }),
			expect.objectContaining({ line: 10, type: 'multiple', correct: [0, 2], timeLimitSec: 30 }),
			expect.objectContaining({ line: 13, type: 'single', correct: 0, timeLimitSec: 10 })
		]);
	});

	it('says which row points its correct answer at an empty answer column', async () => {
		const result = await importFixture('kahoot-quiz.xlsx');
		expect(result.errors.map((e) => e.message)).toEqual([
			"Dòng 11: đáp án đúng '4' trỏ tới phương án trống",
			'Dòng 12: chưa có đáp án đúng'
		]);
	});
});

describe('Wayground (Quizizz) spreadsheet', () => {
	it('maps multiple choice, checkbox and fill-in-the-blank, skipping the hint row', async () => {
		const result = await importFixture('wayground-quiz.xlsx');
		expect(result.format).toBe('wayground-xlsx');
		expect(result.draft.questions.map((q) => [q.line, q.type])).toEqual([
			[3, 'single'],
			[4, 'multiple'],
			[5, 'typeanswer'],
			[8, 'single']
		]);
		expect(result.draft.questions[0]).toMatchObject({
			correct: 1,
			explanation: 'Điều 169 Bộ luật Lao động 2019.'
		});
		expect(result.draft.questions[2]).toMatchObject({ accepted: ['22h', '22 giờ'] });
	});

	it('warns about polls, open-ended questions, image links and over-long times', async () => {
		const result = await importFixture('wayground-quiz.xlsx');
		expect(summary(result.warnings)).toEqual([
			{ line: 6, field: 'type', code: 'type_unsupported' },
			{ line: 7, field: 'type', code: 'type_unsupported' },
			{ line: 8, field: 'image', code: 'image_ignored' },
			{ line: 8, field: 'timeLimitSec', code: 'time_clamped' }
		]);
		expect(result.draft.questions[3].timeLimitSec).toBe(240);
		expect(summary(result.errors)).toEqual([
			{ line: 9, field: 'correct', code: 'correct_out_of_range' }
		]);
	});
});

describe('GIFT', () => {
	it('reads categories, escapes, feedback, multi-line questions and every answer kind', async () => {
		const result = await importFixture('questions.gift');
		expect(result.format).toBe('gift');
		const byLine = new Map(result.draft.questions.map((q) => [q.line, q]));
		expect(byLine.get(6)).toMatchObject({
			type: 'single',
			correct: 1,
			explanation: 'Điều 105 Bộ luật Lao động 2019: không quá 08 giờ/ngày và 48 giờ/tuần.',
			tags: ['Bộ luật Lao động', 'Thời giờ làm việc']
		});
		expect(byLine.get(15)?.text).toBe(
			'Công thức = 150% {ngày thường}: tiền lương làm thêm giờ vào ngày thường ít nhất bằng bao nhiêu phần trăm?'
		);
		expect(byLine.get(18)).toMatchObject({ type: 'truefalse', correct: true });
		expect(byLine.get(20)).toMatchObject({
			type: 'truefalse',
			correct: false,
			explanation: 'Đúng: chỉ 12 ngày.'
		});
		expect(byLine.get(24)).toMatchObject({
			type: 'multiple',
			correct: [0, 1, 2],
			tags: ['Bộ luật Lao động', 'Nghỉ lễ']
		});
		expect(byLine.get(31)).toMatchObject({
			type: 'typeanswer',
			accepted: ['28/7', '28 tháng 7', 'ngày 28 tháng 7']
		});
		expect(byLine.get(33)).toMatchObject({ type: 'numeric', value: 40, tolerance: 0 });
		expect(byLine.get(35)).toMatchObject({ type: 'numeric', value: 85, tolerance: 5 });
		expect(byLine.get(37)).toMatchObject({ type: 'single', correct: 0 });
		expect(byLine.get(43)).toMatchObject({
			type: 'ordering',
			items: expect.arrayContaining(['Công việc khác'])
		});
		expect(byLine.get(62)).toMatchObject({ type: 'single', correct: 0 });
		expect(result.validCount).toBe(11);
	});

	it('reports the unclosed brace at its line and warns about what it cannot import', async () => {
		const result = await importFixture('questions.gift');
		expect(result.errors.map((e) => e.message)).toEqual([
			'Dòng 58: dấu “{” mở phần đáp án nhưng chưa được đóng'
		]);
		expect(summary(result.warnings)).toEqual([
			{ line: 37, field: 'correct', code: 'partial_credit' },
			{ line: 43, field: 'type', code: 'matching_as_ordering' },
			{ line: 50, field: 'type', code: 'matching_skipped' },
			{ line: 56, field: 'type', code: 'type_unsupported' }
		]);
	});

	it('reports a syntax error at the line where it happens', async () => {
		const text = '::A:: Câu một {T}\n\n::B:: Câu hai {\n=đúng\n~%abc%sai\n}\n';
		const result = await importFile({ filename: 'x.gift', bytes: new TextEncoder().encode(text) });
		expect(result.validCount).toBe(1);
		expect(summary(result.errors)).toEqual([{ line: 5, field: 'text', code: 'gift_syntax' }]);
	});
});

describe('Aiken', () => {
	it('imports the complete questions and names the one without an ANSWER line', async () => {
		const result = await importFixture('questions-aiken.txt');
		expect(result.format).toBe('aiken');
		expect(
			result.draft.questions.map((q) => [q.line, q.type, (q as { correct: number }).correct])
		).toEqual([
			[1, 'single', 2],
			[8, 'single', 2],
			[20, 'single', 1]
		]);
		expect(result.errors.map((e) => e.message)).toEqual([
			'Dòng 15: câu hỏi thiếu dòng “ANSWER: …”',
			"Dòng 27: đáp án đúng 'E' không có phương án tương ứng"
		]);
	});
});

describe('Moodle XML', () => {
	it('reads the supported types with HTML reduced to text, categories and tags', async () => {
		const result = await importFixture('moodle-quiz.xml');
		expect(result.format).toBe('moodle-xml');
		const [foreign, leave, founding, month, probation] = result.draft.questions;
		expect(foreign).toMatchObject({
			line: 11,
			type: 'single',
			text: 'Theo Luật Công đoàn 2024, người lao động nước ngoài làm việc tại Việt Nam\ncó thể gia nhập công đoàn cơ sở khi có hợp đồng lao động từ bao nhiêu tháng trở lên?',
			options: ['6 tháng', '12 tháng', '24 tháng'],
			correct: 1,
			explanation: 'Điều 5 Luật Công đoàn 2024: hợp đồng lao động từ 12 tháng trở lên.',
			tags: ['Luật Công đoàn 2024', 'Đoàn viên']
		});
		expect(leave).toMatchObject({ line: 39, type: 'multiple', correct: [0, 1] });
		expect(founding).toMatchObject({ line: 50, type: 'truefalse', correct: true });
		expect(month).toMatchObject({ line: 58, type: 'typeanswer', accepted: ['tháng 5', '5'] });
		expect(probation).toMatchObject({
			line: 69,
			type: 'numeric',
			value: 60,
			tolerance: 0,
			unit: 'ngày'
		});
	});

	it('warns about images, partial credit and matching, and rejects a question with no right answer', async () => {
		const result = await importFixture('moodle-quiz.xml');
		expect(summary(result.warnings)).toEqual([
			{ line: 58, field: 'image', code: 'image_ignored' },
			{ line: 58, field: 'accepted', code: 'partial_credit' },
			{ line: 81, field: 'type', code: 'type_unsupported' }
		]);
		expect(summary(result.errors)).toEqual([
			{ line: 86, field: 'correct', code: 'correct_missing' }
		]);
	});

	it('refuses entity declarations (billion laughs)', async () => {
		const xml =
			'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><quiz></quiz>';
		const result = await importFile({ filename: 'bomb.xml', bytes: new TextEncoder().encode(xml) });
		expect(summary(result.errors)).toEqual([{ line: 0, field: 'file', code: 'xml_entity' }]);
	});

	it('reports broken XML with its line', async () => {
		const xml = '<?xml version="1.0"?>\n<quiz>\n<question type="truefalse">\n</quiz>';
		const result = await importFile({
			filename: 'broken.xml',
			bytes: new TextEncoder().encode(xml)
		});
		expect(result.errors[0]).toMatchObject({
			code: 'xml_syntax',
			message: expect.stringMatching(/^Dòng \d+: /)
		});
	});
});

describe('JSON export format', () => {
	it('reads the bank and its questions, numbering problems by question', async () => {
		const result = await importFixture('bank.json');
		expect(result.format).toBe('json');
		expect(result.draft).toMatchObject({
			title: 'Luật Bảo hiểm xã hội 2024',
			description: 'Câu hỏi về lương hưu',
			tags: ['BHXH']
		});
		expect(result.draft.questions[1]).toEqual({
			type: 'truefalse',
			text: 'Luật Bảo hiểm xã hội 2024 có hiệu lực từ ngày 01/7/2025.',
			timeLimitSec: 15,
			points: 2,
			tags: ['BHXH'],
			correct: true,
			line: 2
		});
		expect(result.errors.map((e) => e.message)).toEqual([
			"Câu 3: đáp án đúng 'D' không có phương án tương ứng"
		]);
	});

	it.each([
		['bank-v2.json', 0, 'json_version'],
		['broken.json', 5, 'json_syntax']
	])('refuses %s with a clear message', async (name, line, code) => {
		const result = await importFixture(name);
		expect(summary(result.errors)).toEqual([{ line, field: 'file', code }]);
		expect(result.draft.questions).toEqual([]);
	});

	it('refuses JSON that is not a bank export', async () => {
		const result = await importFile({
			filename: 'x.json',
			bytes: new TextEncoder().encode('{"questions": 3}')
		});
		expect(result.errors[0].message).toBe(
			'Tệp JSON này không phải bộ câu hỏi xuất từ Chuông Vàng.'
		);
	});
});

describe('bad files change nothing and say why', () => {
	const refusal = async (filename: string, bytes: Uint8Array) => {
		const result = await importFile({ filename, bytes });
		expect(result.draft.questions).toEqual([]);
		expect(result.validCount).toBe(0);
		return result.errors.map((e) => e.code);
	};

	it('refuses an empty file', async () => {
		expect(await refusal('cau-hoi.xlsx', new Uint8Array())).toEqual(['file_empty']);
	});

	it('refuses a file over the size limit', async () => {
		expect(await refusal('cau-hoi.csv', new Uint8Array(MAX_IMPORT_BYTES + 1))).toEqual([
			'file_too_large'
		]);
	});

	it('refuses unsupported extensions and old .xls files', async () => {
		expect(await refusal('de-thi.docx', new TextEncoder().encode('x'))).toEqual(['file_extension']);
		expect(await refusal('de-thi.xls', new TextEncoder().encode('x'))).toEqual(['file_xls_legacy']);
	});

	it('refuses a random blob named .xlsx', async () => {
		expect(await refusal('random-blob.xlsx', fixture('random-blob.xlsx'))).toEqual([
			'file_not_xlsx'
		]);
	});

	it('refuses a zip that is not a workbook (a renamed .docx)', async () => {
		expect(await refusal('de-thi.xlsx', notAWorkbook())).toEqual(['file_not_xlsx']);
	});

	it('refuses a zip bomb disguised as .xlsx without inflating it', async () => {
		expect(await refusal('bomb.xlsx', zipBomb(60 * 1024 * 1024))).toEqual(['zip_size']);
	});

	it('refuses a highly compressed sheet even under the size cap', async () => {
		expect(await refusal('bomb.xlsx', zipBomb(20 * 1024 * 1024))).toEqual(['zip_ratio']);
	});

	it('refuses a zip whose headers understate what it inflates to', async () => {
		expect(await refusal('liar.xlsx', lyingZipBomb(20 * 1024 * 1024))).toEqual(['zip_corrupt']);
	});

	it('refuses a sheet with more rows than questions allowed, before parsing it', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Câu hỏi');
		sheet.addRow(['Loại câu hỏi', 'Câu hỏi', 'Phương án A', 'Phương án B', 'Đáp án đúng']);
		for (let i = 0; i <= MAX_IMPORT_QUESTIONS + 1000; i++)
			sheet.addRow(['Đúng/Sai', `Câu ${i}`, '', '', 'Đúng']);
		const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
		expect(await refusal('nhieu.xlsx', bytes)).toEqual(['too_many_questions']);
	});

	it('refuses a CSV with more rows than questions allowed', async () => {
		const rows = Array.from(
			{ length: MAX_IMPORT_QUESTIONS + 1 },
			(_, i) => `Đúng/Sai;Câu ${i};Đúng`
		);
		const csv = ['Loại câu hỏi;Câu hỏi;Đáp án đúng', ...rows].join('\n');
		expect(await refusal('nhieu.csv', new TextEncoder().encode(csv))).toEqual([
			'too_many_questions'
		]);
	});

	it('refuses a PNG named .csv', async () => {
		const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
		const header = [
			0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53,
			0xde
		];
		const png = new Uint8Array([...signature, ...header, ...randomBlob(64)]);
		const result = await importFile({ filename: 'anh.csv', bytes: png });
		expect(result.errors.map((e) => e.message)).toEqual([
			'Tệp “anh.csv” là tệp PNG, không phải tệp câu hỏi.'
		]);
	});

	it('refuses a CSV without a recognisable header row', async () => {
		expect(await refusal('x.csv', new TextEncoder().encode('a,b,c\n1,2,3\n'))).toEqual([
			'header_not_found'
		]);
	});

	it('refuses a text file in no known format', async () => {
		expect(
			await refusal('ghi-chu.txt', new TextEncoder().encode('Chỉ là ghi chú.\nKhông có câu hỏi.'))
		).toEqual(['format_unknown']);
	});

	it('refuses a template holding no question', async () => {
		const csv = 'Loại câu hỏi;Câu hỏi;Phương án A;Đáp án đúng\n';
		expect(await refusal('trong.csv', new TextEncoder().encode(csv))).toEqual(['no_questions']);
	});
});

describe('importFile on arbitrary input', () => {
	const names = fc.constantFrom('a.xlsx', 'a.csv', 'a.txt', 'a.gift', 'a.xml', 'a.json', 'a');
	const gifty = fc.string({
		unit: fc.constantFrom(...'{}=~#:%\\-> \nTQABC.)ANSWER<>/$CATEGORY'),
		maxLength: 400
	});

	it('always answers with questions or a reason, never an exception', async () => {
		await fc.assert(
			fc.asyncProperty(
				names,
				fc.oneof(
					fc.uint8Array({ maxLength: 2000 }),
					gifty.map((text) => new TextEncoder().encode(text))
				),
				async (filename, bytes) => {
					const result = await importFile({ filename, bytes });
					expect(result.validCount + result.errors.length).toBeGreaterThan(0);
					expect(result.validCount).toBe(result.draft.questions.length);
				}
			),
			{ numRuns: 300 }
		);
	});
});
