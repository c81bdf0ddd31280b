/**
 * Questions → our spreadsheet template (xlsx with question, info and guide sheets, or CSV).
 * Every text cell goes through `neutralizeCell`, so a question starting with "=" can never run
 * as a formula; the template importer removes that `'` again (see `restoreCell`).
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DEFAULT_TIME_LIMIT_SEC, LIMITS, type Question } from '../../../quiz/question';
import { m } from '../../../paraglide/messages.js';
import { formatNumber, neutralizeCell, optionLetter } from '../text';
import type { BankMeta, Locale } from '../types';
import type { CsvSeparator } from '../csv';
import {
	DIFFICULTY_LABELS,
	INFO_LABELS,
	OPTION_FIELDS,
	SHEET_NAMES,
	TEMPLATE_FIELDS,
	TEMPLATE_HEADERS,
	TRUE_FALSE_LABELS,
	TYPE_LABELS,
	YES_NO_LABELS,
	type TemplateField
} from './columns';
import { joinAccepted } from './template-import';

type Cell = string | number;

/** One question as template cells. Numbers stay numbers (they cannot carry a formula). */
export function questionCells(
	question: Question,
	index: number,
	locale: Locale
): Record<TemplateField, Cell> {
	const cells = Object.fromEntries(TEMPLATE_FIELDS.map((field) => [field, ''])) as Record<
		TemplateField,
		Cell
	>;
	cells.no = index + 1;
	cells.type = TYPE_LABELS[locale][question.type];
	cells.text = question.text;
	const answers =
		question.type === 'single' || question.type === 'multiple'
			? question.options
			: question.type === 'ordering'
				? question.items
				: [];
	answers.forEach((answer, i) => (cells[OPTION_FIELDS[i]] = answer));
	switch (question.type) {
		case 'single':
			cells.correct = optionLetter(question.correct);
			break;
		case 'multiple':
			cells.correct = question.correct.map(optionLetter).join(', ');
			break;
		case 'truefalse':
			cells.correct = question.correct
				? TRUE_FALSE_LABELS[locale].true
				: TRUE_FALSE_LABELS[locale].false;
			break;
		case 'typeanswer':
			cells.correct = joinAccepted(question.accepted);
			cells.ignoreDiacritics = question.ignoreDiacritics
				? YES_NO_LABELS[locale].yes
				: YES_NO_LABELS[locale].no;
			break;
		case 'numeric':
			cells.correct = question.value;
			cells.tolerance = question.tolerance;
			cells.unit = question.unit ?? '';
			break;
	}
	cells.timeLimitSec = question.timeLimitSec;
	cells.points = question.points;
	cells.difficulty = question.difficulty ? DIFFICULTY_LABELS[locale][question.difficulty] : '';
	cells.explanation = question.explanation ?? '';
	cells.document = question.citation?.document ?? '';
	cells.number = question.citation?.number ?? '';
	cells.article = question.citation?.article ?? '';
	cells.tags = question.tags.join(', ');
	return cells;
}

function safe(cell: Cell): Cell {
	return typeof cell === 'string' ? neutralizeCell(cell) : cell;
}

const COLUMN_WIDTHS: Partial<Record<TemplateField, number>> = {
	no: 6,
	type: 16,
	text: 60,
	correct: 16,
	explanation: 50,
	document: 28,
	number: 16,
	article: 16,
	tags: 24
};

function guideLines(locale: Locale): string[] {
	const o = { locale };
	return [
		m.bank_export_guide_intro({ sheet: SHEET_NAMES[locale].questions }, o),
		m.bank_export_guide_types({ types: Object.values(TYPE_LABELS[locale]).join(', ') }, o),
		m.bank_export_guide_single({}, o),
		m.bank_export_guide_multiple({}, o),
		m.bank_export_guide_truefalse({}, o),
		m.bank_export_guide_typeanswer({}, o),
		m.bank_export_guide_numeric({}, o),
		m.bank_export_guide_ordering({}, o),
		m.bank_export_guide_common(
			{
				min: LIMITS.timeLimitMinSec,
				max: LIMITS.timeLimitMaxSec,
				default: DEFAULT_TIME_LIMIT_SEC
			},
			o
		),
		m.bank_export_guide_limits(
			{ text: LIMITS.textMax, option: LIMITS.optionMax, explanation: LIMITS.explanationMax },
			o
		),
		m.bank_export_guide_citation({}, o),
		m.bank_export_guide_apostrophe({}, o)
	];
}

