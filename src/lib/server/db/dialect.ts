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
 * Statements prepared once per connection: `prepare(on)` builds a set of `prepared(…)` statements
 * on `on`, and the returned function gives the set for a database or a transaction's `tx`. A
 * prepared statement runs on the connection it was prepared on: SQLite has one, so one set serves
 * everything; PostgreSQL runs each transaction on one connection of its pool, so each connection
 * (drizzle's `session.client`: the pool itself outside a transaction) gets its own set, prepared
 * the first time it is asked for and reused by every later transaction on that connection.
 */
export function perConnection<T>(db: DbOrTx, prepare: (on: DbOrTx) => T): (tx: DbOrTx) => T {
	if (!isPostgres(db)) {
		const one = prepare(db);
		return () => one;
	}
	const sets = new WeakMap<object, T>();
	return (tx) => {
		const connection = (tx as unknown as { session: { client: object } }).session.client;
		let set = sets.get(connection);
		if (!set) sets.set(connection, (set = prepare(tx)));
		return set;
	};
}

/**
 * A select that locks the rows it reads until the transaction ends (PostgreSQL's FOR UPDATE). On
 * SQLite the whole database is already locked by the writer's BEGIN IMMEDIATE, so it is the query
 * as it is. Use it where a transaction reads a row, decides, then writes it.
 */
export function forUpdate<Q>(db: DbOrTx, query: Q): Q {
	return isPostgres(db) ? (query as unknown as { for(s: 'update'): Q }).for('update') : query;
}
