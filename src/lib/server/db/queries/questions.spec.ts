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

function bankWith(texts: string[]) {
	const { db, orgA, orgB } = freshDb();
	const b = createBank(db, orgA, { title: 'B', description: '', tags: [], visibility: 'private' });
	const ids = texts.map((t) => addQuestion(db, orgA, b.id, single(t))!);
	const texts_ = () => listQuestions(db, orgA, b.id).map((q) => q.body.text);
	return { db, orgA, orgB, bankId: b.id, ids, texts: texts_ };
}

describe('questions', () => {
	it('cannot be added, read, changed, moved or deleted from another organization', () => {
		const { db, orgB, bankId, ids, texts } = bankWith(['Một']);
		expect(addQuestion(db, orgB, bankId, single('Lạ'))).toBeUndefined();
		expect(getQuestion(db, orgB, ids[0])).toBeUndefined();
		expect(listQuestions(db, orgB, bankId)).toEqual([]);
		expect(updateQuestion(db, orgB, ids[0], single('Đổi'))).toBe(false);
		expect(moveQuestion(db, orgB, ids[0], 0)).toBe(false);
		expect(reorderQuestions(db, orgB, bankId, ids)).toBe(false);
		expect(duplicateQuestion(db, orgB, ids[0])).toBeUndefined();
		expect(deleteQuestion(db, orgB, ids[0])).toBe(false);
		expect(texts()).toEqual(['Một']);
	});

	it('reorder only with an exact permutation of the bank’s questions', () => {
		const { db, orgA, bankId, ids, texts } = bankWith(['Một', 'Hai', 'Ba']);
		expect(reorderQuestions(db, orgA, bankId, [ids[2], ids[0], ids[1]])).toBe(true);
		expect(texts()).toEqual(['Ba', 'Một', 'Hai']);
		expect(reorderQuestions(db, orgA, bankId, [ids[0], ids[1]])).toBe(false);
		expect(reorderQuestions(db, orgA, bankId, [ids[0], ids[0], ids[1]])).toBe(false);
		expect(reorderQuestions(db, orgA, bankId, [ids[0], ids[1], 9999])).toBe(false);
		expect(texts()).toEqual(['Ba', 'Một', 'Hai']);
	});

	it('move one step at a time and clamp at the ends', () => {
		const { db, orgA, ids, texts } = bankWith(['Một', 'Hai', 'Ba']);
		moveQuestion(db, orgA, ids[0], 1);
		expect(texts()).toEqual(['Hai', 'Một', 'Ba']);
		moveQuestion(db, orgA, ids[2], -5);
		expect(texts()).toEqual(['Ba', 'Hai', 'Một']);
		moveQuestion(db, orgA, ids[2], 99);
		expect(texts()).toEqual(['Hai', 'Một', 'Ba']);
	});

	it('duplicate right after the original and keep positions dense after a delete', () => {
		const { db, orgA, bankId, ids, texts } = bankWith(['Một', 'Hai']);
		duplicateQuestion(db, orgA, ids[0]);
		expect(texts()).toEqual(['Một', 'Một', 'Hai']);
		deleteQuestion(db, orgA, ids[0]);
		expect(listQuestions(db, orgA, bankId).map((q) => q.position)).toEqual([0, 1]);
	});

	it('keep the search index in step with edits and deletes', () => {
		const { db, orgA, ids } = bankWith(['Thời gian thử việc tối đa?']);
		expect(searchQuestions(db, orgA, 'thu viec')).toHaveLength(1);
		updateQuestion(db, orgA, ids[0], single('Nghỉ hằng năm bao nhiêu ngày?'));
		expect(searchQuestions(db, orgA, 'thu viec')).toHaveLength(0);
		expect(searchQuestions(db, orgA, 'nghi hang nam')).toHaveLength(1);
		deleteQuestion(db, orgA, ids[0]);
		expect(searchQuestions(db, orgA, 'nghi')).toHaveLength(0);
	});
});
