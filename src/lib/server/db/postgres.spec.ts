import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, MIGRATIONS_DIR, openDatabase, type Db } from './index';
import type { PgDb } from './postgres';
import { createPgDatabase, closeTestDatabases } from './test-databases';

const opened: Db[] = [];
afterAll(async () => {
	for (const db of opened) await closeDatabase(db);
	await closeTestDatabases();
});

describe('PostgreSQL start-up', () => {
	it('lets nodes that start together on an empty database migrate it once, without failing', async () => {
		// createPgDatabase copies a migrated template: start from an empty database instead.
		const url = await createPgDatabase();
		const opening = await openDatabase(url);
		opened.push(opening);
		const admin = opening as unknown as PgDb;
		await admin.execute(
			sql.raw(
				'DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS drizzle CASCADE'
			)
		);
		const nodes = await Promise.all([openDatabase(url), openDatabase(url), openDatabase(url)]);
		opened.push(...nodes);
		const journal = JSON.parse(
			fs.readFileSync(path.join(MIGRATIONS_DIR, 'pg/meta/_journal.json'), 'utf8')
		) as { entries: unknown[] };
		const applied = await admin.execute(
			sql.raw('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')
		);
		expect((applied.rows[0] as { n: number }).n).toBe(journal.entries.length);
		const tables = await admin.execute(
			sql.raw(
				"SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'"
			)
		);
		expect((tables.rows[0] as { n: number }).n).toBeGreaterThan(30);
	});
});
