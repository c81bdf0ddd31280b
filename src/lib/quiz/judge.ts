/**
 * Judging a player's answer against a question: correct or not, and partial credit.
 * Answers arrive from phones, so anything malformed is simply wrong (fraction 0);
 * `isAnswerFor` lets the engine refuse it up front instead.
 */
import { LIMITS, type AnswerValue, type Question } from './question';
import { answerKey } from './vietnamese';

export { normalizeVietnamese } from './vietnamese';
export { toPublicQuestion, revealOf, answerFromPhone, answerForPhone } from './public-question';
export type { PublicQuestion, Reveal, RevealKey } from './public-question';

export interface Judgement {
	/** Fully right: exactly the correct set / order / value. */
	correct: boolean;
	/** Share of the points earned, 0..1. 1 when correct; between 0 and 1 only for partial credit. */
	fraction: number;
}

/** Longest typed answer accepted from a phone. */
export const TYPED_ANSWER_MAX = LIMITS.optionMax;

const WRONG: Judgement = { correct: false, fraction: 0 };
const RIGHT: Judgement = { correct: true, fraction: 1 };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown, length: number): value is number {
	return Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;
}

function isDistinctIndexList(value: unknown, length: number): value is number[] {
	return (
		Array.isArray(value) &&
		value.every((item) => isIndex(item, length)) &&
		new Set(value).size === value.length
	);
}

/** Whether `answer` has the shape the question's type expects (type tag, indices in range…). */
export function isAnswerFor(question: Question, answer: unknown): answer is AnswerValue {
	if (!isRecord(answer) || answer.type !== question.type) return false;
	switch (question.type) {
		case 'single':
			return isIndex(answer.choice, question.options.length);
		case 'multiple':
			return isDistinctIndexList(answer.choices, question.options.length);
		case 'truefalse':
			return typeof answer.value === 'boolean';
		case 'typeanswer':
			return typeof answer.text === 'string' && answer.text.length <= TYPED_ANSWER_MAX;
		case 'numeric':
			return typeof answer.value === 'number' && Number.isFinite(answer.value);
		case 'ordering':
			return (
				isDistinctIndexList(answer.order, question.items.length) &&
				(answer.order as number[]).length === question.items.length
			);
	}
}

/**
 * A clean copy of a well-formed answer (only the fields its type defines, so nothing a phone
 * tacked on is stored), or null when `answer` does not fit the question.
 */
export function toAnswerValue(question: Question, answer: unknown): AnswerValue | null {
	if (!isAnswerFor(question, answer)) return null;
	switch (answer.type) {
		case 'single':
			return { type: 'single', choice: answer.choice };
		case 'multiple':
			return { type: 'multiple', choices: [...answer.choices] };
		case 'truefalse':
			return { type: 'truefalse', value: answer.value };
		case 'typeanswer':
			return { type: 'typeanswer', text: answer.text };
		case 'numeric':
			// -0 would come back from JSON as 0: store what a replay will see.
			return { type: 'numeric', value: Object.is(answer.value, -0) ? 0 : answer.value };
		case 'ordering':
			return { type: 'ordering', order: [...answer.order] };
	}
}

/**
 * Multiple select: each correct pick earns 1/totalCorrect, each wrong pick takes one back,
 * never below 0 — so ticking every box earns nothing unless every box is correct.
 */
function judgeMultiple(correct: readonly number[], choices: readonly number[]): Judgement {
	const key = new Set(correct);
	let right = 0;
	let wrong = 0;
	for (const choice of choices) {
		if (key.has(choice)) right++;
		else wrong++;
	}
	if (right === key.size && wrong === 0) return RIGHT;
	if (key.size === 0) return WRONG;
	return { correct: false, fraction: Math.max(0, (right - wrong) / key.size) };
}

/** Absolute tolerance, with room for floating-point noise (0.1 + 0.2 is within 0 of 0.3). */
function withinTolerance(value: number, target: number, tolerance: number): boolean {
	const epsilon = 1e-9 * Math.max(1, Math.abs(target));
	return Math.abs(value - target) <= Math.max(0, tolerance) + epsilon;
}

/** An accepted answer cut at its unescaped `*` wildcards; `\\*` is a literal asterisk. */
function wildcardParts(accepted: string): string[] {
	const parts: string[] = [''];
	for (let i = 0; i < accepted.length; i++) {
		const char = accepted[i];
		if (char === '\\' && accepted[i + 1] === '*') {
			parts[parts.length - 1] += '*';
			i++;
		} else if (char === '*') parts.push('');
		else parts[parts.length - 1] += char;
	}
	return parts;
}

/**
 * Whether a typed answer (already an `answerKey`) matches one accepted answer. As in Moodle's
 * short answer, `*` in the accepted answer stands for any text ("Điều 105*" accepts "Điều 105
 * Bộ luật Lao động"); matching is a left-to-right scan, never a regular expression.
 */
export function matchesAccepted(
	accepted: string,
	given: string,
	ignoreDiacritics: boolean
): boolean {
	const parts = wildcardParts(accepted).map((part) => answerKey(part, ignoreDiacritics));
	if (parts.length === 1) return parts[0] === given;
	const first = parts[0];
	const last = parts[parts.length - 1];
	if (given.length < first.length + last.length) return false;
	if (!given.startsWith(first) || !given.endsWith(last)) return false;
	let from = first.length;
	const end = given.length - last.length;
	for (const middle of parts.slice(1, -1)) {
		const at = given.indexOf(middle, from);
		if (at < 0 || at + middle.length > end) return false;
		from = at + middle.length;
	}
	return true;
}

/** Judges an answer. Malformed or mismatched answers are wrong, never an exception. */
export function judgeAnswer(question: Question, answer: unknown): Judgement {
	if (!isAnswerFor(question, answer)) return WRONG;
	switch (question.type) {
		case 'single':
			return answer.type === 'single' && answer.choice === question.correct ? RIGHT : WRONG;
		case 'multiple':
			return answer.type === 'multiple' ? judgeMultiple(question.correct, answer.choices) : WRONG;
		case 'truefalse':
			return answer.type === 'truefalse' && answer.value === question.correct ? RIGHT : WRONG;
		case 'typeanswer': {
			if (answer.type !== 'typeanswer') return WRONG;
			const given = answerKey(answer.text, question.ignoreDiacritics);
			if (given === '') return WRONG;
			const match = question.accepted.some((accepted) =>
				matchesAccepted(accepted, given, question.ignoreDiacritics)
			);
			return match ? RIGHT : WRONG;
		}
		case 'numeric':
			return answer.type === 'numeric' &&
				withinTolerance(answer.value, question.value, question.tolerance)
				? RIGHT
				: WRONG;
		case 'ordering': {
			if (answer.type !== 'ordering') return WRONG;
			const inPlace = answer.order.filter((item, position) => item === position).length;
			if (inPlace === question.items.length) return RIGHT;
			return { correct: false, fraction: inPlace / question.items.length };
		}
	}
}