export interface WorkbookContent {
	meta?: BankMeta;
	questions: Question[];
	locale: Locale;
	/** Rows kept free for organizers, with drop-down lists for type and difficulty. */
	blankRows?: number;
}

export async function writeXlsx({
	meta,
	questions,
	locale,
	blankRows = 200
}: WorkbookContent): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Chuông Vàng';
	const names = SHEET_NAMES[locale];

	const sheet = workbook.addWorksheet(names.questions, { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = TEMPLATE_FIELDS.map((field) => ({
		header: TEMPLATE_HEADERS[locale][field],
		key: field,
		width: COLUMN_WIDTHS[field] ?? 18
	}));
	const headerRow = sheet.getRow(1);
	headerRow.font = { bold: true, color: { argb: 'FFFFFFFF' } };
	headerRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFB8860B' } };
	questions.forEach((question, index) => {
		const cells = questionCells(question, index, locale);
		const row = sheet.addRow(TEMPLATE_FIELDS.map((field) => safe(cells[field])));
		row.alignment = { vertical: 'top', wrapText: true };
	});
	// Drop-down lists for type and difficulty; exceljs squeezes equal cells into one range.
	const lists: [TemplateField, string[]][] = [
		['type', Object.values(TYPE_LABELS[locale])],
		['difficulty', Object.values(DIFFICULTY_LABELS[locale])]
	];
	for (let rowNumber = 2; rowNumber <= questions.length + 1 + blankRows; rowNumber++) {
		for (const [field, values] of lists) {
			sheet.getCell(rowNumber, TEMPLATE_FIELDS.indexOf(field) + 1).dataValidation = {
				type: 'list',
				allowBlank: true,
				formulae: [`"${values.join(',')}"`]
			};
		}
	}

	const info = workbook.addWorksheet(names.info);
	info.columns = [{ width: 22 }, { width: 80 }];
	const labels = INFO_LABELS[locale];
	info.addRow([labels.title, safe(meta?.title ?? '')]);
	info.addRow([labels.description, safe(meta?.description ?? '')]);
	info.addRow([labels.tags, safe((meta?.tags ?? []).join(', '))]);
	info.getColumn(1).font = { bold: true };

	const guide = workbook.addWorksheet(names.guide);
	guide.columns = [{ width: 120 }];
	guide.addRow([m.bank_export_guide_title({}, { locale })]).font = { bold: true, size: 14 };
	for (const line of guideLines(locale)) guide.addRow([line]).alignment = { wrapText: true };

	const buffer = await workbook.xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}

/** CSV in UTF-8 with a BOM, so that Excel shows Vietnamese diacritics correctly. */
/** CSV for `separator` (see ../csv.ts): with ";" numbers take the decimal comma. */
export function writeCsv(
	questions: Question[],
	locale: Locale,
	separator: CsvSeparator = ','
): Uint8Array {
	const header = TEMPLATE_FIELDS.map((field) => TEMPLATE_HEADERS[locale][field]);
	const rows = questions.map((question, index) => {
		const cells = questionCells(question, index, locale);
		return TEMPLATE_FIELDS.map((field) => {
			const cell = cells[field];
			if (typeof cell !== 'number') return neutralizeCell(cell);
			return separator === ';' ? formatNumber(cell).replace('.', ',') : formatNumber(cell);
		});
	});
	const csv = Papa.unparse([header, ...rows], { delimiter: separator, newline: '\r\n' });
	return new TextEncoder().encode(`\ufeff${csv}\r\n`);
}
