import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { neutralize, toCsv, toXlsx } from './export';

describe('contest exports', () => {
	it.each([
		['=HYPERLINK("x")', `'=HYPERLINK("x")`],
		['+84912345678', `'+84912345678`],
		['-1', `'-1`],
		['@SUM(A1)', `'@SUM(A1)`],
		['Nguyễn Văn A', 'Nguyễn Văn A']
	])('neutralizes %s', (input, output) => {
		expect(neutralize(input)).toBe(output);
	});

	it('writes CSV in UTF-8 with a BOM, quoted fields and CRLF', () => {
		const bytes = toCsv({
			name: 'x',
			header: ['Họ và tên', 'Điểm'],
			rows: [
				['Trần "Bé"', 19],
				['=1+1', null]
			]
		});
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes.slice(3))).toBe(
			'"Họ và tên","Điểm"\r\n"Trần ""Bé""","19"\r\n"\'=1+1",""\r\n'
		);
	});

	it('writes an XLSX whose text cells cannot run formulas', async () => {
		const bytes = await toXlsx([{ name: 'Xếp hạng', header: ['Tên'], rows: [['=cmd()'], [5]] }]);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes.buffer as ArrayBuffer);
		const ws = wb.getWorksheet('Xếp hạng')!;
		expect(ws.getCell('A2').value).toBe("'=cmd()");
		expect(ws.getCell('A3').value).toBe(5);
	});
});
