/**
 * What differs between the two databases, in one place for query code (docs/database.md).
 */
import { is } from 'drizzle-orm';
import { PgDatabase } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './types';

/** True when `db` (a database or a transaction's `tx`) is PostgreSQL. */
export function isPostgres(db: DbOrTx): boolean {
	return is(db, PgDatabase);
}

/**
 * Rows changed by an awaited insert/update/delete without `returning` (SQLite reports `changes`,
 * PostgreSQL `rowCount`).
 */
export function affected(result: unknown): number {
	const r = result as { changes?: number; rowCount?: number | null };
	return r.changes ?? r.rowCount ?? 0;
}

/**
 * Prepares a query once, to run many times with `await statement.execute({ …placeholders })`.
 * PostgreSQL names its prepared statements (`name` must be unique per SQL text); SQLite ignores it.
 */
export function prepared<P>(query: { prepare(): P }, name: string): P {
	return (query as unknown as { prepare(name: string): P }).prepare(name);
}

/**
 * A select that locks the rows it reads until the transaction ends (PostgreSQL's FOR UPDATE). On
 * SQLite the whole database is already locked by the writer's BEGIN IMMEDIATE, so it is the query
 * as it is. Use it where a transaction reads a row, decides, then writes it.
 */
export function forUpdate<Q>(db: DbOrTx, query: Q): Q {
	return isPostgres(db) ? (query as unknown as { for(s: 'update'): Q }).for('update') : query;
}
