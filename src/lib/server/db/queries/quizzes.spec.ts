import { describe, expect, it } from 'vitest';
import { createBank, setBankArchived } from './banks';
import { addQuestion } from './questions';
import {
	addQuizQuestions,
	addQuizRule,
	createQuiz,
	deleteQuiz,
	getQuizForGame,
	getQuizItems,
	listQuizzes,
	moveQuizItem,
	removeQuizItem
} from './quizzes';
import { freshDb, single } from './testing';
import { eq } from 'drizzle-orm';
import { quizItem } from '../schema';
import type { Difficulty } from '../../../quiz/question';

async function setup() {
	const { db, orgA, orgB } = await freshDb();
	const bank = async (org: number, title: string, tags: string[] = []) =>
		(await createBank(db, org, { title, description: '', tags, visibility: 'private' })).id;
	const labour = await bank(orgA, 'Lao động', ['Bộ luật Lao động']);
	const insurance = await bank(orgA, 'BHXH');
	const levels: Difficulty[] = ['easy', 'medium', 'hard'];
	const labourIds: number[] = [];
	for (let i = 0; i < 12; i++)
		labourIds.push(
			(await addQuestion(db, orgA, labour, single(`LĐ ${i}`, { difficulty: levels[i % 3] })))!
		);
	const insuranceIds: number[] = [];
	for (let i = 0; i < 6; i++)
		insuranceIds.push(
			(await addQuestion(db, orgA, insurance, single(`BH ${i}`, { tags: ['BHXH'] })))!
		);
	const foreignBank = await bank(orgB, 'B');
	const foreignId = (await addQuestion(db, orgB, foreignBank, single('Bí mật B')))!;
	const quiz = await createQuiz(db, orgA, { title: 'Vòng 1', description: '' });
	return {
		db,
		orgA,
		orgB,
		labour,
		insurance,
		labourIds,
		insuranceIds,
		foreignId,
		foreignBank,
		quiz
	};
}

describe('quizzes', () => {
	it('play picked questions in order', async () => {
		const { db, orgA, quiz, labourIds, insuranceIds } = await setup();
		await addQuizQuestions(db, orgA, quiz.id, [insuranceIds[0], labourIds[3]]);
		const game = (await getQuizForGame(db, orgA, quiz.id, 1))!;
		expect(game.title).toBe('Vòng 1');
		expect(game.questions.map((q) => [q.questionId, q.text])).toEqual([
			[insuranceIds[0], 'BH 0'],
			[labourIds[3], 'LĐ 3']
		]);
	});

	it('never take another organization’s questions, banks or quizzes', async () => {
		const { db, orgA, orgB, quiz, foreignId, foreignBank } = await setup();
		expect(await addQuizQuestions(db, orgA, quiz.id, [foreignId])).toBe(0);
		expect(
			await addQuizRule(db, orgA, quiz.id, {
				count: 3,
				bankIds: [foreignBank],
				tags: [],
				difficulties: []
			})
		).toBe(false);
		expect(await getQuizForGame(db, orgB, quiz.id, 1)).toBeUndefined();
		expect(await addQuizQuestions(db, orgB, quiz.id, [foreignId])).toBeUndefined();
		expect(await deleteQuiz(db, orgB, quiz.id)).toBe(false);
		expect(await listQuizzes(db, orgB)).toEqual([]);
		expect((await getQuizForGame(db, orgA, quiz.id, 1))!.questions).toEqual([]);
	});

	it('resolve random rules the same way for the same seed, differently for another', async () => {
		const { db, orgA, quiz, labour } = await setup();
		await addQuizRule(db, orgA, quiz.id, {
			count: 5,
			bankIds: [labour],
			tags: [],
			difficulties: []
		});
		const ids = async (seed: number) =>
			(await getQuizForGame(db, orgA, quiz.id, seed))!.questions.map((q) => q.questionId);
		expect(await ids(7)).toEqual(await ids(7));
		expect(await ids(7)).toHaveLength(5);
		const seeds: string[] = [];
		for (const s of [1, 2, 3, 4, 5]) seeds.push((await ids(s)).join());
		expect(new Set(seeds).size).toBeGreaterThan(1);
	});

	it('draw by tag (of the question or its bank) and difficulty, without repeating picked questions', async () => {
		const { db, orgA, quiz, labourIds, insuranceIds } = await setup();
		await addQuizQuestions(db, orgA, quiz.id, [insuranceIds[0]]);
		await addQuizRule(db, orgA, quiz.id, {
			count: 10,
			bankIds: [],
			tags: ['bhxh'],
			difficulties: []
		});
		await addQuizRule(db, orgA, quiz.id, {
			count: 10,
			bankIds: [],
			tags: ['Bộ luật Lao động'],
			difficulties: ['hard']
		});
		const ids = (await getQuizForGame(db, orgA, quiz.id, 99))!.questions.map((q) => q.questionId);
		expect(ids[0]).toBe(insuranceIds[0]);
		expect(new Set(ids.slice(1, 6))).toEqual(new Set(insuranceIds.slice(1)));
		expect(new Set(ids.slice(6))).toEqual(new Set(labourIds.filter((_, i) => i % 3 === 2)));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('leave archived banks out of random rules and report how many a rule can draw', async () => {
		const { db, orgA, quiz, insurance } = await setup();
		await addQuizRule(db, orgA, quiz.id, {
			count: 4,
			bankIds: [],
			tags: ['BHXH'],
			difficulties: []
		});
		expect(await getQuizItems(db, orgA, quiz.id)).toMatchObject([{ kind: 'rule', available: 6 }]);
		await setBankArchived(db, orgA, insurance, true);
		expect((await getQuizForGame(db, orgA, quiz.id, 3))!.questions).toEqual([]);
	});

	it('keep step positions distinct when changes to one quiz race', async () => {
		const { db, orgA, quiz, labourIds, insuranceIds } = await setup();
		const rule = { count: 2, bankIds: [], tags: [], difficulties: [] };
		await Promise.all([
			addQuizQuestions(db, orgA, quiz.id, labourIds.slice(0, 2)),
			addQuizRule(db, orgA, quiz.id, rule),
			addQuizQuestions(db, orgA, quiz.id, insuranceIds.slice(0, 2)),
			addQuizRule(db, orgA, quiz.id, rule)
		]);
		const positions = (
			await db.select({ p: quizItem.position }).from(quizItem).where(eq(quizItem.quizId, quiz.id))
		).map((r) => r.p);
		expect(positions.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('reorder and remove steps', async () => {
		const { db, orgA, quiz, labourIds } = await setup();
		await addQuizQuestions(db, orgA, quiz.id, labourIds.slice(0, 3));
		const items = await getQuizItems(db, orgA, quiz.id);
		await moveQuizItem(db, orgA, quiz.id, items[2].id, 0);
		await removeQuizItem(db, orgA, quiz.id, items[1].id);
		expect((await getQuizForGame(db, orgA, quiz.id, 0))!.questions.map((q) => q.text)).toEqual([
			'LĐ 2',
			'LĐ 0'
		]);
		expect((await listQuizzes(db, orgA))[0].itemCount).toBe(2);
	});
});
