/** Rows of our own template (xlsx or csv, Vietnamese or English headers) → draft questions. */
import { DEFAULT_TIME_LIMIT_SEC, type QuestionType } from '../../../quiz/question';
import type { IssueLog } from '../issues';
import { cleanText, optionLetter, parseNumber, restoreCell, yieldToEventLoop } from '../text';

/** Rows mapped between two yields to the event loop. */
export const ROWS_PER_SLICE = 500;
import type { DraftQuestion } from '../types';
import { acceptIfValid, compact, parseChoiceRefs, resolveChoices } from './choices';
import {
	OPTION_FIELDS,
	TYPE_LABELS,
	booleanOf,
	difficultyOf,
	questionTypeOf,
	type TemplateField
} from './columns';
import type { HeaderMatch } from './detect';
import type { SheetRow } from './read';

/** Accepted answers share one cell, separated by "|"; "\|" and "\\" escape. */
export function splitAccepted(cell: string): string[] {
	const answers: string[] = [];
	let current = '';
	for (let i = 0; i < cell.length; i++) {
		const char = cell[i];
		if (char === '\\' && (cell[i + 1] === '|' || cell[i + 1] === '\\')) {
			current += cell[++i];
		} else if (char === '|') {
			answers.push(current);
			current = '';
		} else current += char;
	}
	answers.push(current);
	return answers.map((answer) => cleanText(answer)).filter(Boolean);
}

export function joinAccepted(answers: string[]): string {
	return answers.map((answer) => answer.replace(/[\\|]/g, (char) => `\\${char}`)).join(' | ');
}

export function splitTags(cell: string): string[] {
	return cell
		.split(/[,;]/)
		.map((tag) => cleanText(tag))
		.filter(Boolean);
}

/** Without a type, guess it from what the row holds. */
function inferType(options: string[], correct: string): QuestionType {
	if (options.some((option) => option)) {
		return /^[a-f]\s*([,;\s]+\s*[a-f])+$/i.test(correct) ? 'multiple' : 'single';
	}
	if (booleanOf(correct) !== undefined && !/^[01]$/.test(correct)) return 'truefalse';
	if (parseNumber(correct) !== undefined) return 'numeric';
	return 'typeanswer';
}

export async function templateRowsToQuestions(
	rows: SheetRow[],
	header: HeaderMatch,
	log: IssueLog
): Promise<DraftQuestion[]> {
	const out: DraftQuestion[] = [];
	for (const [index, row] of rows.slice(header.rowIndex + 1).entries()) {
		if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
		const cell = (field: TemplateField): string => {
			const index = header.columns.get(field);
			return index === undefined ? '' : cleanText(restoreCell(row.cells[index] ?? ''));
		};
		const meaningful = header.columns.size
			? [...header.columns.keys()].filter((field) => field !== 'no')
			: [];
		if (meaningful.every((field) => !cell(field as TemplateField))) continue;
		const question = rowToQuestion(cell, row.line, log);
		if (question) acceptIfValid(question, row.line, log, out);
	}
	return out;
}

function rowToQuestion(
	cell: (field: TemplateField) => string,
	line: number,
	log: IssueLog
): Record<string, unknown> | undefined {
	const rawOptions = OPTION_FIELDS.map((field) => cell(field));
	const correctCell = cell('correct');
	const typeCell = cell('type');
	let type: QuestionType | undefined;
	if (typeCell) {
		type = questionTypeOf(typeCell);
		if (!type) {
			log.error(line, 'type', 'type_unknown', {
				value: typeCell,
				allowed: Object.values(TYPE_LABELS[log.locale]).join(', ')
			});
			return undefined;
		}
	} else type = inferType(rawOptions, correctCell);

	const common = compact({
		type,
		text: cell('text'),
		timeLimitSec: readTime(cell('timeLimitSec'), line, log),
		points: readPoints(cell('points'), line, log),
		difficulty: readDifficulty(cell('difficulty'), line, log),
		explanation: cell('explanation') || undefined,
		citation: readCitation(cell),
		tags: splitTags(cell('tags'))
	});

	switch (type) {
		case 'single':
		case 'multiple': {
			if (!correctCell)
				return { ...common, options: rawOptions.filter(Boolean), correct: undefined };
			const parsed = parseChoiceRefs(correctCell, rawOptions, OPTION_FIELDS.length);
			if ('invalid' in parsed) {
				log.error(line, 'correct', 'correct_invalid', { value: correctCell });
				return { ...common, options: rawOptions.filter(Boolean) };
			}
			const resolved = resolveChoices(rawOptions, parsed.refs, line, log, optionLetter);
			if (!resolved) return { ...common, options: rawOptions.filter(Boolean) };
			if (type === 'single' && resolved.correct.length > 1) {
				log.error(line, 'correct', 'correct_single_many', { count: resolved.correct.length });
				return { ...common, options: resolved.options };
			}
			return {
				...common,
				options: resolved.options,
				correct: type === 'single' ? resolved.correct[0] : resolved.correct
			};
		}
		case 'truefalse': {
			const value = correctCell ? booleanOf(correctCell) : undefined;
			if (correctCell && value === undefined)
				log.error(line, 'correct', 'truefalse_invalid', { value: correctCell });
			return { ...common, correct: value };
		}
		case 'typeanswer': {
			const flag = cell('ignoreDiacritics');
			return {
				...common,
				accepted: [...splitAccepted(correctCell), ...rawOptions.filter(Boolean)],
				ignoreDiacritics: flag ? (booleanOf(flag) ?? true) : true
			};
		}
		case 'numeric': {
			const value = parseNumber(correctCell);
			if (correctCell && value === undefined)
				log.error(line, 'value', 'numeric_invalid', { value: correctCell });
			else if (!correctCell) log.error(line, 'value', 'correct_missing', {});
			const toleranceCell = cell('tolerance');
			const tolerance = toleranceCell ? parseNumber(toleranceCell) : 0;
			if (tolerance === undefined)
				log.error(line, 'tolerance', 'tolerance_invalid', { value: toleranceCell });
			return compact({ ...common, value, tolerance, unit: cell('unit') || undefined });
		}
		case 'ordering':
			return { ...common, items: rawOptions.filter(Boolean) };
	}
}

/** Empty → default; a number → whole seconds; anything else → error (reported here). */
export function readTime(
	cell: string,
	line: number,
	log: IssueLog,
	fallback = DEFAULT_TIME_LIMIT_SEC
): number | undefined {
	if (!cell) return fallback;
	const value = parseNumber(cell.replace(/\s*(giây|gi[aâ]y|s|sec|secs|seconds?)$/i, ''));
	if (value === undefined || !Number.isInteger(value)) {
		log.error(line, 'timeLimitSec', 'time_invalid', { value: cell });
		return undefined;
	}
	return value;
}

function readPoints(cell: string, line: number, log: IssueLog): number | undefined {
	if (!cell) return 1;
	const value = parseNumber(cell);
	if (value === 0 || value === 1 || value === 2) return value;
	log.error(line, 'points', 'points_invalid', { value: cell });
	return undefined;
}

function readDifficulty(cell: string, line: number, log: IssueLog): string | undefined {
	if (!cell) return undefined;
	const difficulty = difficultyOf(cell);
	if (!difficulty) log.error(line, 'difficulty', 'difficulty_invalid', { value: cell });
	return difficulty;
}

function readCitation(cell: (field: TemplateField) => string): Record<string, unknown> | undefined {
	const document = cell('document');
	const number = cell('number');
	const article = cell('article');
	if (!document && !number && !article) return undefined;
	return compact({ document, number: number || undefined, article: article || undefined });
}
