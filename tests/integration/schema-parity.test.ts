/**
 * Issue 15: the SQLite and PostgreSQL migrations build the same database. Both are applied to
 * empty databases (SQLite in memory, PostgreSQL in a database made for this run and dropped
 * after), read back from their catalogues and compared: tables, columns (name, nullability,
 * type, default), primary keys, indexes (unique, columns, partial WHERE) and foreign keys with their ON DELETE.
 * The mapping between the dialects is in docs/database.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { openSqlite, type Db } from '../../src/lib/server/db';
import * as sqliteSchema from '../../src/lib/server/db/schema';
import { openPostgres, type PgDb } from '../../src/lib/server/db/postgres';
import * as pgSchema from '../../src/lib/server/db/schema-pg';
import { PG_HOW_TO_START, PG_TEST_URL } from '../../src/lib/server/db/test-databases';

const PG_URL = PG_TEST_URL;

interface Column {
	name: string;
	notNull: boolean;
	/** The stored type plus, for SQLite integers and text, what the app reads them as. */
	type: string;
	default: string | null;
}
interface Index {
	name: string;
	unique: boolean;
	columns: string[];
	/** The WHERE of a partial index, normalized (no casts, parentheses or case). */
	where: string | null;
}
interface ForeignKey {
	columns: string[];
	table: string;
	refColumns: string[];
	onDelete: string;
}
interface Table {
	columns: Column[];
	primaryKey: string[];
	indexes: Index[];
	foreignKeys: ForeignKey[];
}
type Shape = Record<string, Table>;

/** PostgreSQL type → the SQLite type and drizzle mode it stands for. */
const PG_TYPE: Record<string, string> = {
	integer: 'integer',
	bigint: 'integer',
	boolean: 'integer:boolean',
	'timestamp with time zone': 'integer:timestamp',
	text: 'text',
	jsonb: 'text:json',
	'double precision': 'real'
};
/** drizzle's SQLite column kinds whose values the app reads as something else than stored. */
const SQLITE_MODE: Record<string, string> = {
	SQLiteBoolean: ':boolean',
	SQLiteTimestamp: ':timestamp',
	SQLiteTextJson: ':json'
};
/** ON DELETE as pg_constraint.confdeltype spells it. */
const PG_ON_DELETE: Record<string, string> = {
	a: 'no action',
	r: 'restrict',
	c: 'cascade',
	n: 'set null',
	d: 'set default'
};
/**
 * Dialect differences that are intended (docs/database.md): SQLite's search is an FTS5 table kept
 * by triggers, PostgreSQL's a GIN index; the public_id default '' exists only because SQLite's
 * ALTER TABLE ADD … NOT NULL needs one (every insert sets the column).
 */
const PG_SEARCH_INDEX = 'question_search_idx';
const SQLITE_FTS_TABLE = 'question_fts';
const SQLITE_ONLY_DEFAULTS = ['contest_attempt.public_id'];

const predicate = (where: string | null | undefined) =>
	where
		? where
				.replace(/::[a-z ]+/g, '')
				.replace(/[()]/g, '')
				.replace(/\s+/g, ' ')
				.trim()
				.toLowerCase()
		: null;
const byName = <T extends { name: string }>(items: T[]) =>
	items.sort((a, b) => a.name.localeCompare(b.name));
const byColumns = (items: ForeignKey[]) =>
	items.sort((a, b) => a.columns.join().localeCompare(b.columns.join()));

function sqliteModes(): Map<string, string> {
	const modes = new Map<string, string>();
	for (const value of Object.values(sqliteSchema)) {
		if (!is(value, SQLiteTable)) continue;
		const config = getTableConfig(value);
		for (const column of config.columns)
			modes.set(`${config.name}.${column.name}`, SQLITE_MODE[column.columnType] ?? '');
	}
	return modes;
}

