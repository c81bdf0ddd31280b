import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';
import { encodeWindows1258, randomBlob } from '../../../../tests/fixtures/import/fixtures';

const SAMPLE = 'Câu hỏi;Đáp án đúng\nNgười lao động được nghỉ hằng năm mấy ngày?;12 ngày';

describe('decodeText', () => {
	it.each([
		[
			'UTF-8 with a BOM',
			new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]),
			'UTF-8'
		],
		['UTF-8 without a BOM', new TextEncoder().encode(SAMPLE), 'UTF-8'],
		[
			'UTF-16LE with a BOM',
			new Uint8Array([0xff, 0xfe, ...iconv.encode(SAMPLE, 'utf-16le')]),
			'UTF-16LE'
		],
		[
			'UTF-16BE with a BOM',
			new Uint8Array([0xfe, 0xff, ...iconv.encode(SAMPLE, 'utf-16be')]),
			'UTF-16BE'
		],
		['UTF-16LE without a BOM', new Uint8Array(iconv.encode(SAMPLE, 'utf-16le')), 'UTF-16LE']
	])('reads %s without loss', (_name, bytes, encoding) => {
		expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding, isLegacy: false });
	});

	it('reads Windows-1258 (combining tone marks) back into precomposed Vietnamese', () => {
		const decoded = decodeText(encodeWindows1258(SAMPLE));
		expect(decoded).toEqual({ text: SAMPLE, encoding: 'windows-1258', isLegacy: true });
	});

	it('gives up on bytes that are not text in any encoding', () => {
		expect(decodeText(randomBlob(2048, 7))).toBeUndefined();
	});
});
