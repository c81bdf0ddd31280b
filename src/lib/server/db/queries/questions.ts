/** Questions of a bank. Every function filters by the caller's organization. */
import { and, asc, eq, max } from 'drizzle-orm';
import type { Db, DbOrTx } from '../index';
import { forUpdate } from '../dialect';
import { transaction } from '../transaction';
import { bank, question, type QuestionRow } from '../schema';
import type { Question } from '../../../quiz/question';
import { normalizeVietnamese } from '../../../quiz/vietnamese';

/**
 * The text the full-text index sees: text, options/answers, explanation, citation, tags — no
 * diacritics, as words (letters and digits) separated by single spaces. Punctuation is left out so
 * that both databases cut the same words: FTS5's unicode61 splits "45/2019/QH14" at the slashes,
 * PostgreSQL's parser would keep it (or "5.1", "a@b.vn") as one token (docs/database.md).
 */
export function questionSearchText(q: Question): string {
	const parts: string[] = [q.text];
	switch (q.type) {
		case 'single':
		case 'multiple':
			parts.push(...q.options);
			break;
		case 'typeanswer':
			parts.push(...q.accepted);
			break;
		case 'ordering':
			parts.push(...q.items);
			break;
		case 'numeric':
			parts.push(String(q.value), q.unit ?? '');
			break;
		case 'truefalse':
			break;
	}
	parts.push(q.explanation ?? '');
	if (q.citation)
		parts.push(q.citation.document, q.citation.number ?? '', q.citation.article ?? '');
	parts.push(...q.tags);
	return normalizeVietnamese(parts.filter(Boolean).join(' '))
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean)
		.join(' ');
}

function rowValues(q: Question) {
	return {
		type: q.type,
		difficulty: q.difficulty ?? null,
		body: q,
		searchText: questionSearchText(q)
	};
}

async function touch(db: DbOrTx, bankId: number, now: number): Promise<void> {
	await db
		.update(bank)
		.set({ updatedAt: new Date(now) })
		.where(eq(bank.id, bankId));
}

/**
 * True when the bank is the organization's; inside a transaction on PostgreSQL its row stays
 * locked until the end, so that two changes to one bank's question order do not interleave
 * (SQLite's writer lock already serializes them).
 */
async function ownsBank(db: DbOrTx, organizationId: number, bankId: number): Promise<boolean> {
	const rows = await forUpdate(
		db,
		db
			.select({ id: bank.id })
			.from(bank)
			.where(and(eq(bank.id, bankId), eq(bank.organizationId, organizationId)))
	);
	return rows.length > 0;
}

/** The bank's questions in order. */
export async function listQuestions(
	db: DbOrTx,
	organizationId: number,
	bankId: number
): Promise<QuestionRow[]> {
	return db
		.select()
		.from(question)
		.where(and(eq(question.bankId, bankId), eq(question.organizationId, organizationId)))
		.orderBy(asc(question.position), asc(question.id));
}

export async function getQuestion(
	db: DbOrTx,
	organizationId: number,
	questionId: number
): Promise<QuestionRow | undefined> {
	const [row] = await db
		.select()
		.from(question)
		.where(and(eq(question.id, questionId), eq(question.organizationId, organizationId)));
	return row;
}

/**
 * Append questions to a bank the caller has already checked belongs to the organization
 * (used by duplicate and import, inside their transactions). Returns the new ids.
 */
export async function insertQuestions(
	db: DbOrTx,
	organizationId: number,
	bankId: number,
	questions: Question[],
	now = Date.now()
): Promise<number[]> {
	if (questions.length === 0) return [];
	// Lock the bank's row so that two imports into one bank do not both take the same positions.
	await forUpdate(db, db.select({ id: bank.id }).from(bank).where(eq(bank.id, bankId)));
	const [top] = await db
		.select({ p: max(question.position) })
		.from(question)
		.where(eq(question.bankId, bankId));
	const last = top?.p ?? -1;
	const ids: number[] = [];
	// Chunks keep each INSERT under SQLite's bound-parameter limit.
	for (let start = 0; start < questions.length; start += 200) {
		const chunk = questions.slice(start, start + 200).map((q, i) => ({
			...rowValues(q),
			bankId,
			organizationId,
			position: last + 1 + start + i,
			createdAt: new Date(now),
			updatedAt: new Date(now)
		}));
		const rows = await db.insert(question).values(chunk).returning({ id: question.id });
		ids.push(...rows.map((r) => r.id));
	}
	await touch(db, bankId, now);
	return ids;
}

