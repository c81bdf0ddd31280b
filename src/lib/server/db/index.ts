import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database, { type RunResult } from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/**
 * What a query function runs on: the database or the `tx` of an open `db.transaction((tx) => …)`
 * (whose own `transaction` is a savepoint). Both are drizzle's synchronous SQLite database, so a
 * function taking `DbOrTx` composes inside another's transaction without a cast; only `Db` has
 * `$client`, the raw driver.
 */
export type DbOrTx = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

/** Where drizzle-kit's migrations live: ./drizzle at the project root. */
export const MIGRATIONS_DIR = path.resolve(
	process.env.MIGRATIONS_DIR ??
		path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../../drizzle')
);

/** Open (creating if needed) a SQLite database with WAL, foreign keys and a busy timeout, and apply migrations. */
export function openDatabase(file: string): Db {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const client = new Database(file);
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	client.pragma('synchronous = NORMAL');
	const db = drizzle(client, { schema }) as Db;
	migrate(db, { migrationsFolder: resolveMigrationsDir() });
	return db;
}

function resolveMigrationsDir(): string {
	// Inside the SvelteKit build, import.meta.url points into build/; fall back to ./drizzle from cwd.
	if (fs.existsSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'))) return MIGRATIONS_DIR;
	return path.resolve('drizzle');
}

export { schema };
