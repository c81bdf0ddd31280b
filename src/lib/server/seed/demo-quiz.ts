/**
 * Demo content for the `demo` organization: a question bank and the quiz
 * "Demo – 10 câu hỏi Bộ luật Lao động". Idempotent: finds them by title before creating.
 */
import { and, eq } from 'drizzle-orm';
import { transaction, type Db } from '../db';
import { bank, quiz } from '../db/schema';
import { createBank } from '../db/queries/banks';
import { insertQuestions, listQuestions } from '../db/queries/questions';
import { addQuizQuestions, createQuiz } from '../db/queries/quizzes';
import { normalizeVietnamese } from '../../quiz/vietnamese';
import { registerDemoSeeder } from './index';
import { DEMO_BANK } from './demo-bank';

export const DEMO_QUIZ_TITLE = 'Demo – 10 câu hỏi Bộ luật Lao động';
const LABOUR_CODE_TAG = normalizeVietnamese('Bộ luật Lao động');

/** Create the demo bank and demo quiz in `organizationId` when they are missing. */
export async function seedDemoBankAndQuiz(
	db: Db,
	organizationId: number,
	now = Date.now()
): Promise<void> {
	await transaction(db, async (t) => {
		let [demoBank] = await t
			.select()
			.from(bank)
			.where(and(eq(bank.organizationId, organizationId), eq(bank.title, DEMO_BANK.title)))
			.limit(1);
		if (!demoBank) {
			demoBank = await createBank(
				t,
				organizationId,
				{
					title: DEMO_BANK.title,
					description: DEMO_BANK.description ?? '',
					tags: DEMO_BANK.tags ?? [],
					visibility: 'published'
				},
				now
			);
			await insertQuestions(t, organizationId, demoBank.id, DEMO_BANK.questions, now);
		}
		const [existingQuiz] = await t
			.select({ id: quiz.id })
			.from(quiz)
			.where(and(eq(quiz.organizationId, organizationId), eq(quiz.title, DEMO_QUIZ_TITLE)))
			.limit(1);
		if (existingQuiz) return;
		const labour = (await listQuestions(t, organizationId, demoBank.id)).filter((q) =>
			q.body.tags.some((tag) => normalizeVietnamese(tag) === LABOUR_CODE_TAG)
		);
		const created = await createQuiz(
			t,
			organizationId,
			{
				title: DEMO_QUIZ_TITLE,
				description: 'Mười câu hỏi mẫu về Bộ luật Lao động 2019 để thử một trò chơi trực tiếp.'
			},
			now
		);
		await addQuizQuestions(
			t,
			organizationId,
			created.id,
			labour.slice(0, 10).map((q) => q.id),
			now
		);
	});
}

registerDemoSeeder((db, orgId) => seedDemoBankAndQuiz(db, orgId));
