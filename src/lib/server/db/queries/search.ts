/** Accent-insensitive full-text search over the organization's questions (SQLite FTS5). */
import { sql } from 'drizzle-orm';
import type { Db } from '../index';
import type { Question } from '../../../quiz/question';
import { normalizeVietnamese } from '../../../quiz/vietnamese';

/** At most this many words of a query are used. */
const MAX_TERMS = 12;

/**
 * An FTS5 MATCH expression for what a person typed: diacritics removed, every word required,
 * with `prefix` the last one also as a prefix ("thu vi" finds "thử việc"). Null when nothing is
 * searchable.
 */
export function toFtsQuery(input: string, { prefix = true } = {}): string | null {
	const words = normalizeVietnamese(input)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean)
		.slice(0, MAX_TERMS);
	if (words.length === 0) return null;
	return words.map((w, i) => (prefix && i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

export interface SearchHit {
	id: number;
	bankId: number;
	bankTitle: string;
	position: number;
	body: Question;
}

export interface SearchOptions {
	limit?: number;
	/** Only this bank (still within the organization). */
	bankId?: number;
}

/**
 * The organization's questions matching `input`, best first (bm25). Whole words are searched
 * first: "cong doan" finds "công đoàn", not every "doanh nghiệp". Only when no question has them
 * all is the last word read as the start of a word still being typed ("thu vi" → "thử việc").
 */
export function searchQuestions(
	db: Db,
	organizationId: number,
	input: string,
	options: SearchOptions = {}
): SearchHit[] {
	const exact = toFtsQuery(input, { prefix: false });
	if (!exact) return [];
	const hits = runSearch(db, organizationId, exact, options);
	return hits.length > 0 ? hits : runSearch(db, organizationId, toFtsQuery(input)!, options);
}

function runSearch(
	db: Db,
	organizationId: number,
	match: string,
	options: SearchOptions
): SearchHit[] {
	const limit = Math.max(1, Math.min(200, options.limit ?? 50));
	const bankFilter = options.bankId === undefined ? sql`` : sql`and q.bank_id = ${options.bankId}`;
	const rows = db.all<{
		id: number;
		bank_id: number;
		bank_title: string;
		position: number;
		body: string;
	}>(sql`
		select q.id, q.bank_id, b.title as bank_title, q.position, q.body
		from question_fts f
		join question q on q.id = f.rowid
		join bank b on b.id = q.bank_id
		where question_fts match ${match}
			and q.organization_id = ${organizationId}
			${bankFilter}
		order by bm25(question_fts), q.id
		limit ${limit}
	`);
	return rows.map((r) => ({
		id: r.id,
		bankId: r.bank_id,
		bankTitle: r.bank_title,
		position: r.position,
		body: JSON.parse(r.body) as Question
	}));
}
