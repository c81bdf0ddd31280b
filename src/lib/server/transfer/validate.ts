/**
 * One validator for every way a question enters the system: importers, JSON files and the
 * bank editor's form actions. It accepts `unknown` because JSON and form data are untrusted.
 */
import { DIFFICULTIES, LIMITS, POINTS_MULTIPLIERS, QUESTION_TYPES } from '../../quiz/question';
import { IssueLog, type LineKind } from './issues';
import { optionLetter, sameAnswerKey } from './text';
import type { ImportIssue, Locale } from './types';

/** Upload paths look like "banks/12/abc-1.webp": no "..", no scheme, no leading slash. */
const IMAGE_PATH = /^(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9_./-]{0,199}\.(png|jpe?g|webp|gif|avif)$/i;
/** Units are short labels ("giờ", "%", "ngày"). */
export const UNIT_MAX = LIMITS.tagMax;

export interface ValidateOptions {
	/** Source row/line for the "Dòng n:" prefix; omit (or 0) in the bank editor. */
	line?: number;
	locale?: Locale;
	lineKind?: LineKind;
}

type Record_ = Record<string, unknown>;

function isRecord(value: unknown): value is Record_ {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === undefined || value === null) return '';
	try {
		return JSON.stringify(value).slice(0, 40);
	} catch {
		return String(value);
	}
}

/**
 * Check a question against the model and `LIMITS`. Returns translated issues (empty when valid);
 * `field` names the `Question` property at fault, so a form can show the message beside it.
 */
export function validateQuestion(question: unknown, options: ValidateOptions = {}): ImportIssue[] {
	const log = new IssueLog(options.locale);
	if (options.lineKind) log.lineKind = options.lineKind;
	checkQuestion(question, options.line ?? 0, log);
	return log.errors;
}

/** Same checks, appending to an existing log (used by the importers). */
export function checkQuestion(question: unknown, line: number, log: IssueLog): boolean {
	const before = log.errors.length;
	if (!isRecord(question)) {
		log.error(line, 'question', 'field_invalid', { field: 'question' });
		return false;
	}
	const type = question.type;
	if (typeof type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(type)) {
		log.error(line, 'type', 'type_unknown', {
			value: show(type),
			allowed: QUESTION_TYPES.join(', ')
		});
		return false;
	}
	checkCommon(question, line, log);
	switch (type) {
		case 'single':
		case 'multiple':
			checkChoices(question, type, line, log);
			break;
		case 'truefalse':
			if (typeof question.correct !== 'boolean') {
				if (question.correct === undefined || question.correct === null)
					log.error(line, 'correct', 'correct_missing', {});
				else log.error(line, 'correct', 'truefalse_invalid', { value: show(question.correct) });
			}
			break;
		case 'typeanswer':
			checkAccepted(question, line, log);
			break;
		case 'numeric':
			checkNumeric(question, line, log);
			break;
		case 'ordering':
			checkOrdering(question, line, log);
			break;
	}
	return log.errors.length === before;
}

function checkCommon(q: Record_, line: number, log: IssueLog): void {
	if (typeof q.text !== 'string' || !q.text.trim()) log.error(line, 'text', 'text_required', {});
	else if (q.text.length > LIMITS.textMax)
		log.error(line, 'text', 'text_too_long', { length: q.text.length, max: LIMITS.textMax });

	const time = q.timeLimitSec;
	if (typeof time !== 'number' || !Number.isInteger(time))
		log.error(line, 'timeLimitSec', 'time_invalid', { value: show(time) });
	else if (time < LIMITS.timeLimitMinSec || time > LIMITS.timeLimitMaxSec)
		log.error(line, 'timeLimitSec', 'time_out_of_range', {
			value: time,
			min: LIMITS.timeLimitMinSec,
			max: LIMITS.timeLimitMaxSec
		});

	if (!(POINTS_MULTIPLIERS as readonly unknown[]).includes(q.points))
		log.error(line, 'points', 'points_invalid', { value: show(q.points) });

	if (q.explanation !== undefined) {
		if (typeof q.explanation !== 'string')
			log.error(line, 'explanation', 'field_invalid', { field: 'explanation' });
		else if (q.explanation.length > LIMITS.explanationMax)
			log.error(line, 'explanation', 'explanation_too_long', {
				length: q.explanation.length,
				max: LIMITS.explanationMax
			});
	}

	if (q.citation !== undefined) checkCitation(q.citation, line, log);

	if (q.difficulty !== undefined && !(DIFFICULTIES as readonly unknown[]).includes(q.difficulty))
		log.error(line, 'difficulty', 'difficulty_invalid', { value: show(q.difficulty) });

	if (!Array.isArray(q.tags)) log.error(line, 'tags', 'field_invalid', { field: 'tags' });
	else {
		if (q.tags.length > LIMITS.tagsMax)
			log.error(line, 'tags', 'tags_too_many', { max: LIMITS.tagsMax, count: q.tags.length });
		for (const tag of q.tags) {
			if (typeof tag !== 'string' || !tag.trim() || tag.length > LIMITS.tagMax || /[,;]/.test(tag))
				log.error(line, 'tags', 'tag_invalid', { tag: show(tag), max: LIMITS.tagMax });
		}
	}

	if (q.image !== undefined && (typeof q.image !== 'string' || !IMAGE_PATH.test(q.image)))
		log.error(line, 'image', 'image_invalid', { value: show(q.image) });
}

