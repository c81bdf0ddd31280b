/**
 * fast-check arbitraries producing VALID questions of every type with Vietnamese text,
 * diacritics and the characters that break naive exporters (= + - @ ~ # { } : ' " , ; | \ [ ] % $).
 * Test support only: imported by specs.
 */
import fc from 'fast-check';
import {
	DIFFICULTIES,
	LIMITS,
	POINTS_MULTIPLIERS,
	type Citation,
	type Question,
	type QuestionType
} from '../../quiz/question';
import { sameAnswerKey } from './text';

const VIETNAMESE = 'aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
const LETTERS = `${VIETNAMESE}${VIETNAMESE.toUpperCase()}bcdghklmnpqrstvx0123456789`;
const SPECIAL = `=+-@~#{}:'",;|\\[]%$/.()?!`;

const char = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...LETTERS) },
	{ weight: 2, arbitrary: fc.constantFrom(...SPECIAL) }
);
const word = fc.string({ unit: char, minLength: 1, maxLength: 8 });

/** Trimmed text of whole words separated by single spaces (GIFT collapses runs of spaces). */
export function textArb(maxWords: number, maxLength: number, allowNewlines = false) {
	const separator = allowNewlines
		? fc.oneof(
				{ weight: 8, arbitrary: fc.constant(' ') },
				{ weight: 1, arbitrary: fc.constant('\n') }
			)
		: fc.constant(' ');
	return fc
		.array(fc.tuple(word, separator), { minLength: 1, maxLength: maxWords })
		.map((parts) =>
			parts
				.map(([w, sep], index) => (index < parts.length - 1 ? w + sep : w))
				.join('')
				.slice(0, maxLength)
				.trim()
		)
		.filter((text) => text.length > 0);
}

const tagArb = textArb(3, LIMITS.tagMax).map((tag) => tag.replace(/[,;\n]/g, 'x'));

const citationArb: fc.Arbitrary<Citation> = fc.record(
	{
		document: textArb(6, LIMITS.citationFieldMax),
		number: textArb(2, 40),
		article: textArb(4, 60)
	},
	{ requiredKeys: ['document'] }
);

interface CommonOptions {
	/** Spreadsheets and GIFT never carry images; JSON does. */
	withImage?: boolean;
}

function commonArb(options: CommonOptions) {
	return fc.record(
		{
			text: textArb(20, LIMITS.textMax, true),
			timeLimitSec: fc.integer({ min: LIMITS.timeLimitMinSec, max: LIMITS.timeLimitMaxSec }),
			points: fc.constantFrom(...POINTS_MULTIPLIERS),
			explanation: textArb(30, LIMITS.explanationMax, true),
			citation: citationArb,
			difficulty: fc.constantFrom(...DIFFICULTIES),
			tags: fc.uniqueArray(tagArb, {
				maxLength: LIMITS.tagsMax,
				selector: (tag) => tag.toLowerCase()
			}),
			image: options.withImage
				? fc.constantFrom('banks/1/hinh-1.webp', 'banks/12/so-do_2.png')
				: fc.constant(undefined)
		},
		{ requiredKeys: ['text', 'timeLimitSec', 'points', 'tags'] }
	);
}

const answerArb = textArb(5, 60);
const uniqueAnswers = (min: number, max: number, key = (value: string) => sameAnswerKey(value)) =>
	fc.uniqueArray(answerArb, { minLength: min, maxLength: max, selector: key });

const numberArb = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => n / 1000);

function bodyArb(type: QuestionType): fc.Arbitrary<Record<string, unknown>> {
	switch (type) {
		case 'single':
			return uniqueAnswers(LIMITS.choiceMin, LIMITS.choiceMax).chain((options) =>
				fc.record({ options: fc.constant(options), correct: fc.nat(options.length - 1) })
			);
		case 'multiple':
			return uniqueAnswers(LIMITS.choiceMin, LIMITS.choiceMax).chain((options) =>
				fc.record({
					options: fc.constant(options),
					correct: fc
						.uniqueArray(fc.nat(options.length - 1), { minLength: 1, maxLength: options.length })
						.map((list) => [...list].sort((a, b) => a - b))
				})
			);
		case 'truefalse':
			return fc.record({ correct: fc.boolean() });
		case 'typeanswer':
			return fc.record({
				accepted: uniqueAnswers(1, LIMITS.acceptedMax, (value) => sameAnswerKey(value, true)),
				ignoreDiacritics: fc.boolean()
			});
		case 'numeric':
			return fc.record(
				{ value: numberArb, tolerance: numberArb.map(Math.abs), unit: textArb(2, 20) },
				{ requiredKeys: ['value', 'tolerance'] }
			);
		case 'ordering':
			return fc.record({ items: uniqueAnswers(LIMITS.orderingMin, LIMITS.orderingMax) });
	}
}

/** A valid question of one of `types` (all six by default). */
export function questionArb(
	types: readonly QuestionType[] = [
		'single',
		'multiple',
		'truefalse',
		'typeanswer',
		'numeric',
		'ordering'
	],
	options: CommonOptions = {}
): fc.Arbitrary<Question> {
	return fc.constantFrom(...types).chain((type) =>
		fc.tuple(commonArb(options), bodyArb(type)).map(([common, body]) => {
			const question: Record<string, unknown> = { type, ...common, ...body };
			for (const key of Object.keys(question))
				if (question[key] === undefined) delete question[key];
			return question as unknown as Question;
		})
	);
}

export function bankMetaArb() {
	return fc.record(
		{
			title: textArb(8, 120),
			description: textArb(20, 300),
			tags: fc.uniqueArray(tagArb, { maxLength: 5, selector: (tag) => tag.toLowerCase() })
		},
		{ requiredKeys: ['title'] }
	);
}