function readSqlite(db: Db): Shape {
	const client = db.$client;
	const all = <T>(query: string, ...params: unknown[]) =>
		client.prepare(query).all(...params) as T[];
	const modes = sqliteModes();
	const virtual = all<{ name: string }>(
		"select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'"
	).map((t) => t.name);
	const names = all<{ name: string }>(
		"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name"
	)
		.map((t) => t.name)
		// An FTS5 table and the shadow tables it owns (question_fts_data, …).
		.filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
	const shape: Shape = {};
	for (const table of names) {
		const info = all<{
			name: string;
			type: string;
			notnull: number;
			dflt_value: string | null;
			pk: number;
		}>(`pragma table_info("${table}")`);
		const indexes = all<{ name: string; unique: number; origin: string }>(
			`pragma index_list("${table}")`
		).filter((i) => i.origin !== 'pk');
		const foreignKeys = new Map<number, ForeignKey>();
		for (const fk of all<{
			id: number;
			table: string;
			from: string;
			to: string;
			on_delete: string;
		}>(`pragma foreign_key_list("${table}")`)) {
			const entry = foreignKeys.get(fk.id) ?? {
				columns: [],
				table: fk.table,
				refColumns: [],
				onDelete: fk.on_delete.toLowerCase()
			};
			entry.columns.push(fk.from);
			entry.refColumns.push(fk.to);
			foreignKeys.set(fk.id, entry);
		}
		shape[table] = {
			columns: byName(
				info.map((c) => ({
					name: c.name,
					notNull: c.notnull === 1,
					type: c.type.toLowerCase() + (modes.get(`${table}.${c.name}`) ?? ''),
					default: SQLITE_ONLY_DEFAULTS.includes(`${table}.${c.name}`) ? null : c.dflt_value
				}))
			),
			primaryKey: info
				.filter((c) => c.pk > 0)
				.sort((a, b) => a.pk - b.pk)
				.map((c) => c.name),
			indexes: byName(
				indexes.map((i) => ({
					name: i.name,
					unique: i.unique === 1,
					columns: all<{ name: string }>(`pragma index_info("${i.name}")`).map((c) => c.name),
					where: predicate(
						all<{ sql: string }>(
							'select sql from sqlite_master where name = ?',
							i.name
						)[0]?.sql.match(/\bwhere\b(.*)$/is)?.[1]
					)
				}))
			),
			foreignKeys: byColumns([...foreignKeys.values()])
		};
	}
	return shape;
}