/** Add questions to the end of one of the organization's banks; undefined when it is not theirs. */
export async function addQuestions(
	db: Db,
	organizationId: number,
	bankId: number,
	questions: Question[],
	now = Date.now()
): Promise<number[] | undefined> {
	return transaction(db, async (tx) => {
		if (!(await ownsBank(tx, organizationId, bankId))) return undefined;
		return insertQuestions(tx, organizationId, bankId, questions, now);
	});
}

export async function addQuestion(
	db: Db,
	organizationId: number,
	bankId: number,
	q: Question,
	now = Date.now()
): Promise<number | undefined> {
	return (await addQuestions(db, organizationId, bankId, [q], now))?.[0];
}

export async function updateQuestion(
	db: Db,
	organizationId: number,
	questionId: number,
	q: Question,
	now = Date.now()
): Promise<boolean> {
	const row = await getQuestion(db, organizationId, questionId);
	if (!row) return false;
	await db
		.update(question)
		.set({ ...rowValues(q), updatedAt: new Date(now) })
		.where(eq(question.id, row.id));
	await touch(db, row.bankId, now);
	return true;
}

export async function deleteQuestion(
	db: Db,
	organizationId: number,
	questionId: number,
	now = Date.now()
): Promise<boolean> {
	return transaction(db, async (tx) => {
		const row = await getQuestion(tx, organizationId, questionId);
		if (!row || !(await ownsBank(tx, organizationId, row.bankId))) return false;
		await tx.delete(question).where(eq(question.id, row.id));
		await renumber(tx, row.bankId);
		await touch(tx, row.bankId, now);
		return true;
	});
}

/** Copy a question right after itself. Returns the copy's id. */
export async function duplicateQuestion(
	db: Db,
	organizationId: number,
	questionId: number,
	now = Date.now()
): Promise<number | undefined> {
	return transaction(db, async (tx) => {
		const row = await getQuestion(tx, organizationId, questionId);
		if (!row || !(await ownsBank(tx, organizationId, row.bankId))) return undefined;
		const ids = (await listQuestions(tx, organizationId, row.bankId)).map((r) => r.id);
		const [copyId] = await insertQuestions(tx, organizationId, row.bankId, [row.body], now);
		ids.splice(ids.indexOf(row.id) + 1, 0, copyId);
		await writeOrder(tx, ids);
		return copyId;
	});
}

async function writeOrder(db: DbOrTx, ids: number[]): Promise<void> {
	for (const [position, id] of ids.entries())
		await db.update(question).set({ position }).where(eq(question.id, id));
}

async function renumber(db: DbOrTx, bankId: number): Promise<void> {
	const rows = await db
		.select({ id: question.id })
		.from(question)
		.where(eq(question.bankId, bankId))
		.orderBy(asc(question.position), asc(question.id));
	await writeOrder(
		db,
		rows.map((r) => r.id)
	);
}

/**
 * Put the bank's questions in the given order. `orderedIds` must be exactly the bank's
 * question ids (a permutation); anything else is refused with false and changes nothing.
 */
export async function reorderQuestions(
	db: Db,
	organizationId: number,
	bankId: number,
	orderedIds: number[],
	now = Date.now()
): Promise<boolean> {
	return transaction(db, async (tx) => {
		if (!(await ownsBank(tx, organizationId, bankId))) return false;
		const current = (await listQuestions(tx, organizationId, bankId)).map((r) => r.id);
		const wanted = new Set(orderedIds);
		if (
			wanted.size !== orderedIds.length ||
			orderedIds.length !== current.length ||
			!current.every((id) => wanted.has(id))
		)
			return false;
		await writeOrder(tx, orderedIds);
		await touch(tx, bankId, now);
		return true;
	});
}

/** Move one question to index `to` (clamped) within its bank. */
export async function moveQuestion(
	db: Db,
	organizationId: number,
	questionId: number,
	to: number,
	now = Date.now()
): Promise<boolean> {
	const row = await getQuestion(db, organizationId, questionId);
	if (!row) return false;
	const ids = (await listQuestions(db, organizationId, row.bankId)).map((r) => r.id);
	const from = ids.indexOf(row.id);
	const target = Math.max(0, Math.min(ids.length - 1, Math.trunc(to)));
	ids.splice(from, 1);
	ids.splice(target, 0, row.id);
	return reorderQuestions(db, organizationId, row.bankId, ids, now);
}
