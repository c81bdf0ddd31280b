/** Banks (bộ câu hỏi) of one organization. Every function filters by the caller's organization. */
import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../index';
import { affected, isPostgres } from '../dialect';
import { transaction } from '../transaction';
import { bank, question, type Bank, type BankVisibility } from '../schema';
import { normalizeVietnamese } from '../../../quiz/vietnamese';
import { insertQuestions } from './questions';

export interface BankInput {
	title: string;
	description: string;
	tags: string[];
	visibility: BankVisibility;
}

export interface BankFilter {
	/** Accent-insensitive substring of the title, description or tags. */
	q?: string;
	tag?: string;
	/** 'active' (default), 'archived' or 'all'. */
	status?: 'active' | 'archived' | 'all';
}

export type BankSummary = Bank & { questionCount: number };

/** The organization's banks with their question counts, newest first. */
export async function listBanks(
	db: Db,
	organizationId: number,
	filter: BankFilter = {}
): Promise<BankSummary[]> {
	const status = filter.status ?? 'active';
	const rows = (
		await db
			.select({ bank, questionCount: count(question.id) })
			.from(bank)
			.leftJoin(question, eq(question.bankId, bank.id))
			.where(
				and(
					eq(bank.organizationId, organizationId),
					status === 'active'
						? isNull(bank.archivedAt)
						: status === 'archived'
							? isNotNull(bank.archivedAt)
							: undefined
				)
			)
			.groupBy(bank.id)
			.orderBy(desc(bank.updatedAt), desc(bank.id))
	).map((r) => ({ ...r.bank, questionCount: r.questionCount }));
	const needle = filter.q ? normalizeVietnamese(filter.q) : '';
	const tagKey = filter.tag ? normalizeVietnamese(filter.tag) : '';
	return rows.filter(
		(b) =>
			(!needle ||
				normalizeVietnamese([b.title, b.description, ...b.tags].join(' ')).includes(needle)) &&
			(!tagKey || b.tags.some((t) => normalizeVietnamese(t) === tagKey))
	);
}

/** Every tag used by the organization's banks and questions, for filters and suggestions. */
export async function listOrgTags(db: Db, organizationId: number): Promise<string[]> {
	const bankTags = (
		await db.select({ tags: bank.tags }).from(bank).where(eq(bank.organizationId, organizationId))
	).flatMap((r) => r.tags);
	// Question tags live in the JSON body: json_each over SQLite's text, jsonb elements on PostgreSQL
	// (only arrays: a body whose tags are not one is skipped, as json_each skips a scalar's value).
	const tagRows = isPostgres(db)
		? sql`${question}, jsonb_array_elements_text(case when jsonb_typeof(${question.body} -> 'tags') = 'array' then ${question.body} -> 'tags' else '[]'::jsonb end) as j(value)`
		: sql`${question}, json_each(json_extract(${question.body}, '$.tags')) as j`;
	const questionTags = (
		await db
			.select({ tag: sql<string>`distinct j.value` })
			.from(tagRows)
			.where(eq(question.organizationId, organizationId))
	).map((r) => r.tag);
	const seen = new Map<string, string>();
	for (const tag of [...bankTags, ...questionTags]) {
		if (typeof tag !== 'string' || !tag.trim()) continue;
		const key = normalizeVietnamese(tag);
		if (!seen.has(key)) seen.set(key, tag);
	}
	return [...seen.values()].sort((a, b) => a.localeCompare(b, 'vi'));
}

/** One bank of the organization, or undefined (also for other organizations' banks). */
export async function getBank(
	db: DbOrTx,
	organizationId: number,
	bankId: number
): Promise<Bank | undefined> {
	const [row] = await db
		.select()
		.from(bank)
		.where(and(eq(bank.id, bankId), eq(bank.organizationId, organizationId)));
	return row;
}

export async function createBank(
	db: DbOrTx,
	organizationId: number,
	input: BankInput,
	now = Date.now()
): Promise<Bank> {
	const [row] = await db
		.insert(bank)
		.values({ ...input, organizationId, createdAt: new Date(now), updatedAt: new Date(now) })
		.returning();
	return row;
}

/** Returns false when the bank is not the organization's. */
export async function updateBank(
	db: Db,
	organizationId: number,
	bankId: number,
	input: Partial<BankInput>,
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.update(bank)
		.set({ ...input, updatedAt: new Date(now) })
		.where(and(eq(bank.id, bankId), eq(bank.organizationId, organizationId)));
	return affected(result) > 0;
}

/** Archive (hide from lists and random quiz rules) or restore a bank. */
export async function setBankArchived(
	db: Db,
	organizationId: number,
	bankId: number,
	archived: boolean,
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.update(bank)
		.set({ archivedAt: archived ? new Date(now) : null, updatedAt: new Date(now) })
		.where(and(eq(bank.id, bankId), eq(bank.organizationId, organizationId)));
	return affected(result) > 0;
}

/** Delete a bank and its questions (they also leave every quiz). */
export async function deleteBank(db: Db, organizationId: number, bankId: number): Promise<boolean> {
	const result = await db
		.delete(bank)
		.where(and(eq(bank.id, bankId), eq(bank.organizationId, organizationId)));
	return affected(result) > 0;
}

/** Copy a bank with all its questions; the copy is private and titled by `title`. */
export async function duplicateBank(
	db: Db,
	organizationId: number,
	bankId: number,
	title: string,
	now = Date.now()
): Promise<Bank | undefined> {
	return transaction(db, async (tx) => {
		const source = await getBank(tx, organizationId, bankId);
		if (!source) return undefined;
		const copy = await createBank(
			tx,
			organizationId,
			{ title, description: source.description, tags: source.tags, visibility: 'private' },
			now
		);
		const bodies = (
			await tx
				.select({ body: question.body })
				.from(question)
				.where(eq(question.bankId, source.id))
				.orderBy(asc(question.position), asc(question.id))
		).map((r) => r.body);
		await insertQuestions(tx, organizationId, copy.id, bodies, now);
		return copy;
	});
}

/** A bank by id in any organization: for operator tools (CLI) only, never for requests. */
export async function getBankById(db: Db, bankId: number): Promise<Bank | undefined> {
	const [row] = await db.select().from(bank).where(eq(bank.id, bankId));
	return row;
}

/** The organization's bank with exactly this title (the most recent one), if any. */
export async function findBankByTitle(
	db: Db,
	organizationId: number,
	title: string
): Promise<Bank | undefined> {
	const [row] = await db
		.select()
		.from(bank)
		.where(and(eq(bank.organizationId, organizationId), eq(bank.title, title)))
		.orderBy(desc(bank.id))
		.limit(1);
	return row;
}
