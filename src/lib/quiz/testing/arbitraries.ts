/** fast-check generators of valid questions, for property specs. */
import fc from 'fast-check';
import { LIMITS, POINTS_MULTIPLIERS, type Question } from '../question';

const text = fc.string({ minLength: 1, maxLength: 40 });

const common = fc.record({
	text,
	timeLimitSec: fc.integer({ min: LIMITS.timeLimitMinSec, max: LIMITS.timeLimitMaxSec }),
	points: fc.constantFrom(...POINTS_MULTIPLIERS),
	explanation: fc.option(text, { nil: undefined }),
	citation: fc.option(
		fc.record({ document: text, number: fc.option(text, { nil: undefined }), article: text }),
		{ nil: undefined }
	),
	tags: fc.array(text, { maxLength: 3 }),
	image: fc.option(text, { nil: undefined })
});

const options = fc.array(text, { minLength: LIMITS.choiceMin, maxLength: LIMITS.choiceMax });

export const questionArbitrary: fc.Arbitrary<Question> = fc.oneof(
	fc
		.tuple(common, options)
		.chain(([base, opts]) =>
			fc
				.integer({ min: 0, max: opts.length - 1 })
				.map((correct): Question => ({ ...base, type: 'single', options: opts, correct }))
		),
	fc.tuple(common, options).chain(([base, opts]) =>
		fc
			.uniqueArray(fc.integer({ min: 0, max: opts.length - 1 }), {
				minLength: 1,
				maxLength: opts.length
			})
			.map((correct): Question => ({ ...base, type: 'multiple', options: opts, correct }))
	),
	fc
		.tuple(common, fc.boolean())
		.map(([base, correct]): Question => ({ ...base, type: 'truefalse', correct })),
	fc
		.tuple(common, fc.array(text, { minLength: 1, maxLength: 4 }), fc.boolean())
		.map(([base, accepted, ignoreDiacritics]): Question => ({
			...base,
			type: 'typeanswer',
			accepted,
			ignoreDiacritics
		})),
	fc
		.tuple(
			common,
			fc.double({ min: -1e6, max: 1e6, noNaN: true }),
			fc.double({ min: 0, max: 100, noNaN: true }),
			fc.option(text, { nil: undefined })
		)
		.map(([base, value, tolerance, unit]): Question => ({
			...base,
			type: 'numeric',
			value,
			tolerance,
			unit
		})),
	fc
		.tuple(common, fc.array(text, { minLength: LIMITS.orderingMin, maxLength: LIMITS.orderingMax }))
		.map(([base, items]): Question => ({ ...base, type: 'ordering', items }))
);
