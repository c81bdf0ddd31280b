/**
 * Run-time check that a question can be played. Banks validate questions with their own schema;
 * the engine checks again because tie-break and rescue questions arrive inside host commands.
 */
import { LIMITS, POINTS_MULTIPLIERS, QUESTION_TYPES, type Question } from './question';

const isText = (value: unknown, max: number): value is string =>
	typeof value === 'string' && value.trim().length > 0 && value.length <= max;

const isTextList = (value: unknown, min: number, max: number, itemMax: number) =>
	Array.isArray(value) &&
	value.length >= min &&
	value.length <= max &&
	value.every((item) => isText(item, itemMax));

const isIndex = (value: unknown, length: number) =>
	Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;

/** Whether `value` is a question the engine can play (shape, limits, answer key in range). */
export function isPlayableQuestion(value: unknown): value is Question {
	if (typeof value !== 'object' || value === null) return false;
	const q = value as Record<string, unknown>;
	if (!QUESTION_TYPES.includes(q.type as Question['type'])) return false;
	if (!isText(q.text, LIMITS.textMax)) return false;
	if (
		!Number.isFinite(q.timeLimitSec) ||
		(q.timeLimitSec as number) < LIMITS.timeLimitMinSec ||
		(q.timeLimitSec as number) > LIMITS.timeLimitMaxSec
	)
		return false;
	if (!POINTS_MULTIPLIERS.includes(q.points as 0)) return false;
	if (!Array.isArray(q.tags)) return false;
	switch (q.type) {
		case 'single':
			return (
				isTextList(q.options, LIMITS.choiceMin, LIMITS.choiceMax, LIMITS.optionMax) &&
				isIndex(q.correct, (q.options as string[]).length)
			);
		case 'multiple': {
			if (!isTextList(q.options, LIMITS.choiceMin, LIMITS.choiceMax, LIMITS.optionMax))
				return false;
			const length = (q.options as string[]).length;
			return (
				Array.isArray(q.correct) &&
				q.correct.length > 0 &&
				q.correct.every((index) => isIndex(index, length)) &&
				new Set(q.correct).size === q.correct.length
			);
		}
		case 'truefalse':
			return typeof q.correct === 'boolean';
		case 'typeanswer':
			return (
				isTextList(q.accepted, 1, LIMITS.acceptedMax, LIMITS.optionMax) &&
				typeof q.ignoreDiacritics === 'boolean'
			);
		case 'numeric':
			return (
				Number.isFinite(q.value) && Number.isFinite(q.tolerance) && (q.tolerance as number) >= 0
			);
		case 'ordering':
			return isTextList(q.items, LIMITS.orderingMin, LIMITS.orderingMax, LIMITS.optionMax);
	}
	return false;
}
