/** Spreadsheet containers → rows of text cells, numbered the way Excel shows them. */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { formatNumber } from '../text';

export interface SheetRow {
	/** 1-based row number as the spreadsheet program shows it. */
	line: number;
	cells: string[];
}

export interface Sheet {
	name: string;
	rows: SheetRow[];
}

/** Text of one exceljs cell value, whatever its kind (rich text, formula, hyperlink, date…). */
export function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return formatNumber(value);
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		if (Array.isArray(record.richText))
			return record.richText.map((run) => cellText((run as { text?: unknown }).text)).join('');
		if ('result' in record) return cellText(record.result);
		if ('text' in record) return cellText(record.text);
	}
	return '';
}

/** Read every worksheet of an .xlsx (pass only the reduced copy from `prepareXlsx`). */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
	const workbook = new ExcelJS.Workbook();
	// exceljs' typings predate Node's generic Buffer; the runtime accepts any Buffer.
	await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
	return workbook.worksheets.map((worksheet) => {
		const rows: SheetRow[] = [];
		worksheet.eachRow({ includeEmpty: false }, (row, line) => {
			const values = Array.isArray(row.values) ? row.values : [];
			const cells: string[] = [];
			for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
			if (cells.some((cell) => cell.trim())) rows.push({ line, cells });
		});
		return { name: worksheet.name, rows };
	});
}

export interface CsvRows {
	rows: SheetRow[];
	/** Row number of the first record whose quotation mark is never closed. */
	unclosedQuoteLine?: number;
}

/** Excel writes "sep=;" as a first line when asked to; honour it and skip it. */
export function csvDelimiterHint(text: string): string | undefined {
	const first = /^sep=(.)\r?\n/i.exec(text);
	return first?.[1];
}

/** Parse CSV text with a known delimiter. `preview` limits the rows (used while detecting). */
export function readCsv(text: string, delimiter: string, preview = 0): CsvRows {
	let offset = 0;
	let body = text;
	if (csvDelimiterHint(text)) {
		body = text.slice(text.indexOf('\n') + 1);
		offset = 1;
	}
	const parsed = Papa.parse<string[]>(body, { delimiter, preview, skipEmptyLines: false });
	const rows: SheetRow[] = [];
	parsed.data.forEach((cells, index) => {
		if (cells.some((cell) => cell.trim())) rows.push({ line: index + 1 + offset, cells });
	});
	const quote = parsed.errors.find((error) => error.type === 'Quotes');
	return {
		rows,
		unclosedQuoteLine: quote ? (quote.row ?? 0) + 1 + offset : undefined
	};
}
