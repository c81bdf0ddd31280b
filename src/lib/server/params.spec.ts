import { describe, expect, it } from 'vitest';
import { parseId } from './params';

describe('ids from URLs and forms', () => {
	it.each([
		['1', 1],
		['42', 42],
		['999999999999', 999999999999]
	])('reads "%s" as %d', (text, id) => {
		expect(parseId(text)).toBe(id);
	});

	it.each(['0', '-1', '1.5', '1e3', ' 7', '', 'abc', '1234567890123', undefined, null, 7])(
		'answers undefined for %o, so the page is a 404',
		(value) => {
			expect(parseId(value)).toBeUndefined();
		}
	);
});
