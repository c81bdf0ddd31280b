/**
 * Two-step import: the uploaded file is parsed and its result kept server-side as a pending
 * import (random id, owned by the organization, expiring), so "Nhập" saves exactly what the
 * preview showed — the client never sends questions back.
 */
import crypto from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
import { affected, isPostgres } from '../db/dialect';
import { transaction } from '../db/transaction';
import { pendingImport } from '../db/schema';
import { createBank, getBank } from '../db/queries/banks';
import { insertQuestions } from '../db/queries/questions';
// Not the transfer index: this runs on the game's thread and must not load the parsers.
import { importInWorkerSerialized, type ImportSummary } from '../transfer/worker';
import { validateQuestion } from '../transfer/validate';
import type { ImportResult, Locale } from '../transfer/types';
import type { Question } from '../../quiz/question';
import { ownsUpload } from '../uploads';

export const PENDING_IMPORT_MS = 60 * 60 * 1000;
const PENDING_ID = /^[a-f0-9]{32}$/;

/** Parse an upload and keep the result for the commit step. */
export async function startImport(
	db: Db,
	input: {
		organizationId: number;
		bankId: number | null;
		filename: string;
		bytes: Uint8Array;
		locale?: Locale;
	},
	now = Date.now()
): Promise<{ id: string; summary: ImportSummary }> {
	// Parsing runs in a worker thread with a time limit, and its result stays one JSON string
	// on this thread (stored as it is): a live game shares this event loop.
	const { json, summary } = await importInWorkerSerialized({
		filename: input.filename,
		bytes: input.bytes,
		locale: input.locale
	});
	const id = crypto.randomBytes(16).toString('hex');
	await db.delete(pendingImport).where(lt(pendingImport.expiresAt, new Date(now)));
	await db.insert(pendingImport).values({
		id,
		organizationId: input.organizationId,
		bankId: input.bankId,
		filename: input.filename.slice(0, 200),
		// The JSON text as it is (SQLite's text column; PostgreSQL parses it into jsonb).
		result: isPostgres(db) ? sql`${json}::jsonb` : sql`${json}`,
		expiresAt: new Date(now + PENDING_IMPORT_MS)
	});
	return { id, summary };
}

export interface PendingView {
	id: string;
	bankId: number | null;
	filename: string;
	result: ImportResult;
}

/** The organization's unexpired pending import for this bank (null = new bank), or undefined. */
export async function getPendingImport(
	db: DbOrTx,
	organizationId: number,
	id: string,
	bankId: number | null,
	now = Date.now()
): Promise<PendingView | undefined> {
	if (!PENDING_ID.test(id)) return undefined;
	const [row] = await db
		.select()
		.from(pendingImport)
		.where(and(eq(pendingImport.id, id), eq(pendingImport.organizationId, organizationId)));
	if (!row || row.expiresAt.getTime() < now || row.bankId !== bankId) return undefined;
	return {
		id: row.id,
		bankId: row.bankId,
		filename: row.filename,
		result: row.result as ImportResult
	};
}

export type CommitOutcome =
	| { ok: true; bankId: number; count: number }
	| { ok: false; reason: 'not_found' | 'has_errors' | 'nothing' };

/**
 * Save a pending import. `mode: 'all'` refuses when the file had any error (all-or-nothing);
 * `mode: 'valid'` saves only the questions that passed. Every question is checked again, and
 * images that are not the organization's uploads are dropped.
 */
export async function commitImport(
	db: Db,
	organizationId: number,
	id: string,
	bankId: number | null,
	mode: 'all' | 'valid',
	options: { untitled: (filename: string) => string },
	now = Date.now()
): Promise<CommitOutcome> {
	return transaction(db, async (t): Promise<CommitOutcome> => {
		const pending = await getPendingImport(t, organizationId, id, bankId, now);
		if (!pending) return { ok: false, reason: 'not_found' };
		const { result } = pending;
		if (mode === 'all' && result.errors.length > 0) return { ok: false, reason: 'has_errors' };
		const questions: Question[] = [];
		for (const { line: _line, ...q } of result.draft.questions) {
			void _line;
			const question = { ...q } as Question;
			if (question.image && !(await ownsUpload(t, organizationId, question.image)))
				delete question.image;
			if (validateQuestion(question).length === 0) questions.push(question);
		}
		if (questions.length === 0) return { ok: false, reason: 'nothing' };
		if (bankId !== null && !(await getBank(t, organizationId, bankId)))
			return { ok: false, reason: 'not_found' };
		// Claim the pending import before saving: of two concurrent commits only one deletes its row
		// (PostgreSQL makes the other wait, then it deletes nothing) and saves the questions.
		const claimed = affected(await t.delete(pendingImport).where(eq(pendingImport.id, pending.id)));
		if (!claimed) return { ok: false, reason: 'not_found' };
		let targetId = bankId;
		if (targetId === null) {
			const draft = result.draft;
			const title = (draft.title?.trim() || options.untitled(pending.filename)).slice(0, 200);
			targetId = (
				await createBank(
					t,
					organizationId,
					{
						title,
						description: (draft.description ?? '').slice(0, 2000),
						tags: (draft.tags ?? []).slice(0, 10),
						visibility: 'private'
					},
					now
				)
			).id;
		}
		await insertQuestions(t, organizationId, targetId, questions, now);
		return { ok: true, bankId: targetId, count: questions.length };
	});
}
