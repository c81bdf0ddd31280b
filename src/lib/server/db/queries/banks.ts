/** Banks (bộ câu hỏi) of one organization. Every function filters by the caller's organization. */
import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../index';
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
export function listBanks(db: Db, organizationId: number, filter: BankFilter = {}): BankSummary[] {
	const status = filter.status ?? 'active';
	const rows = db
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
		.all()
		.map((r) => ({ ...r.bank, questionCount: r.questionCount }));
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
export function listOrgTags(db: Db, organizationId: number): string[] {
	const bankTags = db
		.select({ tags: bank.tags })
		.from(bank)
		.where(eq(bank.organizationId, organizationId))
		.all()
		.flatMap((r) => r.tags);
	const questionTags = db
		.select({ tag: sql<string>`distinct j.value` })
		.from(sql`${question}, json_each(json_extract(${question.body}, '$.tags')) as j`)
		.where(eq(question.organizationId, organizationId))
		.all()
		.map((r) => r.tag);
	const seen = new Map<string, string>();
	for (const tag of [...bankTags, ...questionTags]) {
		if (typeof tag !== 'string' || !tag.trim()) continue;
		const key = normalizeVietnamese(tag);
		if (!seen.has(key)) seen.set(key, tag);
	}
	return [...seen.values()].sort((a, b) => a.localeCompare(b, 'vi'));
}

/** One bank of the organization, or undefined (also for other organizations' banks). */
export function getBank(db: DbOrTx, organizationId: number, bankId: number): Bank | undefined {
	return db
		.select()
		.from(bank)
		.where(and(eq(bank.id, bankId), eq(bank.organizationId, organizationId)))
		.get();
}

export function createBank(db: DbOrTx, organizationId: number, input: BankInput, now = Date.now()) {
	return db
		.insert(bank)
		.values({ ...input, organizationId, createdAt: new Date(now), updatedAt: new Date(now) })
		.returning()
		.get();
}

/** Returns false when the bank is not the organization's. */
export function updateBank(
	db: Db,
	organizationId: number,
	bankId: number,
	input: Partial<BankInput>,
	now = Date.now()
): boolean {
	const result = db
		.update(bank)
		.set({ ...input, updatedAt: new Date(now) })
		.where(and(eq(bank.id, bankId), eq(bank.organizationId, organizationId)))
		.run();
	return result.changes > 0;
}

/** Archive (hide from lists and random quiz rules) or restore a bank. */
export function setBankArchived(
	db: Db,
	organizationId: number,
	bankId: number,
	archived: boolean,
	now = Date.now()
): boolean {
	const result = db
		.update(bank)
		.set({ archivedAt: archived ? new Date(now) : null, updatedAt: new Date(now) })
		.where(and(eq(bank.id, bankId), eq(bank.organizationId, organizationId)))
		.run();
	return result.changes > 0;
}

/** Delete a bank and its questions (they also leave every quiz). */
export function deleteBank(db: Db, organizationId: number, bankId: number): boolean {
	const result = db
		.delete(bank)
		.where(and(eq(bank.id, bankId), eq(bank.organizationId, organizationId)))
		.run();
	return result.changes > 0;
}

/** Copy a bank with all its questions; the copy is private and titled by `title`. */
export function duplicateBank(
	db: Db,
	organizationId: number,
	bankId: number,
	title: string,
	now = Date.now()
): Bank | undefined {
	return db.transaction((tx) => {
		const source = getBank(tx, organizationId, bankId);
		if (!source) return undefined;
		const copy = createBank(
			tx,
			organizationId,
			{ title, description: source.description, tags: source.tags, visibility: 'private' },
			now
		);
		const bodies = tx
			.select({ body: question.body })
			.from(question)
			.where(eq(question.bankId, source.id))
			.orderBy(asc(question.position), asc(question.id))
			.all()
			.map((r) => r.body);
		insertQuestions(tx, organizationId, copy.id, bodies, now);
		return copy;
	});
}

/** A bank by id in any organization: for operator tools (CLI) only, never for requests. */
export function getBankById(db: Db, bankId: number): Bank | undefined {
	return db.select().from(bank).where(eq(bank.id, bankId)).get();
}

/** The organization's bank with exactly this title (the most recent one), if any. */
export function findBankByTitle(db: Db, organizationId: number, title: string): Bank | undefined {
	return db
		.select()
		.from(bank)
		.where(and(eq(bank.organizationId, organizationId), eq(bank.title, title)))
		.orderBy(desc(bank.id))
		.get();
}
