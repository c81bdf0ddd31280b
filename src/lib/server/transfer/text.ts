/** Small text helpers shared by the importers and exporters. */
import { normalizeVietnamese } from '../../quiz/vietnamese';

/** A key for loose matching of headers and labels: "Thời gian (giây)" → "thoigiangiay". */
export function looseKey(value: string): string {
	return normalizeVietnamese(value).replace(/[^a-z0-9]/g, '');
}

/**
 * Clean a text value read from a file: NFC (Windows-1258 and macOS produce combining marks),
 * Unix newlines, no surrounding white space, no control characters other than newline/tab.
 */
export function cleanText(value: string): string {
	return value
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
		.trim();
}

/** Compare options/answers the way a reader would: case, spacing and Unicode form ignored. */
export function sameAnswerKey(value: string, ignoreDiacritics = false): string {
	const base = value.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
	return ignoreDiacritics ? normalizeVietnamese(base) : base;
}

/** Option label shown to organizers: 0 → "A". */
export function optionLetter(index: number): string {
	return String.fromCharCode(65 + index);
}

/**
 * Cells starting with these make spreadsheet programs evaluate a formula (CSV/formula injection).
 * A leading apostrophe is also escaped so that the round trip stays lossless.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/** Prefix a `'` to a cell that Excel or LibreOffice would otherwise run as a formula. */
export function neutralizeCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undo `neutralizeCell` (only for our own template, whose exporter added the `'`). */
export function restoreCell(value: string): string {
	return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** A file name from a bank title: "Luật Công đoàn 2024" → "luat-cong-doan-2024". */
export function slugify(title: string, fallback = 'ngan-hang-cau-hoi'): string {
	const slug = normalizeVietnamese(title)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
	return slug || fallback;
}

/** Write a number without exponent notation (GIFT and most spreadsheets cannot read "1e-7"). */
export function formatNumber(value: number): string {
	const plain = String(value);
	if (!/e/i.test(plain)) return plain;
	const fixed = value.toFixed(20);
	return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/**
 * Read a number an organizer typed: "2.5", "2,5" (Vietnamese decimal comma), " 10 ".
 * Returns undefined for anything else.
 */
export function parseNumber(raw: string): number | undefined {
	const text = raw.trim().replace(/\s+/g, '');
	if (!text) return undefined;
	const normalized = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
	if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(normalized)) return undefined;
	const value = Number(normalized);
	return Number.isFinite(value) ? value : undefined;
}

/** Round away binary floating-point noise: (2.9 + 3.1) / 2 → 3, not 3.0000000000000004. */
export function roundNoise(value: number): number {
	return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/** Yield to the event loop so a long import does not freeze other requests. */
export function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}
