/** Kahoot! and Wayground (Quizizz) spreadsheet templates → draft questions. */
import { LIMITS } from '../../../quiz/question';
import type { IssueLog } from '../issues';
import { cleanText, looseKey, yieldToEventLoop } from '../text';
import type { DraftQuestion } from '../types';
import { acceptIfValid, parseChoiceRefs, resolveChoices } from './choices';
import type { HeaderMatch } from './detect';
import type { SheetRow } from './read';
import { ROWS_PER_SLICE, readTime } from './template-import';

/** Kahoot's spreadsheet default when the time cell is empty. */
const KAHOOT_DEFAULT_SEC = 20;
/** Wayground's documented default ("optional, default value is 30 seconds"). */
const WAYGROUND_DEFAULT_SEC = 30;

function cellOf(row: SheetRow, header: HeaderMatch) {
	return (field: string): string => {
		const index = header.columns.get(field);
		return index === undefined ? '' : cleanText(row.cells[index] ?? '');
	};
}

/** Foreign tools allow times we do not (Wayground goes to 15 minutes): clamp and say so. */
function clampTime(value: number | undefined, line: number, log: IssueLog): number | undefined {
	if (value === undefined) return undefined;
	const clamped = Math.min(LIMITS.timeLimitMaxSec, Math.max(LIMITS.timeLimitMinSec, value));
	if (clamped !== value)
		log.warn(line, 'timeLimitSec', 'time_clamped', {
			value,
			min: LIMITS.timeLimitMinSec,
			max: LIMITS.timeLimitMaxSec,
			clamped
		});
	return clamped;
}

/** Build a single/multiple question from numbered answer columns and a "1,3" cell. */
function choiceQuestion(
	base: Record<string, unknown>,
	raw: string[],
	correctCell: string,
	forceMultiple: boolean,
	line: number,
	log: IssueLog
): Record<string, unknown> {
	const fallback = {
		...base,
		type: forceMultiple ? 'multiple' : 'single',
		options: raw.filter(Boolean)
	};
	if (!correctCell) return fallback;
	const parsed = parseChoiceRefs(correctCell, raw, raw.length);
	if ('invalid' in parsed) {
		log.error(line, 'correct', 'correct_out_of_range', { value: parsed.invalid });
		return fallback;
	}
	const resolved = resolveChoices(raw, parsed.refs, line, log, (index) => String(index + 1));
	if (!resolved) return fallback;
	const multiple = forceMultiple || resolved.correct.length > 1;
	return {
		...base,
		type: multiple ? 'multiple' : 'single',
		options: resolved.options,
		correct: multiple ? resolved.correct : resolved.correct[0]
	};
}

export async function kahootRowsToQuestions(
	rows: SheetRow[],
	header: HeaderMatch,
	log: IssueLog
): Promise<DraftQuestion[]> {
	const out: DraftQuestion[] = [];
	for (const [index, row] of rows.slice(header.rowIndex + 1).entries()) {
		if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
		const cell = cellOf(row, header);
		const raw = ['answer1', 'answer2', 'answer3', 'answer4'].map(cell);
		const text = cell('text');
		// Kahoot's template pre-numbers its rows: a row with only a number is empty.
		if (!text && raw.every((answer) => !answer) && !cell('correct')) continue;
		const base = {
			text,
			timeLimitSec: clampTime(
				readTime(cell('timeLimitSec'), row.line, log, KAHOOT_DEFAULT_SEC),
				row.line,
				log
			),
			points: 1,
			tags: []
		};
		acceptIfValid(
			choiceQuestion(base, raw, cell('correct'), false, row.line, log),
			row.line,
			log,
			out
		);
	}
	return out;
}

const WAYGROUND_TYPES: Record<string, 'single' | 'multiple' | 'typeanswer' | 'unsupported'> = {
	multiplechoice: 'single',
	checkbox: 'multiple',
	fillintheblank: 'typeanswer',
	openended: 'unsupported',
	poll: 'unsupported',
	draw: 'unsupported',
	videoresponse: 'unsupported',
	audioresponse: 'unsupported'
};

export async function waygroundRowsToQuestions(
	rows: SheetRow[],
	header: HeaderMatch,
	log: IssueLog
): Promise<DraftQuestion[]> {
	const out: DraftQuestion[] = [];
	for (const [index, row] of rows.slice(header.rowIndex + 1).entries()) {
		if (index % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await yieldToEventLoop();
		const cell = cellOf(row, header);
		const text = cell('text');
		// The template's second row explains each column ("Text of the question (required)").
		if (looseKey(text).startsWith('textofthequestion')) continue;
		const raw = ['option1', 'option2', 'option3', 'option4', 'option5'].map(cell);
		if (!text && raw.every((option) => !option)) continue;

		const typeCell = cell('type');
		const type = typeCell ? WAYGROUND_TYPES[looseKey(typeCell)] : 'single';
		if (type === 'unsupported') {
			log.warn(row.line, 'type', 'type_unsupported', { value: typeCell });
			continue;
		}
		if (!type) {
			log.error(row.line, 'type', 'type_unknown', {
				value: typeCell,
				allowed: 'Multiple Choice, Checkbox, Fill-in-the-Blank'
			});
			continue;
		}
		const image = cell('image');
		if (image) log.warn(row.line, 'image', 'image_ignored', { value: image });
		const base: Record<string, unknown> = {
			text,
			timeLimitSec: clampTime(
				readTime(cell('timeLimitSec'), row.line, log, WAYGROUND_DEFAULT_SEC),
				row.line,
				log
			),
			points: 1,
			tags: []
		};
		const explanation = cell('explanation');
		if (explanation) base.explanation = explanation;

		const correctCell = cell('correct');
		const question =
			type === 'typeanswer'
				? {
						...base,
						type,
						accepted: [correctCell, ...raw].filter(Boolean),
						ignoreDiacritics: true
					}
				: choiceQuestion(base, raw, correctCell, type === 'multiple', row.line, log);
		acceptIfValid(question, row.line, log, out);
	}
	return out;
}
