/**
 * Accent-insensitive full-text search over the organization's questions: SQLite's FTS5 table
 * `question_fts`, or PostgreSQL's GIN index on `to_tsvector('simple', search_text)`. Both see the
 * same folded words (`questionSearchText`), so both find the same questions (docs/database.md).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../index';
import { isPostgres } from '../dialect';
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
	const words = searchWords(input);
	if (words.length === 0) return null;
	return words.map((w, i) => (prefix && i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

/**
 * The same query for PostgreSQL's `to_tsquery('simple', …)`: every word required (`&`), with
 * `prefix` the last one also as a prefix (`:*`). Words are letters and digits only, so nothing
 * typed is read as tsquery syntax. Null when nothing is searchable.
 */
export function toTsQuery(input: string, { prefix = true } = {}): string | null {
	const words = searchWords(input);
	if (words.length === 0) return null;
	return words.map((w, i) => (prefix && i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

function searchWords(input: string): string[] {
	return normalizeVietnamese(input)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean)
		.slice(0, MAX_TERMS);
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
 * The organization's questions matching `input`, best first (bm25 on SQLite, ts_rank on
 * PostgreSQL; ties by id). Whole words are searched
 * first: "cong doan" finds "công đoàn", not every "doanh nghiệp". Only when no question has them
 * all is the last word read as the start of a word still being typed ("thu vi" → "thử việc").
 */
export async function searchQuestions(
	db: Db,
	organizationId: number,
	input: string,
	options: SearchOptions = {}
): Promise<SearchHit[]> {
	const prefix = { prefix: false };
	const exact = isPostgres(db) ? toTsQuery(input, prefix) : toFtsQuery(input, prefix);
	if (!exact) return [];
	const hits = await runSearch(db, organizationId, exact, options);
	if (hits.length > 0) return hits;
	const typing = isPostgres(db) ? toTsQuery(input) : toFtsQuery(input);
	return runSearch(db, organizationId, typing!, options);
}

/** PostgreSQL's raw query: drizzle's `execute` gives node-postgres's result. */
type PgExecute = { execute(query: SQL): Promise<{ rows: HitRow[] }> };

interface HitRow {
	id: number;
	bank_id: number;
	bank_title: string;
	position: number;
	/** JSON text from SQLite, the parsed jsonb from PostgreSQL. */
	body: string | Question;
}

async function runSearch(
	db: Db,
	organizationId: number,
	match: string,
	options: SearchOptions
): Promise<SearchHit[]> {
	const limit = Math.max(1, Math.min(200, options.limit ?? 50));
	const bankFilter = options.bankId === undefined ? sql`` : sql`and q.bank_id = ${options.bankId}`;
	const query = isPostgres(db)
		? // The very expression of question_search_idx, so the GIN index answers the match.
			// ts_rank normalization 1 divides by 1 + log(length): shorter questions first, as bm25.
			sql`
		select q.id, q.bank_id, b.title as bank_title, q.position, q.body
		from question q
		join bank b on b.id = q.bank_id
		where to_tsvector('simple', q.search_text) @@ to_tsquery('simple', ${match})
			and q.organization_id = ${organizationId}
			${bankFilter}
		order by ts_rank(to_tsvector('simple', q.search_text), to_tsquery('simple', ${match}), 1) desc, q.id
		limit ${limit}
	`
		: sql`
		select q.id, q.bank_id, b.title as bank_title, q.position, q.body
		from question_fts f
		join question q on q.id = f.rowid
		join bank b on b.id = q.bank_id
		where question_fts match ${match}
			and q.organization_id = ${organizationId}
			${bankFilter}
		order by bm25(question_fts), q.id
		limit ${limit}
	`;
	const rows = isPostgres(db)
		? (await (db as unknown as PgExecute).execute(query)).rows
		: db.all<HitRow>(query);
	return rows.map((r) => ({
		id: r.id,
		bankId: r.bank_id,
		bankTitle: r.bank_title,
		position: r.position,
		body: typeof r.body === 'string' ? (JSON.parse(r.body) as Question) : r.body
	}));
}
