/**
 * Shapes shared by every importer and exporter. Importers turn bytes into a `BankDraft`
 * plus issues shaped like form errors (`{ line, field, message }`), so the import page can
 * show parser errors the way a form shows its validation errors.
 */
import type { Question } from '../../quiz/question';
import type { locales } from '../../paraglide/runtime.js';

export type Locale = (typeof locales)[number];

export const IMPORT_EXTENSIONS = [
	'xlsx',
	'csv',
	'tsv',
	'txt',
	'gift',
	'aiken',
	'xml',
	'json'
] as const;
/** For `<input type="file" accept>`. */
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.map((ext) => `.${ext}`).join(',');

/** Largest file `importFile` accepts. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** An .xlsx is a zip: its declared and actual uncompressed size must stay under this. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** More zip entries than an honest workbook ever has. */
export const MAX_XLSX_ENTRIES = 2000;
/** Deflate rarely beats ~100:1 on spreadsheet XML; zip bombs reach 1000:1 and more. */
export const MAX_XLSX_COMPRESSION_RATIO = 200;
/** Worksheets in one workbook: a bank has a question sheet, maybe a guide and an info sheet. */
export const MAX_XLSX_SHEETS = 32;
/** Cells over all worksheets: 5,000 questions × ~30 columns, with room to spare. */
export const MAX_XLSX_CELLS = 250_000;
/** Rows or questions beyond this are refused, so one upload cannot pin the server. */
export const MAX_IMPORT_QUESTIONS = 5000;

/**
 * Where a draft came from. Spreadsheet formats carry their container (`-xlsx` / `-csv`).
 */
export type ImportFormat =
	| 'template-xlsx'
	| 'template-csv'
	| 'kahoot-xlsx'
	| 'kahoot-csv'
	| 'wayground-xlsx'
	| 'wayground-csv'
	| 'gift'
	| 'aiken'
	| 'moodle-xml'
	| 'json'
	| 'unknown';

export type ExportFormat = 'xlsx' | 'csv' | 'gift' | 'json';
export type TemplateFormat = 'xlsx' | 'csv';

/**
 * A question plus where it stood in the source: the spreadsheet row as Excel numbers it,
 * the text line where a GIFT/Aiken/XML question starts, or the question's 1-based position
 * in a JSON file.
 */
export type DraftQuestion = Question & { line: number };

export interface BankDraft {
	title?: string;
	description?: string;
	tags?: string[];
	questions: DraftQuestion[];
}

/** The bank fields an exporter writes besides its questions. */
export interface BankMeta {
	title: string;
	description?: string;
	tags?: string[];
}

export interface ImportIssue {
	/** Row/line in the source (see `DraftQuestion.line`); 0 for problems with the whole file. */
	line: number;
	/** A `Question` field (`text`, `options`, `correct`, `citation.document`…) or `file`. */
	field: string;
	/** Already translated, including the "Dòng 12: " / "Line 12: " prefix when `line` > 0. */
	message: string;
	/** Stable machine code, e.g. `correct_empty_option`. */
	code: string;
}

/**
 * `draft.questions` holds only the questions that passed validation; every rejected row is
 * in `errors`. A caller that must "change nothing on bad input" saves only when
 * `errors.length === 0`.
 */
export interface ImportResult {
	format: ImportFormat;
	draft: BankDraft;
	errors: ImportIssue[];
	warnings: ImportIssue[];
	validCount: number;
	invalidCount: number;
}

export interface ImportInput {
	filename: string;
	bytes: Uint8Array;
	locale?: Locale;
}

export interface ExportedFile {
	bytes: Uint8Array;
	filename: string;
	contentType: string;
}
