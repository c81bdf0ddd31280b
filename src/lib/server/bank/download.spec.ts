import { describe, expect, it } from 'vitest';
import { attachment } from './download';

describe('attachment', () => {
	it('keeps the Vietnamese name and gives old browsers a readable ASCII one (đ → d)', () => {
		const res = attachment({
			filename: 'Đề thi "Điều 105".xlsx',
			contentType: 'application/octet-stream',
			bytes: new Uint8Array([1, 2, 3])
		} as Parameters<typeof attachment>[0]);
		const disposition = res.headers.get('content-disposition') ?? '';
		expect(disposition).toContain('filename="De thi Dieu 105.xlsx"');
		expect(disposition).toContain(
			`filename*=UTF-8''${encodeURIComponent('Đề thi "Điều 105".xlsx')}`
		);
		expect(res.headers.get('content-length')).toBe('3');
	});
});
