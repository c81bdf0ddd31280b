/**
 * Two-step import: the uploaded file is parsed and its result kept server-side as a pending
 * import (random id, owned by the organization, expiring), so "Nhập" saves exactly what the
 * preview showed — the client never sends questions back.
 */
import crypto from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
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
	db.delete(pendingImport)
		.where(lt(pendingImport.expiresAt, new Date(now)))
		.run();
	db.insert(pendingImport)
		.values({
			id,
			organizationId: input.organizationId,
			bankId: input.bankId,
			filename: input.filename.slice(0, 200),
			result: sql`${json}`,
			expiresAt: new Date(now + PENDING_IMPORT_MS)
		})
		.run();
	return { id, summary };
}

export interface PendingView {
	id: string;
	bankId: number | null;
	filename: string;
	result: ImportResult;
}

/** The organization's unexpired pending import for this bank (null = new bank), or undefined. */
export function getPendingImport(
	db: DbOrTx,
	organizationId: number,
	id: string,
	bankId: number | null,
	now = Date.now()
): PendingView | undefined {
	if (!PENDING_ID.test(id)) return undefined;
	const row = db
		.select()
		.from(pendingImport)
		.where(and(eq(pendingImport.id, id), eq(pendingImport.organizationId, organizationId)))
		.get();
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
export function commitImport(
	db: Db,
	organizationId: number,
	id: string,
	bankId: number | null,
	mode: 'all' | 'valid',
	options: { untitled: (filename: string) => string },
	now = Date.now()
): CommitOutcome {
	return db.transaction((t) => {
		const pending = getPendingImport(t, organizationId, id, bankId, now);
		if (!pending) return { ok: false, reason: 'not_found' };
		const { result } = pending;
		if (mode === 'all' && result.errors.length > 0) return { ok: false, reason: 'has_errors' };
		const questions: Question[] = result.draft.questions
			.map(({ line: _line, ...q }) => {
				void _line;
				const question = { ...q } as Question;
				if (question.image && !ownsUpload(t, organizationId, question.image)) delete question.image;
				return question;
			})
			.filter((q) => validateQuestion(q).length === 0);
		if (questions.length === 0) return { ok: false, reason: 'nothing' };
		let targetId = bankId;
		if (targetId === null) {
			const draft = result.draft;
			const title = (draft.title?.trim() || options.untitled(pending.filename)).slice(0, 200);
			targetId = createBank(
				t,
				organizationId,
				{
					title,
					description: (draft.description ?? '').slice(0, 2000),
					tags: (draft.tags ?? []).slice(0, 10),
					visibility: 'private'
				},
				now
			).id;
		} else if (!getBank(t, organizationId, targetId)) return { ok: false, reason: 'not_found' };
		insertQuestions(t, organizationId, targetId, questions, now);
		t.delete(pendingImport).where(eq(pendingImport.id, pending.id)).run();
		return { ok: true, bankId: targetId, count: questions.length };
	});
}
