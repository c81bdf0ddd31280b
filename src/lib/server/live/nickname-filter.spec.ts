import { describe, expect, it } from 'vitest';
import { isNicknameOffensive } from './nickname-filter';

describe('the nickname filter', () => {
	it.each([
		'Đ.M',
		'dit me',
		'ĐỊT',
		'D.C.M',
		'vcl',
		'Fuck',
		'sh1t shit',
		'thằng chó',
		'Lồn',
		'cặc',
		'con chó'
	])('refuses %s', (nickname) => expect(isNicknameOffensive(nickname)).toBe(true));

	it.each([
		'Lớn',
		'Các bạn',
		'Buổi sáng',
		'Đèo Cả',
		'Dũng',
		'Dư Thị Hoa',
		'Tổ Cơ khí',
		'Chó Mực Team?'
	])('lets %s through', (nickname) => expect(isNicknameOffensive(nickname)).toBe(false));
});
