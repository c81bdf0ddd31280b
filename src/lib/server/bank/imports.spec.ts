import { describe, expect, it } from 'vitest';
import { createBank, listBanks } from '../db/queries/banks';
import { listQuestions } from '../db/queries/questions';
import { freshDb } from '../db/queries/testing';
import { commitImport, getPendingImport, PENDING_IMPORT_MS, startImport } from './imports';

const GOOD = '::A:: Một cộng một bằng mấy? {=2 ~3 ~4}\n\n::B:: Trời xanh. {T}\n';
const WITH_ERROR = GOOD + '\n::C:: Quên đóng {=Đúng ~Sai\n';
const bytes = (text: string) => new TextEncoder().encode(text);
const untitled = (f: string) => `Nhập từ ${f}`;

async function setup(text: string, bankId: 'existing' | null = 'existing') {
	const { db, orgA, orgB } = freshDb();
	const bank = createBank(db, orgA, {
		title: 'Đích',
		description: '',
		tags: [],
		visibility: 'private'
	});
	const target = bankId === 'existing' ? bank.id : null;
	const { id, summary } = await startImport(
		db,
		{ organizationId: orgA, bankId: target, filename: 'cau-hoi.gift', bytes: bytes(text) },
		1000
	);
	return { db, orgA, orgB, bank, target, id, summary };
}

describe('pending imports', () => {
	it('save nothing until committed, then save exactly the previewed questions', async () => {
		const { db, orgA, bank, target, id, summary } = await setup(GOOD);
		expect(summary.validCount).toBe(2);
		expect(listQuestions(db, orgA, bank.id)).toEqual([]);
		expect(commitImport(db, orgA, id, target, 'all', { untitled }, 2000)).toEqual({
			ok: true,
			bankId: bank.id,
			count: 2
		});
		expect(listQuestions(db, orgA, bank.id).map((q) => q.body.text)).toEqual([
			'Một cộng một bằng mấy?',
			'Trời xanh.'
		]);
		// A pending import is used once.
		expect(commitImport(db, orgA, id, target, 'all', { untitled }, 2000)).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
	});

	it('are all-or-nothing unless only the valid questions are asked for', async () => {
		const { db, orgA, bank, target, id } = await setup(WITH_ERROR);
		expect(commitImport(db, orgA, id, target, 'all', { untitled }, 2000)).toEqual({
			ok: false,
			reason: 'has_errors'
		});
		expect(listQuestions(db, orgA, bank.id)).toEqual([]);
		expect(commitImport(db, orgA, id, target, 'valid', { untitled }, 2000)).toMatchObject({
			ok: true,
			count: 2
		});
	});

	it('belong to one organization and one target, and expire', async () => {
		const { db, orgA, orgB, target, id } = await setup(GOOD);
		expect(getPendingImport(db, orgB, id, target, 2000)).toBeUndefined();
		expect(commitImport(db, orgB, id, target, 'all', { untitled }, 2000)).toMatchObject({
			reason: 'not_found'
		});
		expect(getPendingImport(db, orgA, id, null, 2000)).toBeUndefined();
		expect(getPendingImport(db, orgA, id, target, 1000 + PENDING_IMPORT_MS + 1)).toBeUndefined();
		expect(getPendingImport(db, orgA, 'not-an-id', target, 2000)).toBeUndefined();
		expect(getPendingImport(db, orgA, id, target, 2000)?.result.validCount).toBe(2);
	});

	it('create a new bank titled from the file when importing "from file"', async () => {
		const { db, orgA, id } = await setup(GOOD, null);
		const outcome = commitImport(db, orgA, id, null, 'all', { untitled }, 2000);
		expect(outcome.ok).toBe(true);
		expect(listBanks(db, orgA).map((b) => [b.title, b.questionCount])).toContainEqual([
			'cau-hoi',
			2
		]);
	});

	it('report an empty file and keep nothing to import', async () => {
		const { db, orgA, target, id, summary } = await setup('');
		expect(summary.errorCount).toBe(1);
		const stored = getPendingImport(db, orgA, id, target, 2000)?.result;
		expect(stored?.errors[0]).toMatchObject({ line: 0, field: 'file' });
		expect(commitImport(db, orgA, id, target, 'valid', { untitled }, 2000)).toMatchObject({
			reason: 'nothing'
		});
	});
});
