/**
 * PostgreSQL through node-postgres (`pg`): a pool and drizzle over the mirror schema, with the
 * migrations in ./drizzle/pg applied. Not used by the app yet (it runs on SQLite, ./index.ts); see
 * docs/database.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { MIGRATIONS_DIR } from './index';
import * as schema from './schema-pg';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** Connect to `url` (postgres://…) and bring its schema up to date. Close with `db.$client.end()`. */
export async function openPostgres(url: string): Promise<PgDb> {
	const pool = new pg.Pool({ connectionString: url });
	// An idle connection that PostgreSQL closes (restart, failover, admin) is reported here; with
	// no listener the pool would rethrow it and end the process. The pool replaces it on next use.
	pool.on('error', (error) =>
		console.error('db: an idle PostgreSQL connection failed', error.message)
	);
	const db = drizzle(pool, { schema }) as PgDb;
	try {
		await migrate(db, { migrationsFolder: pgMigrationsDir() });
	} catch (error) {
		await pool.end();
		throw error;
	}
	return db;
}

/** drizzle-kit's PostgreSQL migrations: drizzle/pg beside SQLite's (same fallback as index.ts). */
function pgMigrationsDir(): string {
	const dir = path.join(MIGRATIONS_DIR, 'pg');
	if (fs.existsSync(path.join(dir, 'meta/_journal.json'))) return dir;
	return path.resolve('drizzle/pg');
}
