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
import type { Difficulty } from '../../../quiz/question';

function setup() {
	const { db, orgA, orgB } = freshDb();
	const bank = (org: number, title: string, tags: string[] = []) =>
		createBank(db, org, { title, description: '', tags, visibility: 'private' }).id;
	const labour = bank(orgA, 'Lao động', ['Bộ luật Lao động']);
	const insurance = bank(orgA, 'BHXH');
	const levels: Difficulty[] = ['easy', 'medium', 'hard'];
	const labourIds = Array.from({ length: 12 }, (_, i) =>
		addQuestion(db, orgA, labour, single(`LĐ ${i}`, { difficulty: levels[i % 3] }))!
	);
	const insuranceIds = Array.from({ length: 6 }, (_, i) =>
		addQuestion(db, orgA, insurance, single(`BH ${i}`, { tags: ['BHXH'] }))!
	);
	const foreignBank = bank(orgB, 'B');
	const foreignId = addQuestion(db, orgB, foreignBank, single('Bí mật B'))!;
	const quiz = createQuiz(db, orgA, { title: 'Vòng 1', description: '' });
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
	it('play picked questions in order', () => {
		const { db, orgA, quiz, labourIds, insuranceIds } = setup();
		addQuizQuestions(db, orgA, quiz.id, [insuranceIds[0], labourIds[3]]);
		const game = getQuizForGame(db, orgA, quiz.id, 1)!;
		expect(game.title).toBe('Vòng 1');
		expect(game.questions.map((q) => [q.questionId, q.text])).toEqual([
			[insuranceIds[0], 'BH 0'],
			[labourIds[3], 'LĐ 3']
		]);
	});

	it('never take another organization’s questions, banks or quizzes', () => {
		const { db, orgA, orgB, quiz, foreignId, foreignBank } = setup();
		expect(addQuizQuestions(db, orgA, quiz.id, [foreignId])).toBe(0);
		expect(
			addQuizRule(db, orgA, quiz.id, {
				count: 3,
				bankIds: [foreignBank],
				tags: [],
				difficulties: []
			})
		).toBe(false);
		expect(getQuizForGame(db, orgB, quiz.id, 1)).toBeUndefined();
		expect(addQuizQuestions(db, orgB, quiz.id, [foreignId])).toBeUndefined();
		expect(deleteQuiz(db, orgB, quiz.id)).toBe(false);
		expect(listQuizzes(db, orgB)).toEqual([]);
		expect(getQuizForGame(db, orgA, quiz.id, 1)!.questions).toEqual([]);
	});

	it('resolve random rules the same way for the same seed, differently for another', () => {
		const { db, orgA, quiz, labour } = setup();
		addQuizRule(db, orgA, quiz.id, { count: 5, bankIds: [labour], tags: [], difficulties: [] });
		const ids = (seed: number) =>
			getQuizForGame(db, orgA, quiz.id, seed)!.questions.map((q) => q.questionId);
		expect(ids(7)).toEqual(ids(7));
		expect(ids(7)).toHaveLength(5);
		const seeds = [1, 2, 3, 4, 5].map((s) => ids(s).join());
		expect(new Set(seeds).size).toBeGreaterThan(1);
	});

	it('draw by tag (of the question or its bank) and difficulty, without repeating picked questions', () => {
		const { db, orgA, quiz, labourIds, insuranceIds } = setup();
		addQuizQuestions(db, orgA, quiz.id, [insuranceIds[0]]);
		addQuizRule(db, orgA, quiz.id, { count: 10, bankIds: [], tags: ['bhxh'], difficulties: [] });
		addQuizRule(db, orgA, quiz.id, {
			count: 10,
			bankIds: [],
			tags: ['Bộ luật Lao động'],
			difficulties: ['hard']
		});
		const ids = getQuizForGame(db, orgA, quiz.id, 99)!.questions.map((q) => q.questionId);
		expect(ids[0]).toBe(insuranceIds[0]);
		expect(new Set(ids.slice(1, 6))).toEqual(new Set(insuranceIds.slice(1)));
		expect(new Set(ids.slice(6))).toEqual(new Set(labourIds.filter((_, i) => i % 3 === 2)));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('leave archived banks out of random rules and report how many a rule can draw', () => {
		const { db, orgA, quiz, insurance } = setup();
		addQuizRule(db, orgA, quiz.id, { count: 4, bankIds: [], tags: ['BHXH'], difficulties: [] });
		expect(getQuizItems(db, orgA, quiz.id)).toMatchObject([{ kind: 'rule', available: 6 }]);
		setBankArchived(db, orgA, insurance, true);
		expect(getQuizForGame(db, orgA, quiz.id, 3)!.questions).toEqual([]);
	});

	it('reorder and remove steps', () => {
		const { db, orgA, quiz, labourIds } = setup();
		addQuizQuestions(db, orgA, quiz.id, labourIds.slice(0, 3));
		const items = getQuizItems(db, orgA, quiz.id);
		moveQuizItem(db, orgA, quiz.id, items[2].id, 0);
		removeQuizItem(db, orgA, quiz.id, items[1].id);
		expect(getQuizForGame(db, orgA, quiz.id, 0)!.questions.map((q) => q.text)).toEqual([
			'LĐ 2',
			'LĐ 0'
		]);
		expect(listQuizzes(db, orgA)[0].itemCount).toBe(2);
	});
});