async function readPostgres(client: pg.Pool): Promise<Shape> {
	const rows = async <T>(query: string, params: unknown[] = []) =>
		(await client.query(query, params)).rows as T[];
	const tables = await rows<{ table_name: string }>(
		`select table_name from information_schema.tables
		 where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
	);
	const shape: Shape = {};
	for (const { table_name: table } of tables) {
		const columns = await rows<{
			column_name: string;
			is_nullable: string;
			data_type: string;
			column_default: string | null;
		}>(
			`select column_name, is_nullable, data_type, column_default from information_schema.columns
			 where table_schema = 'public' and table_name = $1`,
			[table]
		);
		const primaryKey = await rows<{ name: string }>(
			`select a.attname as name
			 from pg_constraint c
			 cross join lateral unnest(c.conkey) with ordinality as k(attnum, n)
			 join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
			 where c.conrelid = $1::regclass and c.contype = 'p' order by k.n`,
			[`public."${table}"`]
		);
		const indexes = await rows<{
			name: string;
			unique: boolean;
			columns: string[];
			where: string | null;
		}>(
			`select ic.relname as name, i.indisunique as unique, pg_get_expr(i.indpred, i.indrelid) as where,
				array(select coalesce(a.attname::text, '(expression)')
				      from unnest(i.indkey::int2[]) with ordinality as k(attnum, n)
				      left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
				      order by k.n) as columns
			 from pg_index i join pg_class ic on ic.oid = i.indexrelid
			 where i.indrelid = $1::regclass and not i.indisprimary`,
			[`public."${table}"`]
		);
		const foreignKeys = await rows<{
			columns: string[];
			table: string;
			ref_columns: string[];
			del: string;
		}>(
			`select c.confrelid::regclass::text as table, c.confdeltype as del,
				array(select a.attname::text from unnest(c.conkey) with ordinality as k(attnum, n)
				      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.n) as columns,
				array(select a.attname::text from unnest(c.confkey) with ordinality as k(attnum, n)
				      join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum order by k.n) as ref_columns
			 from pg_constraint c where c.conrelid = $1::regclass and c.contype = 'f'`,
			[`public."${table}"`]
		);
		shape[table] = {
			columns: byName(
				columns.map((c) => ({
					name: c.column_name,
					notNull: c.is_nullable === 'NO',
					type: PG_TYPE[c.data_type] ?? c.data_type,
					// '…'::text → '…': SQLite keeps the literal as written.
					default: c.column_default?.replace(/::[a-z ]+$/, '') ?? null
				}))
			),
			primaryKey: primaryKey.map((c) => c.name),
			indexes: byName(
				indexes
					.filter((i) => i.name !== PG_SEARCH_INDEX)
					.map((i) => ({ ...i, where: predicate(i.where) }))
			),
			foreignKeys: byColumns(
				foreignKeys.map((fk) => ({
					columns: fk.columns,
					table: fk.table.replace(/^"(.*)"$/, '$1'),
					refColumns: fk.ref_columns,
					onDelete: PG_ON_DELETE[fk.del]
				}))
			)
		};
	}
	return shape;
}

let sqlite: Db;
let admin: pg.Client | undefined;
let database: string | undefined;
let migrated: PgDb | undefined;
let unreachable: Error | undefined;

beforeAll(async () => {
	sqlite = openSqlite(':memory:');
	const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
	try {
		await client.connect();
	} catch (error) {
		// Every test then fails with this one line (a throwing beforeAll only marks them skipped).
		unreachable = new Error(
			`PostgreSQL is not reachable at ${PG_URL} (${String(error)}): ${PG_HOW_TO_START}`
		);
		return;
	}
	admin = client;
	database = `cv_parity_${process.pid}_${randomBytes(4).toString('hex')}`;
	await admin.query(`create database "${database}"`);
	const url = new URL(PG_URL);
	url.pathname = `/${database}`;
	migrated = await openPostgres(url.href);
});

afterAll(async () => {
	sqlite?.$client.close();
	await migrated?.$client.end();
	if (database) await admin?.query(`drop database if exists "${database}" with (force)`);
	await admin?.end();
});

/** The migrated PostgreSQL database of this run, or the one-line reason there is none. */
function postgresDb(): PgDb {
	if (!migrated) throw unreachable ?? new Error('PostgreSQL migrations were not applied');
	return migrated;
}

describe('SQLite and PostgreSQL schemas', () => {
	it('have the same tables, columns, keys, indexes and foreign keys', async () => {
		const postgres = postgresDb();
		const fromSqlite = readSqlite(sqlite);
		const fromPostgres = await readPostgres(postgres.$client);
		expect(Object.keys(fromSqlite).length).toBeGreaterThan(30);
		expect(Object.keys(fromPostgres).sort()).toEqual(Object.keys(fromSqlite).sort());
		for (const table of Object.keys(fromSqlite))
			expect({ table, ...fromPostgres[table] }).toEqual({ table, ...fromSqlite[table] });
	});

	it('keep epoch milliseconds and 32-bit seeds in 64-bit columns on PostgreSQL', async () => {
		const postgres = postgresDb();
		const { rows } = await postgres.$client.query<{ column: string; data_type: string }>(
			`select table_name || '.' || column_name as column, data_type from information_schema.columns
			 where table_schema = 'public' and data_type not in ('bigint', 'timestamp with time zone')
			   and (column_name = 'at' or column_name like '%\\_at' or column_name = 'seed')`
		);
		expect(rows).toEqual([]);
	});

	it('search folded question text by whole words and prefixes through the GIN index', async () => {
		const postgres = postgresDb();
		const [organization] = await postgres
			.insert(pgSchema.organization)
			.values({ slug: 'parity', name: 'Công đoàn', createdAt: new Date(1_767_225_600_123) })
			.returning();
		expect(organization.createdAt.getTime()).toBe(1_767_225_600_123);
		const now = new Date();
		const [bank] = await postgres
			.insert(pgSchema.bank)
			.values({ organizationId: organization.id, title: 'Bộ luật', createdAt: now, updatedAt: now })
			.returning();
		expect(bank.tags).toEqual([]);
		const body = { type: 'single', text: 'Công đoàn cơ sở' } as never;
		await postgres.insert(pgSchema.question).values(
			['cong doan co so', 'doanh nghiep tra luong', 'thoi gian thu viec'].map((searchText, i) => ({
				bankId: bank.id,
				organizationId: organization.id,
				position: i,
				type: 'single' as const,
				body,
				searchText,
				createdAt: now,
				updatedAt: now
			}))
		);
		const search = async (query: string) =>
			(
				await postgres.$client.query<{ search_text: string }>(
					`select search_text from question
					 where to_tsvector('simple', search_text) @@ to_tsquery('simple', $1) order by id`,
					[query]
				)
			).rows.map((r) => r.search_text);
		expect(await search('cong & doan')).toEqual(['cong doan co so']);
		expect(await search('doan')).toEqual(['cong doan co so']);
		expect(await search('doan:*')).toEqual(['cong doan co so', 'doanh nghiep tra luong']);
		expect(await search('thu & vi:*')).toEqual(['thoi gian thu viec']);

		const client = await postgres.$client.connect();
		try {
			await client.query('set enable_seqscan = off');
			const plan = await client.query(
				`explain select id from question where to_tsvector('simple', search_text) @@ to_tsquery('simple', 'doan')`
			);
			expect(JSON.stringify(plan.rows)).toContain(PG_SEARCH_INDEX);
		} finally {
			client.release();
		}
		const fts = sqlite.$client
			.prepare('select sql from sqlite_master where name = ?')
			.get(SQLITE_FTS_TABLE) as { sql: string };
		expect(fts.sql).toContain('fts5');
	});

	it('read 32-bit seeds and epoch milliseconds back as the same numbers', async () => {
		const postgres = postgresDb();
		const [organization] = await postgres
			.insert(pgSchema.organization)
			.values({ slug: 'seeds', name: 'Seeds', createdAt: new Date() })
			.returning();
		const [game] = await postgres
			.insert(pgSchema.game)
			.values({
				organizationId: organization.id,
				title: 'Rung chuông vàng',
				pin: '123456',
				mode: 'classic',
				options: { timeLimit: 20 },
				questions: [],
				mainCount: 0,
				seed: 2 ** 32 - 1,
				createdAt: new Date()
			})
			.returning();
		await postgres
			.insert(pgSchema.gameCommand)
			.values({ gameId: game.id, seq: 1, command: '{}', at: 1_767_225_600_123 });
		const [command] = await postgres.select().from(pgSchema.gameCommand);
		expect({ seed: game.seed, at: command.at, locked: game.locked, options: game.options }).toEqual(
			{
				seed: 2 ** 32 - 1,
				at: 1_767_225_600_123,
				locked: false,
				options: { timeLimit: 20 }
			}
		);
	});

	it('keep serving after PostgreSQL closes an idle connection', async () => {
		const postgres = postgresDb();
		await postgres.$client.query('select 1');
		const idle = postgres.$client.idleCount;
		expect(idle).toBeGreaterThan(0);
		let removed = 0;
		const allRemoved = new Promise<void>((resolve) =>
			postgres.$client.on('remove', () => {
				if (++removed === idle) resolve();
			})
		);
		await admin?.query(
			'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
			[database]
		);
		await allRemoved;
		const { rows } = await postgres.$client.query<{ n: number }>('select 1 as n');
		expect(rows).toEqual([{ n: 1 }]);
	});
});
