/**
 * Form parsing for the bank, question and quiz pages: valibot for the raw shape, then the shared
 * question validator for the rules, with messages in the user's language.
 */
import * as v from 'valibot';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import { DIFFICULTIES, LIMITS, QUESTION_TYPES, type Question } from '../../quiz/question';
import { fromFormValues, splitTags, type QuestionFormValues } from '../../question-form';
import { validateQuestion } from '../transfer/validate';
import { BANK_VISIBILITIES, type BankVisibility, type QuizRule } from '../db/schema';

export const BANK_TITLE_MAX = 200;
export const BANK_DESCRIPTION_MAX = 2000;
/** Generous caps on raw fields, so a hostile post cannot make us chew megabytes. */
const RAW_MAX = 10_000;

type Errors = Record<string, string>;

const str = (max = RAW_MAX) => v.optional(v.pipe(v.string(), v.maxLength(max)), '');

function text(form: FormData, name: string): unknown {
	const value = form.get(name);
	return value === null ? undefined : value;
}

function texts(form: FormData, name: string): unknown[] {
	return form.getAll(name);
}

/** First letter up: validator fragments ("thiếu nội dung…") become sentences. */
function sentence(message: string): string {
	return message.charAt(0).toUpperCase() + message.slice(1);
}

// ---------- bank ----------

const BankSchema = v.object({
	title: str(),
	description: str(),
	tags: str(),
	visibility: v.optional(v.string(), 'private')
});

export type BankFormValues = v.InferOutput<typeof BankSchema>;

export function parseBankForm(form: FormData):
	| {
			ok: true;
			input: { title: string; description: string; tags: string[]; visibility: BankVisibility };
	  }
	| { ok: false; values: BankFormValues; errors: Errors } {
	const parsed = v.safeParse(BankSchema, {
		title: text(form, 'title'),
		description: text(form, 'description'),
		tags: text(form, 'tags'),
		visibility: text(form, 'visibility')
	});
	const values: BankFormValues = parsed.success
		? parsed.output
		: { title: '', description: '', tags: '', visibility: 'private' };
	const errors: Errors = {};
	const title = values.title.trim().replace(/\s+/g, ' ');
	if (!parsed.success || !title || title.length > BANK_TITLE_MAX)
		errors.title = m.bank_err_title({ max: BANK_TITLE_MAX });
	const description = values.description.trim();
	if (description.length > BANK_DESCRIPTION_MAX)
		errors.description = m.bank_err_description({ max: BANK_DESCRIPTION_MAX });
	const tags = splitTags(values.tags);
	if (tags.length > LIMITS.tagsMax || tags.some((t) => t.length > LIMITS.tagMax))
		errors.tags = m.bank_err_tags({ max: LIMITS.tagsMax, len: LIMITS.tagMax });
	const visibility = values.visibility as BankVisibility;
	if (!BANK_VISIBILITIES.includes(visibility)) errors.visibility = m.bank_err_visibility();
	if (Object.keys(errors).length) return { ok: false, values, errors };
	return { ok: true, input: { title, description, tags, visibility } };
}

// ---------- question ----------

const QuestionRawSchema = v.object({
	type: v.optional(v.string(), 'single'),
	text: str(),
	options: v.pipe(v.array(v.pipe(v.string(), v.maxLength(RAW_MAX))), v.maxLength(20)),
	correct: v.pipe(v.array(v.string()), v.maxLength(20)),
	tfCorrect: str(10),
	accepted: str(),
	ignoreDiacritics: v.optional(v.string()),
	value: str(100),
	tolerance: str(100),
	unit: str(),
	items: v.pipe(v.array(v.pipe(v.string(), v.maxLength(RAW_MAX))), v.maxLength(20)),
	timeLimitSec: str(100),
	points: str(10),
	difficulty: str(20),
	tags: str(),
	explanation: str(),
	citationDocument: str(),
	citationNumber: str(),
	citationArticle: str(),
	image: str(200)
});

/** The form fields as posted, ready to render the form again. */
export function readQuestionForm(form: FormData): QuestionFormValues | undefined {
	const parsed = v.safeParse(QuestionRawSchema, {
		type: text(form, 'type'),
		text: text(form, 'text'),
		options: texts(form, 'option'),
		correct: texts(form, 'correct'),
		tfCorrect: text(form, 'tfCorrect'),
		accepted: text(form, 'accepted'),
		ignoreDiacritics: text(form, 'ignoreDiacritics'),
		value: text(form, 'value'),
		tolerance: text(form, 'tolerance'),
		unit: text(form, 'unit'),
		items: texts(form, 'item'),
		timeLimitSec: text(form, 'timeLimitSec'),
		points: text(form, 'points'),
		difficulty: text(form, 'difficulty'),
		tags: text(form, 'tags'),
		explanation: text(form, 'explanation'),
		citationDocument: text(form, 'citationDocument'),
		citationNumber: text(form, 'citationNumber'),
		citationArticle: text(form, 'citationArticle'),
		image: text(form, 'image')
	});
	if (!parsed.success) return undefined;
	const o = parsed.output;
	return {
		...o,
		type: ((QUESTION_TYPES as readonly string[]).includes(o.type)
			? o.type
			: 'single') as QuestionFormValues['type'],
		correct: o.correct.filter((c) => /^\d{1,2}$/.test(c)).map(Number),
		ignoreDiacritics: o.ignoreDiacritics === 'on' || o.ignoreDiacritics === 'true'
	};
}

