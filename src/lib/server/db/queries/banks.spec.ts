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
	it('are only visible to and changeable by their own organization', async () => {
		const { db, orgA, orgB } = await freshDb();
		const b = await createBank(db, orgB, input('Bí mật của B'));
		expect(await listBanks(db, orgA)).toEqual([]);
		expect(await getBank(db, orgA, b.id)).toBeUndefined();
		expect(await updateBank(db, orgA, b.id, { title: 'x' })).toBe(false);
		expect(await setBankArchived(db, orgA, b.id, true)).toBe(false);
		expect(await duplicateBank(db, orgA, b.id, 'copy')).toBeUndefined();
		expect(await deleteBank(db, orgA, b.id)).toBe(false);
		expect((await getBank(db, orgB, b.id))?.title).toBe('Bí mật của B');
		expect(await listBanks(db, orgA)).toEqual([]);
	});

	it('are filtered accent-insensitively by text and by tag, and hidden once archived', async () => {
		const { db, orgA } = await freshDb();
		const labour = await createBank(db, orgA, input('Luật Lao động', ['Bộ luật Lao động']));
		await createBank(db, orgA, input('Bảo hiểm xã hội', ['BHXH']));
		expect((await listBanks(db, orgA, { q: 'lao dong' })).map((b) => b.title)).toEqual([
			'Luật Lao động'
		]);
		expect((await listBanks(db, orgA, { tag: 'bhxh' })).map((b) => b.title)).toEqual([
			'Bảo hiểm xã hội'
		]);
		await setBankArchived(db, orgA, labour.id, true);
		expect((await listBanks(db, orgA)).map((b) => b.title)).toEqual(['Bảo hiểm xã hội']);
		expect((await listBanks(db, orgA, { status: 'archived' })).map((b) => b.id)).toEqual([
			labour.id
		]);
	});

	it('duplicate with their questions, in order, as a private copy', async () => {
		const { db, orgA } = await freshDb();
		const b = await createBank(db, orgA, { ...input('Gốc'), visibility: 'published' });
		await addQuestion(db, orgA, b.id, single('Một'));
		await addQuestion(db, orgA, b.id, single('Hai'));
		const copy = (await duplicateBank(db, orgA, b.id, 'Bản sao'))!;
		expect(copy.visibility).toBe('private');
		expect((await listQuestions(db, orgA, copy.id)).map((q) => q.body.text)).toEqual([
			'Một',
			'Hai'
		]);
		expect((await listBanks(db, orgA)).find((x) => x.id === copy.id)?.questionCount).toBe(2);
	});

	it('delete removes their questions', async () => {
		const { db, orgA } = await freshDb();
		const b = await createBank(db, orgA, input('Xoá'));
		await addQuestion(db, orgA, b.id, single('Một'));
		expect(await deleteBank(db, orgA, b.id)).toBe(true);
		expect(await listQuestions(db, orgA, b.id)).toEqual([]);
	});

	it('collect the tags of banks and questions once each', async () => {
		const { db, orgA, orgB } = await freshDb();
		const b = await createBank(db, orgA, input('T', ['BHXH']));
		await addQuestion(db, orgA, b.id, single('Một', { tags: ['bhxh', 'An toàn'] }));
		await createBank(db, orgB, input('B', ['Bí mật']));
		expect(await listOrgTags(db, orgA)).toEqual(['An toàn', 'BHXH']);
	});
});
