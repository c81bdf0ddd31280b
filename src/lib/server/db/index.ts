import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type { Db, DbOrTx } from './types';
import type { Db } from './types';

/** Where drizzle-kit's migrations live: ./drizzle at the project root (PostgreSQL's in ./drizzle/pg). */
export const MIGRATIONS_DIR = path.resolve(
	process.env.MIGRATIONS_DIR ??
		path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../../drizzle')
);

/** True for a database location that names PostgreSQL (postgres:// or postgresql://). */
export function isPostgresUrl(location: string): boolean {
	return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the database at `location` and applies its migrations: a postgres:// URL opens PostgreSQL
 * (and binds the process's tables to it, see ./schema.ts); anything else is a SQLite file (or
 * `:memory:`). Close it with `closeDatabase`.
 */
export async function openDatabase(location: string): Promise<Db> {
	if (!isPostgresUrl(location)) return openSqlite(location);
	schema.useDialect('pg');
	const { openPostgres } = await import('./postgres');
	return (await openPostgres(location)) as unknown as Db;
}

/** Closes what `openDatabase` opened (SQLite's file handle, or PostgreSQL's pool). */
export async function closeDatabase(db: Db): Promise<void> {
	const client = db.$client as unknown as
		{ end: () => Promise<void> } | { open: boolean; close: () => void };
	if ('end' in client) await client.end();
	else if (client.open) client.close();
}

/** Open (creating if needed) a SQLite database with WAL, foreign keys and a busy timeout, and apply migrations. */
export function openSqlite(file: string): Db {
	schema.useDialect('sqlite');
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

export { transaction } from './transaction';
export { affected, forUpdate, isPostgres, perConnection, prepared } from './dialect';
export { schema };
