import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../quiz/question';
import { exportBank } from './export';
import { importFile } from './import';
import { buildTemplate, templateExamples } from './template';
import { neutralizeCell, restoreCell } from './text';
import { validateQuestion } from './validate';

const risky: Question = {
	type: 'single',
	text: '=HYPERLINK("http://evil.example","Bấm vào đây")',
	options: ['+84 912 345 678', '-5 giờ', '@SUM(A1)', "'trích dẫn"],
	correct: 1,
	timeLimitSec: 20,
	points: 1,
	explanation: 'Giải thích {có} ngoặc ~ và = dấu # và : hai chấm',
	tags: ['Bộ luật Lao động']
};

async function readWorkbook(bytes: Uint8Array) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	return workbook;
}

describe('exportBank', () => {
	it('names the file after the bank without diacritics and sets the content type', async () => {
		const file = await exportBank({ title: 'Tìm hiểu Luật Công đoàn 2024' }, [risky], 'csv');
		expect(file.filename).toBe('tim-hieu-luat-cong-doan-2024.csv');
		expect(file.contentType).toBe('text/csv; charset=utf-8');
		const gift = await exportBank({ title: 'Đường lên đỉnh' }, [risky], 'gift');
		expect(gift.filename).toBe('duong-len-dinh-gift.txt');
	});

	it('writes CSV as UTF-8 with a BOM so Excel shows Vietnamese correctly', async () => {
		const file = await exportBank({ title: 'x' }, [risky], 'csv');
		expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(file.bytes);
		expect(text.split('\r\n')[0]).toBe(
			'STT,Loại câu hỏi,Câu hỏi,Phương án A,Phương án B,Phương án C,Phương án D,Phương án E,Phương án F,Đáp án đúng,Sai số,Đơn vị,Bỏ qua dấu,Thời gian (giây),Điểm,Độ khó,Giải thích,Văn bản pháp luật,Số hiệu,Điều/khoản,Thẻ'
		);
	});

	it('neutralises CSV cells that a spreadsheet would run as formulas', async () => {
		const file = await exportBank({ title: 'x' }, [risky], 'csv');
		const row = new TextDecoder().decode(file.bytes).split('\r\n')[1];
		expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm vào đây"")"`);
		expect(row).toContain("'+84 912 345 678");
		expect(row).toContain("'-5 giờ");
		expect(row).toContain("'@SUM(A1)");
		expect(row).toContain("''trích dẫn");
		expect(row).not.toMatch(/(^|,)[=+\-@]/);
	});

	it('neutralises xlsx text cells too, and re-imports them unchanged', async () => {
		const file = await exportBank({ title: 'x' }, [risky], 'xlsx');
		const workbook = await readWorkbook(file.bytes);
		const sheet = workbook.getWorksheet('Câu hỏi');
		expect(sheet?.getCell('C2').value).toBe(`'${risky.text}`);
		expect(sheet?.getCell('E2').value).toBe("'-5 giờ");
		const back = await importFile({ filename: file.filename, bytes: file.bytes });
		expect(back.draft.questions[0]).toMatchObject({ text: risky.text, options: risky.options });
	});

	it('writes xlsx with a question sheet, a bank sheet and a guide, headers in the chosen language', async () => {
		const file = await exportBank(
			{ title: 'Luật BHXH', description: 'Lương hưu', tags: ['BHXH'] },
			[risky],
			'xlsx',
			{
				locale: 'en'
			}
		);
		const workbook = await readWorkbook(file.bytes);
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Questions', 'Bank', 'Guide']);
		expect(workbook.getWorksheet('Questions')?.getCell('B1').value).toBe('Type');
		expect(workbook.getWorksheet('Questions')?.getCell('B2').value).toBe('Single choice');
		expect(workbook.getWorksheet('Bank')?.getCell('B1').value).toBe('Luật BHXH');
		expect(workbook.getWorksheet('Questions')?.getCell('B3').dataValidation).toMatchObject({
			type: 'list',
			formulae: ['"Single choice,Multiple select,True/False,Type answer,Numeric,Ordering"']
		});
	});

	it('escapes GIFT control characters so Moodle reads the text literally', async () => {
		const file = await exportBank({ title: 'x' }, [risky], 'gift');
		const text = new TextDecoder().decode(file.bytes);
		expect(text).toContain('####Giải thích \\{có\\} ngoặc \\~ và \\= dấu \\# và \\: hai chấm');
		expect(text).toContain('\\=HYPERLINK("http\\://evil.example","Bấm vào đây") {');
	});

	it('writes versioned JSON with only the question model fields', async () => {
		const file = await exportBank(
			{ title: 'x' },
			[{ ...risky, extra: 'không xuất' } as unknown as Question],
			'json'
		);
		const json = JSON.parse(new TextDecoder().decode(file.bytes));
		expect(json).toMatchObject({ format: 'chuong-vang-bank', version: 1, bank: { title: 'x' } });
		expect(json.questions[0]).not.toHaveProperty('extra');
	});
});

describe('buildTemplate', () => {
	it('gives one valid example per question type', () => {
		for (const locale of ['vi', 'en'] as const) {
			const examples = templateExamples(locale);
			expect(examples.map((q) => q.type)).toEqual([
				'single',
				'multiple',
				'truefalse',
				'typeanswer',
				'numeric',
				'ordering'
			]);
			for (const example of examples) expect(validateQuestion(example)).toEqual([]);
		}
	});

	it.each(['xlsx', 'csv'] as const)(
		'%s template imports back as its six examples',
		async (format) => {
			const file = await buildTemplate(format);
			expect(file.filename).toBe(`mau-cau-hoi-chuong-vang.${format}`);
			const result = await importFile({ filename: file.filename, bytes: file.bytes });
			expect(result.errors).toEqual([]);
			expect(result.draft.questions.map(({ line: _line, ...q }) => q)).toEqual(
				templateExamples('vi')
			);
		}
	);

	it('explains the columns in an instructions sheet', async () => {
		const workbook = await readWorkbook((await buildTemplate('xlsx')).bytes);
		const guide = workbook.getWorksheet('Hướng dẫn');
		const lines = guide?.getColumn(1).values.filter(Boolean) as string[];
		expect(lines[0]).toBe('Hướng dẫn điền tệp câu hỏi');
		expect(lines.join('\n')).toContain('Thời gian: 5–240 giây');
		expect(lines.join('\n')).toContain("dấu ' đó được tự động bỏ đi");
	});

	it('offers an English template', async () => {
		const file = await buildTemplate('csv', { locale: 'en' });
		expect(file.filename).toBe('chuong-vang-question-template.csv');
		expect(new TextDecoder().decode(file.bytes)).toContain('No.,Type,Question,Option A');
	});
});

describe('formula neutralisation', () => {
	it('is undone exactly by the template importer', () => {
		fc.assert(
			fc.property(fc.string(), (value) => {
				expect(restoreCell(neutralizeCell(value))).toBe(value);
				expect(neutralizeCell(value)).not.toMatch(/^[=+\-@\t\r]/);
			})
		);
	});
});
