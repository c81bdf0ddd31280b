import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from './phone';

describe('Vietnamese mobile numbers', () => {
	it.each([
		['0912345678', '0912345678'],
		['091 234 5678', '0912345678'],
		['0912.345.678', '0912345678'],
		['+84 912 345 678', '0912345678'],
		['84912345678', '0912345678'],
		['0381234567', '0381234567'],
		['0561234567', '0561234567'],
		['0701234567', '0701234567'],
		['0861234567', '0861234567']
	])('accepts %s as %s', (input, canonical) => {
		expect(normalizePhone(input)).toBe(canonical);
	});

	it.each([
		'',
		'091234567',
		'09123456789',
		'0212345678',
		'0112345678',
		'abc',
		'+1 912 345 678',
		'1912345678',
		'09123x5678'
	])('refuses %s', (input) => {
		expect(normalizePhone(input)).toBeNull();
	});

	it('masks the middle digits', () => {
		expect(maskPhone('0912345678')).toBe('091****678');
	});
});
