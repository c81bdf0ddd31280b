/**
 * Databases for tests. The data suite runs twice in `npm test`: on SQLite (in memory, or a file
 * when a test restarts a server on it) and, with TEST_DATABASE=pg (vitest's "postgres" project),
 * on PostgreSQL, where each test database is a fresh database copied from a template that holds
 * the migrated schema (about 0.1 s; the template is made once per schema and reused).
 *
 * PostgreSQL is reached through PG_TEST_URL (default postgres://postgres@127.0.0.1:5432/test; the
 * role must be allowed to create databases). When it cannot be reached the test fails with one
 * line saying how to start it: nothing is skipped.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closeDatabase, MIGRATIONS_DIR, openDatabase, type Db } from './index';

export const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const PG_HOW_TO_START =
	'start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` or set PG_TEST_URL';

/** The database this test process runs on: TEST_DATABASE=pg, or SQLite. */
export function testDialect(): 'sqlite' | 'pg' {
	return process.env.TEST_DATABASE === 'pg' ? 'pg' : 'sqlite';
}

const opened: Db[] = [];
const created: string[] = [];

/**
 * Where a new, empty test database is: a postgres:// URL (TEST_DATABASE=pg), a new SQLite file
 * (`file`, for tests that close and reopen it) or SQLite's `:memory:`.
 */
export async function newTestDatabase(kind: 'memory' | 'file' = 'memory'): Promise<string> {
	if (testDialect() === 'pg') return createPgDatabase();
	if (kind === 'memory') return ':memory:';
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-test-'));
	return path.join(dir, 'test.db');
}

/** Opens a test database (a new one unless `location` is given); closed by `closeTestDatabases`. */
export async function openTestDb(location?: string): Promise<Db> {
	const db = await openDatabase(location ?? (await newTestDatabase()));
	opened.push(db);
	return db;
}

/** Closes every database `openTestDb` opened and drops the PostgreSQL ones (vitest's afterAll). */
export async function closeTestDatabases(): Promise<void> {
	for (const db of opened.splice(0)) await closeDatabase(db).catch(() => undefined);
	if (created.length === 0) return;
	await withAdmin(async (admin) => {
		for (const name of created.splice(0))
			await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
	});
}

/**
 * A fresh PostgreSQL database from the template of the current migrations; returns its URL. It is
 * dropped by `closeTestDatabases` (the multi-node test hands it to its server processes).
 */
export async function createPgDatabase(): Promise<string> {
	const template = await ensureTemplate();
	const name = `cv_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
	await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
	created.push(name);
	return urlFor(name);
}

let template: Promise<string> | undefined;

/**
 * The template database for the migrations in drizzle/pg (named by their hash, so a schema change
 * makes a new one). Test processes run in parallel: an advisory lock lets one of them build it.
 */
function ensureTemplate(): Promise<string> {
	template ??= (async () => {
		const name = `cv_template_${migrationsHash()}`;
		await withAdmin(async (admin) => {
			await admin.query('SELECT pg_advisory_lock(727001)');
			try {
				const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
				if (found.rowCount) return;
				const building = `${name}_build_${process.pid}`;
				await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
				await admin.query(`CREATE DATABASE "${building}"`);
				const db = await openDatabase(urlFor(building));
				await closeDatabase(db);
				await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
			} finally {
				await admin.query('SELECT pg_advisory_unlock(727001)');
			}
		});
		return name;
	})();
	return template;
}

function migrationsHash(): string {
	const dir = path.join(MIGRATIONS_DIR, 'pg');
	const hash = crypto.createHash('sha256');
	for (const file of fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort())
		hash.update(fs.readFileSync(path.join(dir, file)));
	return hash.digest('hex').slice(0, 12);
}

function urlFor(database: string): string {
	const url = new URL(PG_TEST_URL);
	url.pathname = `/${database}`;
	return url.toString();
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
	const admin = new pg.Client({ connectionString: PG_TEST_URL });
	try {
		await admin.connect();
	} catch (error) {
		throw new Error(
			`PostgreSQL is not reachable at ${PG_TEST_URL} (${(error as Error).message}): ${PG_HOW_TO_START}`,
			{ cause: error }
		);
	}
	try {
		return await work(admin);
	} finally {
		await admin.end();
	}
}
