import { describe, expect, it } from 'vitest';
import { csvSeparator, encodeCsv } from './csv';

const BOM = [0xef, 0xbb, 0xbf];

describe('encodeCsv', () => {
	it('writes a UTF-8 BOM, semicolons, decimal commas and intact Vietnamese for Excel in Vietnamese', () => {
		const bytes = encodeCsv(
			[
				['Hạng', 'Biệt danh', 'Điểm', 'Thời gian (giây)'],
				[1, 'Chị Lan; tổ 2', 1830, 12.5]
			],
			';'
		);
		expect([...bytes.slice(0, 3)]).toEqual(BOM);
		const text = new TextDecoder().decode(bytes.slice(3));
		expect(text).toBe('Hạng;Biệt danh;Điểm;Thời gian (giây)\r\n1;"Chị Lan; tổ 2";1830;12,5\r\n');
		expect(text).not.toMatch(/^sep=/);
	});

	it('writes commas and decimal points for the comma separator', () => {
		const text = new TextDecoder().decode(encodeCsv([['a', 'b, c', 2.5, null]], ',').slice(3));
		expect(text).toBe('a,"b, c",2.5,\r\n');
	});
});

describe('csvSeparator', () => {
	it.each([
		[null, 'vi', ';'],
		[null, 'en', ','],
		['comma', 'vi', ','],
		['semicolon', 'en', ';'],
		['junk', 'vi', ';']
	])('sep=%s in %s gives %s', (param, locale, expected) => {
		expect(csvSeparator(param, locale)).toBe(expected);
	});
});
