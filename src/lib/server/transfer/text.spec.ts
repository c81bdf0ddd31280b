import { describe, expect, it } from 'vitest';
import { looseKey, sameAnswerKey, slugify } from './text';

describe('text keys of the importers and exporters fold Vietnamese like the engine', () => {
	it.each([
		['Luật Công đoàn 2024', 'luat-cong-doan-2024'],
		['ĐIỀU LỆ Công Đoàn', 'dieu-le-cong-doan'],
		['   ', 'ngan-hang-cau-hoi']
	])('names the file of "%s" %s', (title, slug) => {
		expect(slugify(title)).toBe(slug);
	});

	it('matches a header however it is accented, spaced or cased', () => {
		expect(looseKey('Thời gian (giây)')).toBe('thoigiangiay');
		expect(looseKey('THOI GIAN (GIAY)')).toBe('thoigiangiay');
	});

	it('compares typed answers with or without their diacritics', () => {
		expect(sameAnswerKey('  Đoàn   Viên ')).toBe('đoàn viên');
		expect(sameAnswerKey('  Đoàn   Viên ', true)).toBe('doan vien');
	});
});
