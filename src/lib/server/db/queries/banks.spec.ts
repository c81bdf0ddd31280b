import { describe, expect, it } from 'vitest';
import {
	createBank,
	deleteBank,
	duplicateBank,
	getBank,
	listBanks,
	listOrgTags,
	setBankArchived,
	updateBank
} from './banks';
import { addQuestion, listQuestions } from './questions';
import { freshDb, single } from './testing';

const input = (title: string, tags: string[] = []) => ({
	title,
	description: '',
	tags,
	visibility: 'private' as const
});

describe('banks', () => {
	it('are only visible to and changeable by their own organization', () => {
		const { db, orgA, orgB } = freshDb();
		const b = createBank(db, orgB, input('Bí mật của B'));
		expect(listBanks(db, orgA)).toEqual([]);
		expect(getBank(db, orgA, b.id)).toBeUndefined();
		expect(updateBank(db, orgA, b.id, { title: 'x' })).toBe(false);
		expect(setBankArchived(db, orgA, b.id, true)).toBe(false);
		expect(duplicateBank(db, orgA, b.id, 'copy')).toBeUndefined();
		expect(deleteBank(db, orgA, b.id)).toBe(false);
		expect(getBank(db, orgB, b.id)?.title).toBe('Bí mật của B');
		expect(listBanks(db, orgA)).toEqual([]);
	});

	it('are filtered accent-insensitively by text and by tag, and hidden once archived', () => {
		const { db, orgA } = freshDb();
		const labour = createBank(db, orgA, input('Luật Lao động', ['Bộ luật Lao động']));
		createBank(db, orgA, input('Bảo hiểm xã hội', ['BHXH']));
		expect(listBanks(db, orgA, { q: 'lao dong' }).map((b) => b.title)).toEqual(['Luật Lao động']);
		expect(listBanks(db, orgA, { tag: 'bhxh' }).map((b) => b.title)).toEqual(['Bảo hiểm xã hội']);
		setBankArchived(db, orgA, labour.id, true);
		expect(listBanks(db, orgA).map((b) => b.title)).toEqual(['Bảo hiểm xã hội']);
		expect(listBanks(db, orgA, { status: 'archived' }).map((b) => b.id)).toEqual([labour.id]);
	});

	it('duplicate with their questions, in order, as a private copy', () => {
		const { db, orgA } = freshDb();
		const b = createBank(db, orgA, { ...input('Gốc'), visibility: 'published' });
		addQuestion(db, orgA, b.id, single('Một'));
		addQuestion(db, orgA, b.id, single('Hai'));
		const copy = duplicateBank(db, orgA, b.id, 'Bản sao')!;
		expect(copy.visibility).toBe('private');
		expect(listQuestions(db, orgA, copy.id).map((q) => q.body.text)).toEqual(['Một', 'Hai']);
		expect(listBanks(db, orgA).find((x) => x.id === copy.id)?.questionCount).toBe(2);
	});

	it('delete removes their questions', () => {
		const { db, orgA } = freshDb();
		const b = createBank(db, orgA, input('Xoá'));
		addQuestion(db, orgA, b.id, single('Một'));
		expect(deleteBank(db, orgA, b.id)).toBe(true);
		expect(listQuestions(db, orgA, b.id)).toEqual([]);
	});

	it('collect the tags of banks and questions once each', () => {
		const { db, orgA, orgB } = freshDb();
		const b = createBank(db, orgA, input('T', ['BHXH']));
		addQuestion(db, orgA, b.id, single('Một', { tags: ['bhxh', 'An toàn'] }));
		createBank(db, orgB, input('B', ['Bí mật']));
		expect(listOrgTags(db, orgA)).toEqual(['An toàn', 'BHXH']);
	});
});
