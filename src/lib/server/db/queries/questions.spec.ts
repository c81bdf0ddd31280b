import { describe, expect, it } from 'vitest';
import { createBank } from './banks';
import {
	addQuestion,
	deleteQuestion,
	duplicateQuestion,
	getQuestion,
	listQuestions,
	moveQuestion,
	reorderQuestions,
	updateQuestion
} from './questions';
import { searchQuestions } from './search';
import { freshDb, single } from './testing';

async function bankWith(texts: string[]) {
	const { db, orgA, orgB } = await freshDb();
	const b = await createBank(db, orgA, {
		title: 'B',
		description: '',
		tags: [],
		visibility: 'private'
	});
	const ids: number[] = [];
	for (const t of texts) ids.push((await addQuestion(db, orgA, b.id, single(t)))!);
	const texts_ = async () => (await listQuestions(db, orgA, b.id)).map((q) => q.body.text);
	return { db, orgA, orgB, bankId: b.id, ids, texts: texts_ };
}

describe('questions', () => {
	it('cannot be added, read, changed, moved or deleted from another organization', async () => {
		const { db, orgB, bankId, ids, texts } = await bankWith(['Một']);
		expect(await addQuestion(db, orgB, bankId, single('Lạ'))).toBeUndefined();
		expect(await getQuestion(db, orgB, ids[0])).toBeUndefined();
		expect(await listQuestions(db, orgB, bankId)).toEqual([]);
		expect(await updateQuestion(db, orgB, ids[0], single('Đổi'))).toBe(false);
		expect(await moveQuestion(db, orgB, ids[0], 0)).toBe(false);
		expect(await reorderQuestions(db, orgB, bankId, ids)).toBe(false);
		expect(await duplicateQuestion(db, orgB, ids[0])).toBeUndefined();
		expect(await deleteQuestion(db, orgB, ids[0])).toBe(false);
		expect(await texts()).toEqual(['Một']);
	});

	it('reorder only with an exact permutation of the bank’s questions', async () => {
		const { db, orgA, bankId, ids, texts } = await bankWith(['Một', 'Hai', 'Ba']);
		expect(await reorderQuestions(db, orgA, bankId, [ids[2], ids[0], ids[1]])).toBe(true);
		expect(await texts()).toEqual(['Ba', 'Một', 'Hai']);
		expect(await reorderQuestions(db, orgA, bankId, [ids[0], ids[1]])).toBe(false);
		expect(await reorderQuestions(db, orgA, bankId, [ids[0], ids[0], ids[1]])).toBe(false);
		expect(await reorderQuestions(db, orgA, bankId, [ids[0], ids[1], 9999])).toBe(false);
		expect(await texts()).toEqual(['Ba', 'Một', 'Hai']);
	});

	it('move one step at a time and clamp at the ends', async () => {
		const { db, orgA, ids, texts } = await bankWith(['Một', 'Hai', 'Ba']);
		await moveQuestion(db, orgA, ids[0], 1);
		expect(await texts()).toEqual(['Hai', 'Một', 'Ba']);
		await moveQuestion(db, orgA, ids[2], -5);
		expect(await texts()).toEqual(['Ba', 'Hai', 'Một']);
		await moveQuestion(db, orgA, ids[2], 99);
		expect(await texts()).toEqual(['Hai', 'Một', 'Ba']);
	});

	it('duplicate right after the original and keep positions dense after a delete', async () => {
		const { db, orgA, bankId, ids, texts } = await bankWith(['Một', 'Hai']);
		await duplicateQuestion(db, orgA, ids[0]);
		expect(await texts()).toEqual(['Một', 'Một', 'Hai']);
		await deleteQuestion(db, orgA, ids[0]);
		expect((await listQuestions(db, orgA, bankId)).map((q) => q.position)).toEqual([0, 1]);
	});

	it('keep positions distinct and dense when changes to one bank race', async () => {
		const { db, orgA, bankId, ids } = await bankWith(['Một', 'Hai']);
		await Promise.all([
			addQuestion(db, orgA, bankId, single('Ba')),
			addQuestion(db, orgA, bankId, single('Bốn')),
			duplicateQuestion(db, orgA, ids[0]),
			deleteQuestion(db, orgA, ids[1]),
			addQuestion(db, orgA, bankId, single('Năm'))
		]);
		const rows = await listQuestions(db, orgA, bankId);
		expect(rows).toHaveLength(5);
		expect(rows.map((q) => q.position)).toEqual([0, 1, 2, 3, 4]);
	});

	it('keep the search index in step with edits and deletes', async () => {
		const { db, orgA, ids } = await bankWith(['Thời gian thử việc tối đa?']);
		expect(await searchQuestions(db, orgA, 'thu viec')).toHaveLength(1);
		await updateQuestion(db, orgA, ids[0], single('Nghỉ hằng năm bao nhiêu ngày?'));
		expect(await searchQuestions(db, orgA, 'thu viec')).toHaveLength(0);
		expect(await searchQuestions(db, orgA, 'nghi hang nam')).toHaveLength(1);
		await deleteQuestion(db, orgA, ids[0]);
		expect(await searchQuestions(db, orgA, 'nghi')).toHaveLength(0);
	});
});
