import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../quiz/question';
import { exportBank } from './export';
import { importFile } from './import';
import { bankMetaArb, questionArb } from './question.arbitrary';
import type { DraftQuestion, ExportFormat } from './types';

function withoutLines(questions: DraftQuestion[]): Question[] {
	return questions.map(({ line: _line, ...question }) => question as Question);
}

async function roundTrip(format: ExportFormat, questions: Question[], title = 'Bộ câu hỏi') {
	const file = await exportBank({ title }, questions, format);
	return importFile({ filename: file.filename, bytes: file.bytes });
}

const ALL = ['single', 'multiple', 'truefalse', 'typeanswer', 'numeric', 'ordering'] as const;

describe('export then import gives back the same questions', () => {
	it.each([
		['json', 150, true],
		['csv', 100, false],
		['gift', 150, false],
		['xlsx', 25, false]
	] as const)('%s keeps every field of every question type', async (format, numRuns, withImage) => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(questionArb(ALL, { withImage }), { minLength: 1, maxLength: 8 }),
				async (questions) => {
					const result = await roundTrip(format, questions);
					expect(result.errors).toEqual([]);
					expect(withoutLines(result.draft.questions)).toEqual(questions);
				}
			),
			{ numRuns }
		);
	});

	it.each([
		['json', 50],
		['gift', 50],
		['xlsx', 10]
	] as const)('%s keeps the bank title, description and tags', async (format, numRuns) => {
		await fc.assert(
			fc.asyncProperty(bankMetaArb(), questionArb(ALL), async (meta, question) => {
				const file = await exportBank(meta, [question], format);
				const result = await importFile({ filename: file.filename, bytes: file.bytes });
				expect(result.draft.title).toBe(meta.title);
				expect(result.draft.description).toBe(meta.description);
				expect(result.draft.tags ?? []).toEqual(meta.tags ?? []);
			}),
			{ numRuns }
		);
	});

	it('GIFT read by a tool that ignores our comment lines still has text, answers and explanation', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(questionArb(ALL), { minLength: 1, maxLength: 6 }),
				async (questions) => {
					const file = await exportBank({ title: 'Moodle' }, questions, 'gift');
					const plain = new TextDecoder()
						.decode(file.bytes)
						.split('\n')
						.filter((line) => !line.startsWith('//'))
						.join('\n');
					const result = await importFile({
						filename: 'moodle.gift',
						bytes: new TextEncoder().encode(plain)
					});
					expect(result.errors).toEqual([]);
					const core = (q: Question) => {
						const { text, explanation, type } = q;
						const answers =
							q.type === 'single' || q.type === 'multiple'
								? { options: q.options, correct: q.correct }
								: q.type === 'truefalse'
									? { correct: q.correct }
									: q.type === 'typeanswer'
										? { accepted: q.accepted }
										: q.type === 'numeric'
											? { value: q.value, tolerance: q.tolerance }
											: { items: q.items };
						return { type, text, explanation, ...answers };
					};
					expect(withoutLines(result.draft.questions).map(core)).toEqual(questions.map(core));
				}
			),
			{ numRuns: 100 }
		);
	});
});
