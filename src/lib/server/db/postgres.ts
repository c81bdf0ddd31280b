/**
 * PostgreSQL through node-postgres (`pg`): a pool and drizzle over the mirror schema, with the
 * migrations in ./drizzle/pg applied. `openDatabase` (./index.ts) calls it for a postgres:// URL
 * (DATABASE_URL); see docs/database.md.
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
		await migrateOnce(pool, db);
	} catch (error) {
		await pool.end();
		throw error;
	}
	return db;
}

/** Any 64-bit key of our own: the advisory lock under which one node at a time migrates. */
const MIGRATION_LOCK = 7_270_015;

/**
 * Applies the migrations while holding an advisory lock, so that nodes starting together take
 * turns (drizzle's migrator has no lock of its own); the later ones find nothing left to apply.
 */
async function migrateOnce(pool: pg.Pool, db: PgDb): Promise<void> {
	const lock = await pool.connect();
	try {
		await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		await migrate(db, { migrationsFolder: pgMigrationsDir() });
	} finally {
		await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
		lock.release();
	}
}

/** drizzle-kit's PostgreSQL migrations: drizzle/pg beside SQLite's (same fallback as index.ts). */
function pgMigrationsDir(): string {
	const dir = path.join(MIGRATIONS_DIR, 'pg');
	if (fs.existsSync(path.join(dir, 'meta/_journal.json'))) return dir;
	return path.resolve('drizzle/pg');
}
