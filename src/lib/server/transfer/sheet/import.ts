/** Spreadsheet import: find the question sheet and its header, then map rows by flavour. */
import type { IssueLog } from '../issues';
import { cleanText, looseKey, restoreCell } from '../text';
import {
	MAX_IMPORT_QUESTIONS,
	type BankDraft,
	type DraftQuestion,
	type ImportFormat
} from '../types';
import { INFO_LABELS, SHEET_NAMES } from './columns';
import { findHeader, type HeaderMatch } from './detect';
import { kahootRowsToQuestions, waygroundRowsToQuestions } from './foreign-import';
import { readCsv, readXlsx, csvDelimiterHint, type Sheet, type SheetRow } from './read';
import { splitTags, templateRowsToQuestions } from './template-import';

export interface SheetImport {
	format: ImportFormat;
	draft: BankDraft;
}

async function mapRows(
	rows: SheetRow[],
	header: HeaderMatch,
	log: IssueLog
): Promise<DraftQuestion[] | undefined> {
	if (rows.length - header.rowIndex - 1 > MAX_IMPORT_QUESTIONS) {
		log.error(0, 'file', 'too_many_questions', { max: MAX_IMPORT_QUESTIONS });
		return undefined;
	}
	const headerRow = rows[header.rowIndex];
	const used = new Set(header.columns.values());
	const ignored = headerRow.cells.flatMap((cell, index) =>
		cell.trim() && !used.has(index) ? [`“${cleanText(cell).slice(0, 60)}”`] : []
	);
	if (ignored.length)
		log.warn(headerRow.line, 'file', 'columns_ignored', { columns: ignored.join(', ') });
	if (header.flavour === 'kahoot') return kahootRowsToQuestions(rows, header, log);
	if (header.flavour === 'wayground') return waygroundRowsToQuestions(rows, header, log);
	return templateRowsToQuestions(rows, header, log);
}

/** Title/description/tags from the "Thông tin" sheet our exporter writes. */
function readInfoSheet(sheets: Sheet[]): Omit<BankDraft, 'questions'> {
	const names = new Set(Object.values(SHEET_NAMES).map((names) => looseKey(names.info)));
	const sheet = sheets.find((candidate) => names.has(looseKey(candidate.name)));
	const info: Omit<BankDraft, 'questions'> = {};
	if (!sheet) return info;
	const labelOf = (key: 'title' | 'description' | 'tags') =>
		new Set(Object.values(INFO_LABELS).map((labels) => looseKey(labels[key])));
	const title = labelOf('title');
	const description = labelOf('description');
	const tags = labelOf('tags');
	for (const row of sheet.rows) {
		const key = looseKey(row.cells[0] ?? '');
		const value = cleanText(restoreCell(row.cells[1] ?? ''));
		if (!value) continue;
		if (title.has(key)) info.title = value;
		else if (description.has(key)) info.description = value;
		else if (tags.has(key)) info.tags = splitTags(value);
	}
	return info;
}

export function titleFromFilename(filename: string): string | undefined {
	const base = filename.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
	const title = cleanText(base.replace(/[_]+/g, ' '));
	return title || undefined;
}

export async function importXlsx(
	bytes: Uint8Array,
	filename: string,
	log: IssueLog
): Promise<SheetImport> {
	const sheets = await readXlsx(bytes);
	for (const sheet of sheets) {
		const header = findHeader(sheet.rows);
		if (!header) continue;
		const questions = (await mapRows(sheet.rows, header, log)) ?? [];
		const info = readInfoSheet(sheets);
		return {
			format: `${header.flavour}-xlsx`,
			draft: { title: info.title ?? titleFromFilename(filename), ...info, questions }
		};
	}
	log.error(0, 'file', 'header_not_found', {});
	return { format: 'unknown', draft: { questions: [] } };
}

const CSV_DELIMITERS = [',', ';', '\t'];

/** Pick the delimiter under which a known header row appears (Excel uses ";" in many locales). */
function detectDelimiter(text: string): string | undefined {
	const hinted = csvDelimiterHint(text);
	if (hinted) return hinted;
	let best: { delimiter: string; size: number } | undefined;
	for (const delimiter of CSV_DELIMITERS) {
		const header = findHeader(readCsv(text, delimiter, 40).rows);
		if (header && (!best || header.columns.size > best.size))
			best = { delimiter, size: header.columns.size };
	}
	return best?.delimiter;
}

export async function importCsv(
	text: string,
	filename: string,
	log: IssueLog
): Promise<SheetImport> {
	const delimiter = detectDelimiter(text);
	if (!delimiter) {
		log.error(0, 'file', 'header_not_found', {});
		return { format: 'unknown', draft: { questions: [] } };
	}
	const { rows, unclosedQuoteLine } = readCsv(text, delimiter);
	const header = findHeader(rows);
	if (!header) {
		log.error(0, 'file', 'header_not_found', {});
		return { format: 'unknown', draft: { questions: [] } };
	}
	if (unclosedQuoteLine !== undefined) log.error(unclosedQuoteLine, 'file', 'csv_quotes', {});
	const questions = (await mapRows(rows, header, log)) ?? [];
	return {
		format: `${header.flavour}-csv`,
		draft: { title: titleFromFilename(filename), questions }
	};
}
