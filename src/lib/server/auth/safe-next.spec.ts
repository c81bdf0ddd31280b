import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

const origin = 'http://192.168.1.10:3000';

describe('finding 10: the login redirect stays on this site', () => {
	it.each([
		'/%5Cevil.example',
		'/\\evil.example',
		'//evil.example',
		'///evil.example',
		'https://evil.example/org',
		'http://192.168.1.10:3001/org',
		'javascript:alert(1)',
		' //evil.example',
		'/\t/evil.example'
	])('refuses %s and sends the user to the dashboard', (next) => {
		const target = safeNext(next, origin);
		expect(new URL(target, origin).origin).toBe(origin);
		expect(target.startsWith('/')).toBe(true);
		expect(target.startsWith('//')).toBe(false);
		expect(target.includes('\\')).toBe(false);
	});

	it('keeps a same-site path with its query', () => {
		expect(safeNext('/org/banks/3?tab=questions', origin)).toBe('/org/banks/3?tab=questions');
		expect(safeNext(`${origin}/org/users`, origin)).toBe('/org/users');
		expect(safeNext(null, origin)).toBe('/org');
	});
});