/**
 * Turn the editor's values into a valid `Question`, or field errors in the user's language
 * (keys: `text`, `options`, `correct`, `citation.document`…, matching the form's fields).
 */
export function buildQuestion(
	values: QuestionFormValues
): { ok: true; question: Question } | { ok: false; errors: Errors } {
	const { question, problems } = fromFormValues(values);
	const errors: Errors = {};
	for (const [field, problem] of Object.entries(problems)) {
		errors[field] =
			problem === 'number'
				? m.bank_err_number()
				: problem === 'integer'
					? m.bank_err_integer()
					: m.bank_err_choice();
	}
	for (const issue of validateQuestion(question, { locale: getLocale() })) {
		errors[issue.field] ??= sentence(issue.message);
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, question: question as unknown as Question };
}

// ---------- quiz ----------

const QuizSchema = v.object({ title: str(), description: str() });

export function parseQuizForm(
	form: FormData
):
	| { ok: true; input: { title: string; description: string } }
	| { ok: false; values: { title: string; description: string }; errors: Errors } {
	const parsed = v.safeParse(QuizSchema, {
		title: text(form, 'title'),
		description: text(form, 'description')
	});
	const values = parsed.success ? parsed.output : { title: '', description: '' };
	const errors: Errors = {};
	const title = values.title.trim().replace(/\s+/g, ' ');
	if (!parsed.success || !title || title.length > BANK_TITLE_MAX)
		errors.title = m.bank_quiz_err_title({ max: BANK_TITLE_MAX });
	if (values.description.trim().length > BANK_DESCRIPTION_MAX)
		errors.description = m.bank_err_description({ max: BANK_DESCRIPTION_MAX });
	if (Object.keys(errors).length) return { ok: false, values, errors };
	return { ok: true, input: { title, description: values.description.trim() } };
}

export const RULE_COUNT_MAX = 100;

const RuleSchema = v.object({
	count: v.pipe(
		v.string(),
		v.regex(/^\d{1,4}$/),
		v.transform(Number),
		v.minValue(1),
		v.maxValue(RULE_COUNT_MAX)
	),
	bankIds: v.pipe(
		v.array(v.pipe(v.string(), v.regex(/^\d{1,12}$/), v.transform(Number))),
		v.maxLength(200)
	),
	tags: v.pipe(v.string(), v.maxLength(RAW_MAX)),
	difficulties: v.array(v.picklist(DIFFICULTIES))
});

export function parseRuleForm(
	form: FormData
): { ok: true; rule: QuizRule } | { ok: false; errors: Errors } {
	const parsed = v.safeParse(RuleSchema, {
		count: String(form.get('count') ?? ''),
		bankIds: texts(form, 'bankId'),
		tags: String(form.get('tags') ?? ''),
		difficulties: texts(form, 'difficulty')
	});
	if (!parsed.success) {
		const errors: Errors = {};
		for (const issue of parsed.issues) {
			const key = v.getDotPath(issue)?.split('.')[0] ?? 'count';
			errors[key] ??=
				key === 'count' ? m.bank_quiz_err_count({ max: RULE_COUNT_MAX }) : m.bank_err_choice();
		}
		return { ok: false, errors };
	}
	const tags = splitTags(parsed.output.tags);
	if (tags.length > LIMITS.tagsMax)
		return {
			ok: false,
			errors: { tags: m.bank_err_tags({ max: LIMITS.tagsMax, len: LIMITS.tagMax }) }
		};
	return {
		ok: true,
		rule: {
			count: parsed.output.count,
			bankIds: [...new Set(parsed.output.bankIds)],
			tags,
			difficulties: [...new Set(parsed.output.difficulties)]
		}
	};
}

const IdSchema = v.pipe(
	v.string(),
	v.regex(/^\d{1,12}$/),
	v.transform(Number),
	v.integer(),
	v.minValue(1)
);

const ItemFormSchema = v.object({
	id: IdSchema,
	/** Target index for moves; absent for other item actions. */
	to: v.optional(v.pipe(v.string(), v.regex(/^-?\d{1,6}$/), v.transform(Number)))
});

/** `id` (and `to` for moves) of a row action (move, duplicate, delete, remove), or undefined. */
export function parseItemForm(form: FormData): { id: number; to?: number } | undefined {
	const parsed = v.safeParse(ItemFormSchema, {
		id: form.get('id') ?? undefined,
		to: form.get('to') ?? undefined
	});
	return parsed.success ? parsed.output : undefined;
}

const IdListSchema = v.pipe(v.array(IdSchema), v.maxLength(500));

/** A list of ids from repeated fields (`questionId`), or undefined when any is malformed. */
export function parseIdList(values: FormDataEntryValue[]): number[] | undefined {
	const parsed = v.safeParse(IdListSchema, values);
	return parsed.success ? parsed.output : undefined;
}
