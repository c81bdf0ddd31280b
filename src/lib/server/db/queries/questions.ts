/** Questions of a bank. Every function filters by the caller's organization. */
import { and, asc, eq, max } from 'drizzle-orm';
import type { Db, DbOrTx } from '../index';
import { bank, question, type QuestionRow } from '../schema';
import type { Question } from '../../../quiz/question';
import { normalizeVietnamese } from '../../../quiz/vietnamese';

/** The text the full-text index sees: text, options/answers, explanation, citation — no diacritics. */
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
	return normalizeVietnamese(parts.filter(Boolean).join(' \n '));
}

function rowValues(q: Question) {
	return {
		type: q.type,
		difficulty: q.difficulty ?? null,
		body: q,
		searchText: questionSearchText(q)
	};
}

function touch(db: DbOrTx, bankId: number, now: number): void {
	db.update(bank)
		.set({ updatedAt: new Date(now) })
		.where(eq(bank.id, bankId))
		.run();
}

function ownsBank(db: DbOrTx, organizationId: number, bankId: number): boolean {
	return !!db
		.select({ id: bank.id })
		.from(bank)
		.where(and(eq(bank.id, bankId), eq(bank.organizationId, organizationId)))
		.get();
}

/** The bank's questions in order. */
export function listQuestions(db: DbOrTx, organizationId: number, bankId: number): QuestionRow[] {
	return db
		.select()
		.from(question)
		.where(and(eq(question.bankId, bankId), eq(question.organizationId, organizationId)))
		.orderBy(asc(question.position), asc(question.id))
		.all();
}

export function getQuestion(
	db: DbOrTx,
	organizationId: number,
	questionId: number
): QuestionRow | undefined {
	return db
		.select()
		.from(question)
		.where(and(eq(question.id, questionId), eq(question.organizationId, organizationId)))
		.get();
}

/**
 * Append questions to a bank the caller has already checked belongs to the organization
 * (used by duplicate and import, inside their transactions). Returns the new ids.
 */
export function insertQuestions(
	db: DbOrTx,
	organizationId: number,
	bankId: number,
	questions: Question[],
	now = Date.now()
): number[] {
	if (questions.length === 0) return [];
	const last =
		db
			.select({ p: max(question.position) })
			.from(question)
			.where(eq(question.bankId, bankId))
			.get()?.p ?? -1;
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
		ids.push(
			...db
				.insert(question)
				.values(chunk)
				.returning({ id: question.id })
				.all()
				.map((r) => r.id)
		);
	}
	touch(db, bankId, now);
	return ids;
}

/** Add questions to the end of one of the organization's banks; undefined when it is not theirs. */
export function addQuestions(
	db: Db,
	organizationId: number,
	bankId: number,
	questions: Question[],
	now = Date.now()
): number[] | undefined {
	return db.transaction((tx) => {
		if (!ownsBank(tx, organizationId, bankId)) return undefined;
		return insertQuestions(tx, organizationId, bankId, questions, now);
	});
}

export function addQuestion(
	db: Db,
	organizationId: number,
	bankId: number,
	q: Question,
	now = Date.now()
): number | undefined {
	return addQuestions(db, organizationId, bankId, [q], now)?.[0];
}

export function updateQuestion(
	db: Db,
	organizationId: number,
	questionId: number,
	q: Question,
	now = Date.now()
): boolean {
	const row = getQuestion(db, organizationId, questionId);
	if (!row) return false;
	db.update(question)
		.set({ ...rowValues(q), updatedAt: new Date(now) })
		.where(eq(question.id, row.id))
		.run();
	touch(db, row.bankId, now);
	return true;
}

export function deleteQuestion(
	db: Db,
	organizationId: number,
	questionId: number,
	now = Date.now()
): boolean {
	return db.transaction((tx) => {
		const row = getQuestion(tx, organizationId, questionId);
		if (!row) return false;
		tx.delete(question).where(eq(question.id, row.id)).run();
		renumber(tx, row.bankId);
		touch(tx, row.bankId, now);
		return true;
	});
}

/** Copy a question right after itself. Returns the copy's id. */
export function duplicateQuestion(
	db: Db,
	organizationId: number,
	questionId: number,
	now = Date.now()
): number | undefined {
	return db.transaction((tx) => {
		const row = getQuestion(tx, organizationId, questionId);
		if (!row) return undefined;
		const ids = listQuestions(tx, organizationId, row.bankId).map((r) => r.id);
		const [copyId] = insertQuestions(tx, organizationId, row.bankId, [row.body], now);
		ids.splice(ids.indexOf(row.id) + 1, 0, copyId);
		writeOrder(tx, ids);
		return copyId;
	});
}

function writeOrder(db: DbOrTx, ids: number[]): void {
	ids.forEach((id, position) => {
		db.update(question).set({ position }).where(eq(question.id, id)).run();
	});
}

function renumber(db: DbOrTx, bankId: number): void {
	const ids = db
		.select({ id: question.id })
		.from(question)
		.where(eq(question.bankId, bankId))
		.orderBy(asc(question.position), asc(question.id))
		.all()
		.map((r) => r.id);
	writeOrder(db, ids);
}

/**
 * Put the bank's questions in the given order. `orderedIds` must be exactly the bank's
 * question ids (a permutation); anything else is refused with false and changes nothing.
 */
export function reorderQuestions(
	db: Db,
	organizationId: number,
	bankId: number,
	orderedIds: number[],
	now = Date.now()
): boolean {
	return db.transaction((tx) => {
		if (!ownsBank(tx, organizationId, bankId)) return false;
		const current = listQuestions(tx, organizationId, bankId).map((r) => r.id);
		const wanted = new Set(orderedIds);
		if (
			wanted.size !== orderedIds.length ||
			orderedIds.length !== current.length ||
			!current.every((id) => wanted.has(id))
		)
			return false;
		writeOrder(tx, orderedIds);
		touch(tx, bankId, now);
		return true;
	});
}

/** Move one question to index `to` (clamped) within its bank. */
export function moveQuestion(
	db: Db,
	organizationId: number,
	questionId: number,
	to: number,
	now = Date.now()
): boolean {
	const row = getQuestion(db, organizationId, questionId);
	if (!row) return false;
	const ids = listQuestions(db, organizationId, row.bankId).map((r) => r.id);
	const from = ids.indexOf(row.id);
	const target = Math.max(0, Math.min(ids.length - 1, Math.trunc(to)));
	ids.splice(from, 1);
	ids.splice(target, 0, row.id);
	return reorderQuestions(db, organizationId, row.bankId, ids, now);
}
