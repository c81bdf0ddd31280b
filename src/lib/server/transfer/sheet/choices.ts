/** Turning spreadsheet answer columns and a "correct answer" cell into options + indices. */
import { checkQuestion } from '../validate';
import type { IssueLog } from '../issues';
import { sameAnswerKey } from '../text';
import type { DraftQuestion } from '../types';

export interface ChoiceRef {
	/** What the organizer wrote, quoted back in messages ("4", "C"). */
	token: string;
	/** Position among the raw answer columns. */
	index: number;
}

/**
 * Read "A, C", "1;3", "b" or the full text of one option. Letters A–F and digits 1–n both work;
 * `columns` is the number of answer columns of the sheet.
 */
export function parseChoiceRefs(
	cell: string,
	raw: string[],
	columns: number
): { refs: ChoiceRef[] } | { invalid: string } {
	const whole = sameAnswerKey(cell);
	const byText = raw.findIndex((option) => option.trim() && sameAnswerKey(option) === whole);
	if (byText >= 0 && !/^[a-f1-9]$/i.test(cell.trim()))
		return { refs: [{ token: cell, index: byText }] };

	const tokens = cell
		.split(/[\s,;/&+]+/)
		.map((token) => token.trim())
		.filter((token) => token && !/^(và|and)$/i.test(token));
	const refs: ChoiceRef[] = [];
	for (const token of tokens) {
		let index = -1;
		if (/^[a-z]$/i.test(token)) index = token.toUpperCase().charCodeAt(0) - 65;
		else if (/^\d{1,2}$/.test(token)) index = Number(token) - 1;
		if (index < 0 || index >= columns) return { invalid: token };
		if (!refs.some((ref) => ref.index === index)) refs.push({ token, index });
	}
	return { refs };
}

/**
 * Drop empty answer columns (warning once per gap) and remap the correct indices. A correct
 * answer that points at an empty column is an error: "đáp án đúng '4' trỏ tới phương án trống".
 */
export function resolveChoices(
	raw: string[],
	refs: ChoiceRef[],
	line: number,
	log: IssueLog,
	labelOf: (index: number) => string
): { options: string[]; correct: number[] } | undefined {
	let ok = true;
	for (const ref of refs) {
		if (!raw[ref.index]?.trim()) {
			log.error(line, 'correct', 'correct_empty_option', { value: ref.token });
			ok = false;
		}
	}
	if (!ok) return undefined;
	const lastFilled = raw.reduce((last, option, index) => (option.trim() ? index : last), -1);
	const newIndex: number[] = [];
	const options: string[] = [];
	raw.forEach((option, index) => {
		if (option.trim()) {
			newIndex[index] = options.length;
			options.push(option);
		} else if (index < lastFilled) {
			log.warn(line, 'options', 'option_skipped', { label: labelOf(index) });
		}
	});
	return { options, correct: refs.map((ref) => newIndex[ref.index]) };
}

/** Validate a built question; report only problems on fields the row parser has not already reported. */
export function acceptIfValid(
	question: Record<string, unknown>,
	line: number,
	log: IssueLog,
	out: DraftQuestion[]
): void {
	const reported = new Set(log.errors.filter((issue) => issue.line === line).map((i) => i.field));
	const before = log.errors.length;
	checkQuestion(question, line, log);
	const fresh = log.errors.splice(before).filter((issue) => !reported.has(issue.field));
	log.errors.push(...fresh);
	if (reported.size === 0 && fresh.length === 0)
		out.push({ ...(question as unknown as DraftQuestion), line });
}

/** Remove undefined properties so drafts compare and serialise cleanly. */
export function compact<T extends Record<string, unknown>>(value: T): T {
	for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
	return value;
}
