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
	const { db, orgA, orgB } = await freshDb();
	const bank = await createBank(db, orgA, {
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
		expect(await listQuestions(db, orgA, bank.id)).toEqual([]);
		expect(await commitImport(db, orgA, id, target, 'all', { untitled }, 2000)).toEqual({
			ok: true,
			bankId: bank.id,
			count: 2
		});
		expect((await listQuestions(db, orgA, bank.id)).map((q) => q.body.text)).toEqual([
			'Một cộng một bằng mấy?',
			'Trời xanh.'
		]);
		// A pending import is used once.
		expect(await commitImport(db, orgA, id, target, 'all', { untitled }, 2000)).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
	});

	it('are all-or-nothing unless only the valid questions are asked for', async () => {
		const { db, orgA, bank, target, id } = await setup(WITH_ERROR);
		expect(await commitImport(db, orgA, id, target, 'all', { untitled }, 2000)).toEqual({
			ok: false,
			reason: 'has_errors'
		});
		expect(await listQuestions(db, orgA, bank.id)).toEqual([]);
		expect(await commitImport(db, orgA, id, target, 'valid', { untitled }, 2000)).toMatchObject({
			ok: true,
			count: 2
		});
	});

	it('belong to one organization and one target, and expire', async () => {
		const { db, orgA, orgB, target, id } = await setup(GOOD);
		expect(await getPendingImport(db, orgB, id, target, 2000)).toBeUndefined();
		expect(await commitImport(db, orgB, id, target, 'all', { untitled }, 2000)).toMatchObject({
			reason: 'not_found'
		});
		expect(await getPendingImport(db, orgA, id, null, 2000)).toBeUndefined();
		expect(
			await getPendingImport(db, orgA, id, target, 1000 + PENDING_IMPORT_MS + 1)
		).toBeUndefined();
		expect(await getPendingImport(db, orgA, 'not-an-id', target, 2000)).toBeUndefined();
		expect((await getPendingImport(db, orgA, id, target, 2000))?.result.validCount).toBe(2);
	});

	it('are saved once when two commits of one import race', async () => {
		const { db, orgA, id } = await setup(GOOD, null);
		const banksBefore = (await listBanks(db, orgA)).length;
		const outcomes = await Promise.all(
			[0, 1].map(() => commitImport(db, orgA, id, null, 'all', { untitled }, 2000))
		);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, reason: 'not_found' }]);
		expect(await listBanks(db, orgA)).toHaveLength(banksBefore + 1);
	});

	it('create a new bank titled from the file when importing "from file"', async () => {
		const { db, orgA, id } = await setup(GOOD, null);
		const outcome = await commitImport(db, orgA, id, null, 'all', { untitled }, 2000);
		expect(outcome.ok).toBe(true);
		expect((await listBanks(db, orgA)).map((b) => [b.title, b.questionCount])).toContainEqual([
			'cau-hoi',
			2
		]);
	});

	it('report an empty file and keep nothing to import', async () => {
		const { db, orgA, target, id, summary } = await setup('');
		expect(summary.errorCount).toBe(1);
		const stored = (await getPendingImport(db, orgA, id, target, 2000))?.result;
		expect(stored?.errors[0]).toMatchObject({ line: 0, field: 'file' });
		expect(await commitImport(db, orgA, id, target, 'valid', { untitled }, 2000)).toMatchObject({
			reason: 'nothing'
		});
	});
});
