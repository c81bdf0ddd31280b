import { afterEach, describe, expect, it } from 'vitest';
import { hostErrorMessage } from '$lib/client/host-error-messages';
import { m } from '$lib/paraglide/messages.js';
import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime.js';
import { ERROR_CODES } from './protocol';

const LOCALES: Locale[] = ['vi', 'en'];

describe('every error code a client can be told has a message in Vietnamese and English', () => {
	afterEach(() => overwriteGetLocale(() => 'vi'));

	// INTERNAL says nothing on purpose (no exception text leaves the server): the generic sentence.
	const specific = ERROR_CODES.filter((code) => code !== 'INTERNAL');

	it.each(LOCALES.flatMap((locale) => specific.map((code) => [locale, code] as const)))(
		'in %s, %s has its own sentence',
		(locale, code) => {
			overwriteGetLocale(() => locale);
			const message = hostErrorMessage(code);
			expect(message).not.toBe(m.live_err_generic());
			expect(message).not.toContain(code);
			expect(message.length).toBeGreaterThan(5);
		}
	);

	it('shows the two languages differently (the catalogues are both loaded)', () => {
		overwriteGetLocale(() => 'vi');
		const vi = hostErrorMessage('LATE');
		overwriteGetLocale(() => 'en');
		expect(hostErrorMessage('LATE')).not.toBe(vi);
	});
});
