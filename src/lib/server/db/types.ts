import type Database from 'better-sqlite3';
import type { RunResult } from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema';

/**
 * The app's database: SQLite (better-sqlite3) by default, or PostgreSQL (node-postgres) when
 * opened from a postgres:// URL. Query code is written once, against drizzle's SQLite types, and
 * runs on both: it awaits every query (never `.get()`/`.all()`/`.run()`, which only SQLite has),
 * opens transactions with `transaction()` from ./transaction, and asks `isPostgres(db)` where the
 * two dialects' SQL differ (docs/database.md). `$client` is the raw driver: a better-sqlite3
 * database, or a `pg.Pool` on PostgreSQL.
 */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/**
 * What a query function runs on: the database or the `tx` that `transaction(db, (tx) => …)`
 * hands its work (a nested `transaction(tx, …)` is a savepoint).
 */
export type DbOrTx = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;
