/**
 * The question editor's form state and its conversion to and from the `Question` model.
 * Pure (no framework, no I/O): the editor uses it for the live preview, the form action to build
 * what it validates and saves.
 */
import {
	DEFAULT_TIME_LIMIT_SEC,
	DIFFICULTIES,
	POINTS_MULTIPLIERS,
	QUESTION_TYPES,
	type Question,
	type QuestionType
} from './quiz/question';

/** Everything the editor's fields hold, as the browser posts it (strings, lists of strings). */
export interface QuestionFormValues {
	type: QuestionType;
	text: string;
	/** Choice options (single/multiple). */
	options: string[];
	/** Indices of the correct options. */
	correct: number[];
	/** True/false answer: 'true', 'false' or '' (not chosen). */
	tfCorrect: string;
	/** Type-answer: accepted answers, one per line. */
	accepted: string;
	ignoreDiacritics: boolean;
	value: string;
	tolerance: string;
	unit: string;
	/** Ordering items in the correct order. */
	items: string[];
	timeLimitSec: string;
	points: string;
	difficulty: string;
	tags: string;
	explanation: string;
	citationDocument: string;
	citationNumber: string;
	citationArticle: string;
	/** Upload name of the current image, or ''. */
	image: string;
}

/** A blank form of `type`, with room for four options / three items. */
export function emptyFormValues(type: QuestionType = 'single'): QuestionFormValues {
	return {
		type,
		text: '',
		options: ['', '', '', ''],
		correct: [],
		tfCorrect: '',
		accepted: '',
		// The one default everywhere (editor, importers, template): "tam gio" matches "tám giờ".
		ignoreDiacritics: true,
		value: '',
		tolerance: '0',
		unit: '',
		items: ['', '', ''],
		timeLimitSec: String(DEFAULT_TIME_LIMIT_SEC),
		points: '1',
		difficulty: '',
		tags: '',
		explanation: '',
		citationDocument: '',
		citationNumber: '',
		citationArticle: '',
		image: ''
	};
}

/** The form showing an existing question. */
export function toFormValues(q: Question): QuestionFormValues {
	const base = emptyFormValues(q.type);
	const values: QuestionFormValues = {
		...base,
		text: q.text,
		timeLimitSec: String(q.timeLimitSec),
		points: String(q.points),
		difficulty: q.difficulty ?? '',
		tags: q.tags.join(', '),
		explanation: q.explanation ?? '',
		citationDocument: q.citation?.document ?? '',
		citationNumber: q.citation?.number ?? '',
		citationArticle: q.citation?.article ?? '',
		image: q.image ?? ''
	};
	switch (q.type) {
		case 'single':
			return { ...values, options: [...q.options], correct: [q.correct] };
		case 'multiple':
			return { ...values, options: [...q.options], correct: [...q.correct] };
		case 'truefalse':
			return { ...values, tfCorrect: String(q.correct) };
		case 'typeanswer':
			return { ...values, accepted: q.accepted.join('\n'), ignoreDiacritics: q.ignoreDiacritics };
		case 'numeric':
			return {
				...values,
				value: String(q.value),
				tolerance: String(q.tolerance),
				unit: q.unit ?? ''
			};
		case 'ordering':
			return { ...values, items: [...q.items] };
	}
}

/** "1,5" and "1.5" are both one and a half; '' and junk are NaN. */
export function parseNumber(text: string): number {
	const t = text.trim().replace(/\s/g, '').replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number.NaN;
	return Number(t);
}

/** Drop empty entries at the end of a list (but keep those before a filled one or a marked one). */
function trimTail(list: string[], keepUntil = -1): string[] {
	const trimmed = list.map((s) => s.trim());
	let end = trimmed.length;
	while (end > 0 && !trimmed[end - 1] && end - 1 > keepUntil) end--;
	return trimmed.slice(0, end);
}

export function splitTags(text: string): string[] {
	const seen = new Set<string>();
	return text
		.split(/[,;\n]/)
		.map((t) => t.trim().replace(/\s+/g, ' '))
		.filter((t) => {
			const key = t.toLowerCase();
			if (!t || seen.has(key)) return false;
			seen.add(key);
			return true;
		});
}

/** Errors the conversion itself finds (fields that are not numbers…); the rest is the validator's job. */
export type FormProblem = 'type' | 'number' | 'integer' | 'choice';

/**
 * Build the question the form describes. The result is not validated (see `validateQuestion`):
 * it is what the organizer typed, shaped like a `Question`, with `problems` for fields that
 * could not even be converted (a time limit that is not a number…).
 */
export function fromFormValues(values: QuestionFormValues): {
	question: Record<string, unknown>;
	problems: Record<string, FormProblem>;
} {
	const problems: Record<string, FormProblem> = {};
	const type = values.type;
	if (!(QUESTION_TYPES as readonly string[]).includes(type)) problems.type = 'choice';

	const time = values.timeLimitSec.trim();
	const timeLimitSec = /^\d{1,6}$/.test(time) ? Number(time) : Number.NaN;
	if (Number.isNaN(timeLimitSec)) problems.timeLimitSec = 'integer';

	const points = Number(values.points);
	if (!(POINTS_MULTIPLIERS as readonly number[]).includes(points)) problems.points = 'choice';

	const difficulty = values.difficulty.trim();
	if (difficulty && !(DIFFICULTIES as readonly string[]).includes(difficulty))
		problems.difficulty = 'choice';

	const citationParts = [values.citationDocument, values.citationNumber, values.citationArticle];
	const citation = citationParts.some((p) => p.trim())
		? {
				document: values.citationDocument.trim(),
				...(values.citationNumber.trim() ? { number: values.citationNumber.trim() } : {}),
				...(values.citationArticle.trim() ? { article: values.citationArticle.trim() } : {})
			}
		: undefined;

	const question: Record<string, unknown> = {
		type,
		text: values.text.trim(),
		timeLimitSec,
		points,
		tags: splitTags(values.tags)
	};
	if (values.explanation.trim()) question.explanation = values.explanation.trim();
	if (citation) question.citation = citation;
	if (difficulty) question.difficulty = difficulty;
	if (values.image) question.image = values.image;

	switch (type) {
		case 'single':
		case 'multiple': {
			const correct = [...new Set(values.correct)].sort((a, b) => a - b);
			question.options = trimTail(values.options, Math.max(-1, ...correct));
			if (type === 'single') question.correct = correct.length > 1 ? correct : correct[0];
			else question.correct = correct;
			break;
		}
		case 'truefalse':
			question.correct =
				values.tfCorrect === 'true' ? true : values.tfCorrect === 'false' ? false : undefined;
			break;
		case 'typeanswer':
			question.accepted = values.accepted
				.split('\n')
				.map((a) => a.trim())
				.filter(Boolean);
			question.ignoreDiacritics = values.ignoreDiacritics;
			break;
		case 'numeric': {
			const value = parseNumber(values.value);
			const tolerance = values.tolerance.trim() ? parseNumber(values.tolerance) : 0;
			if (Number.isNaN(value)) problems.value = 'number';
			if (Number.isNaN(tolerance)) problems.tolerance = 'number';
			question.value = value;
			question.tolerance = tolerance;
			if (values.unit.trim()) question.unit = values.unit.trim();
			break;
		}
		case 'ordering':
			question.items = trimTail(values.items);
			break;
	}
	return { question, problems };
}
