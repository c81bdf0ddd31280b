/** Bank + questions → a downloadable file in one of the export formats. */
import type { Question } from '../../quiz/question';
import { writeGift } from './gift/write';
import { writeJson } from './json';
import { writeCsv, writeXlsx } from './sheet/write';
import type { CsvSeparator } from './csv';
import { slugify } from './text';
import type { BankMeta, ExportFormat, ExportedFile, Locale } from './types';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8',
	gift: 'text/plain; charset=utf-8',
	json: 'application/json; charset=utf-8'
};

/** GIFT goes out as .txt: Moodle accepts it and Windows opens it with a double click. */
const SUFFIXES: Record<ExportFormat, string> = {
	xlsx: '.xlsx',
	csv: '.csv',
	gift: '-gift.txt',
	json: '.json'
};

/**
 * Export a bank. xlsx/csv use the import template's columns (so the file re-imports losslessly);
 * `locale` picks the header language of xlsx/csv. Pass questions already validated.
 */
export async function exportBank(
	bank: BankMeta,
	questions: Question[],
	format: ExportFormat,
	options: { locale?: Locale; separator?: CsvSeparator } = {}
): Promise<ExportedFile> {
	const locale = options.locale ?? 'vi';
	let bytes: Uint8Array;
	switch (format) {
		case 'xlsx':
			bytes = await writeXlsx({ meta: bank, questions, locale, blankRows: 50 });
			break;
		case 'csv':
			bytes = writeCsv(questions, locale, options.separator);
			break;
		case 'gift':
			bytes = writeGift(bank, questions);
			break;
		case 'json':
			bytes = writeJson(bank, questions);
			break;
	}
	return {
		bytes,
		filename: slugify(bank.title) + SUFFIXES[format],
		contentType: CONTENT_TYPES[format]
	};
}
