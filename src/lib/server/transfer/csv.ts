/**
 * CSV files for Excel. Excel splits a CSV at the list separator of the reader's regional
 * settings: a comma in English, a semicolon in Vietnamese (whose decimal mark is the comma). So
 * every CSV export offers both, semicolon by default for the Vietnamese UI, and an .xlsx file
 * besides. Files start with a UTF-8 BOM, without which Excel shows "Ä‘" for "đ". We write no
 * `sep=;` line: Excel then ignores the BOM and garbles the diacritics.
 */
import Papa from 'papaparse';

export const CSV_SEPARATORS = [';', ','] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** The separator for a `?sep=` value (`semicolon`/`comma`), else the default for the language. */
export function csvSeparator(param: string | null, locale: string): CsvSeparator {
	if (param === 'semicolon' || param === ';') return ';';
	if (param === 'comma' || param === ',') return ',';
	return locale === 'en' ? ',' : ';';
}

type CsvCell = string | number | null | undefined;

/**
 * UTF-8 (with BOM), CRLF line ends, fields quoted when needed. With the semicolon separator,
 * numbers take the decimal comma that Vietnamese Excel reads as a number ("12,5").
 */
export function encodeCsv(rows: CsvCell[][], separator: CsvSeparator): Uint8Array<ArrayBuffer> {
	const cells = rows.map((row) =>
		row.map((cell) => {
			if (cell === null || cell === undefined) return '';
			if (typeof cell === 'number') {
				return separator === ';' ? String(cell).replace('.', ',') : String(cell);
			}
			return cell;
		})
	);
	const text = Papa.unparse(cells, { delimiter: separator, newline: '\r\n' });
	return new TextEncoder().encode(`\ufeff${text}\r\n`);
}