function checkCitation(citation: unknown, line: number, log: IssueLog): void {
	if (!isRecord(citation)) {
		log.error(line, 'citation', 'field_invalid', { field: 'citation' });
		return;
	}
	for (const key of ['document', 'number', 'article'] as const) {
		const value = citation[key];
		if (value === undefined) continue;
		if (typeof value !== 'string') {
			log.error(line, `citation.${key}`, 'field_invalid', { field: `citation.${key}` });
		} else if (value.length > LIMITS.citationFieldMax) {
			log.error(line, `citation.${key}`, 'citation_too_long', {
				length: value.length,
				max: LIMITS.citationFieldMax
			});
		}
	}
	if (typeof citation.document !== 'string' || !citation.document.trim())
		log.error(line, 'citation.document', 'citation_document_required', {});
}

/** Shared checks for a list of answer strings (options, accepted answers, ordering items). */
function checkTextList(
	list: unknown[],
	field: string,
	line: number,
	log: IssueLog,
	label: (index: number) => string,
	ignoreDiacritics = false
): void {
	const seen = new Map<string, number>();
	list.forEach((item, index) => {
		if (typeof item !== 'string' || !item.trim()) {
			log.error(line, field, 'option_empty', { label: label(index) });
			return;
		}
		if (item.length > LIMITS.optionMax)
			log.error(line, field, 'option_too_long', {
				label: label(index),
				length: item.length,
				max: LIMITS.optionMax
			});
		const key = sameAnswerKey(item, ignoreDiacritics);
		const first = seen.get(key);
		if (first !== undefined)
			log.error(line, field, 'option_duplicate', { label: label(index), other: label(first) });
		else seen.set(key, index);
	});
}

function checkChoices(q: Record_, type: 'single' | 'multiple', line: number, log: IssueLog): void {
	if (!Array.isArray(q.options)) {
		log.error(line, 'options', 'options_too_few', { min: LIMITS.choiceMin, count: 0 });
		return;
	}
	const options = q.options;
	if (options.length < LIMITS.choiceMin)
		log.error(line, 'options', 'options_too_few', { min: LIMITS.choiceMin, count: options.length });
	if (options.length > LIMITS.choiceMax)
		log.error(line, 'options', 'options_too_many', {
			max: LIMITS.choiceMax,
			count: options.length
		});
	checkTextList(options, 'options', line, log, optionLetter);

	const isEmpty = (i: number) => typeof options[i] !== 'string' || !String(options[i]).trim();
	const checkIndex = (value: unknown): boolean => {
		if (typeof value !== 'number' || !Number.isInteger(value)) {
			log.error(line, 'correct', 'correct_invalid', { value: show(value) });
			return false;
		}
		if (value < 0 || value >= options.length) {
			log.error(line, 'correct', 'correct_out_of_range', {
				value: value >= 0 && value < 26 ? optionLetter(value) : String(value)
			});
			return false;
		}
		if (isEmpty(value)) {
			log.error(line, 'correct', 'correct_empty_option', { value: optionLetter(value) });
			return false;
		}
		return true;
	};

	if (type === 'single') {
		if (q.correct === undefined || q.correct === null)
			log.error(line, 'correct', 'correct_missing', {});
		else if (Array.isArray(q.correct))
			log.error(line, 'correct', 'correct_single_many', { count: q.correct.length });
		else checkIndex(q.correct);
		return;
	}
	if (!Array.isArray(q.correct) || q.correct.length === 0) {
		if (Array.isArray(q.correct) || q.correct === undefined || q.correct === null)
			log.error(line, 'correct', 'correct_missing', {});
		else log.error(line, 'correct', 'correct_invalid', { value: show(q.correct) });
		return;
	}
	const chosen = new Set<unknown>();
	for (const value of q.correct) {
		if (chosen.has(value)) {
			log.error(line, 'correct', 'correct_invalid', { value: show(q.correct) });
			return;
		}
		chosen.add(value);
		if (!checkIndex(value)) return;
	}
}

function checkAccepted(q: Record_, line: number, log: IssueLog): void {
	if (typeof q.ignoreDiacritics !== 'boolean')
		log.error(line, 'ignoreDiacritics', 'field_invalid', { field: 'ignoreDiacritics' });
	if (!Array.isArray(q.accepted) || q.accepted.length === 0) {
		log.error(line, 'accepted', 'accepted_missing', {});
		return;
	}
	if (q.accepted.length > LIMITS.acceptedMax)
		log.error(line, 'accepted', 'accepted_too_many', {
			max: LIMITS.acceptedMax,
			count: q.accepted.length
		});
	checkTextList(
		q.accepted,
		'accepted',
		line,
		log,
		(i) => String(i + 1),
		q.ignoreDiacritics === true
	);
}

function checkNumeric(q: Record_, line: number, log: IssueLog): void {
	if (typeof q.value !== 'number' || !Number.isFinite(q.value))
		log.error(line, 'value', 'numeric_invalid', { value: show(q.value) });
	if (typeof q.tolerance !== 'number' || !Number.isFinite(q.tolerance) || q.tolerance < 0)
		log.error(line, 'tolerance', 'tolerance_invalid', { value: show(q.tolerance) });
	if (q.unit !== undefined) {
		if (typeof q.unit !== 'string') log.error(line, 'unit', 'field_invalid', { field: 'unit' });
		else if (q.unit.length > UNIT_MAX)
			log.error(line, 'unit', 'unit_too_long', { length: q.unit.length, max: UNIT_MAX });
	}
}

function checkOrdering(q: Record_, line: number, log: IssueLog): void {
	const items = Array.isArray(q.items) ? q.items : [];
	if (items.length < LIMITS.orderingMin)
		log.error(line, 'items', 'items_too_few', { min: LIMITS.orderingMin, count: items.length });
	if (items.length > LIMITS.orderingMax)
		log.error(line, 'items', 'items_too_many', { max: LIMITS.orderingMax, count: items.length });
	checkTextList(items, 'items', line, log, optionLetter);
}
