/**
 * Vietnamese mobile numbers. Since the 2018 renumbering they have 10 digits: 0 followed by a
 * network prefix 3, 5, 7, 8 or 9 and eight digits. People write them with spaces, dots or dashes,
 * and with +84 / 84 instead of the leading 0.
 */

const MOBILE_RE = /^0[35789]\d{8}$/;

/** The number in canonical form "0912345678", or null when it is not a Vietnamese mobile number. */
export function normalizePhone(input: string): string | null {
	let digits = input.trim().replace(/[\s.\-()]/g, '');
	if (digits.startsWith('+84')) digits = '0' + digits.slice(3);
	else if (/^84\d{9}$/.test(digits)) digits = '0' + digits.slice(2);
	return MOBILE_RE.test(digits) ? digits : null;
}

/** "091****678": enough for a winner to recognise their entry on a public list. */
export function maskPhone(phone: string): string {
	if (phone.length < 7) return '*'.repeat(phone.length);
	return phone.slice(0, 3) + '*'.repeat(phone.length - 6) + phone.slice(-3);
}
