import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite } from './index';

describe('migrations', () => {
	it('build a fresh database from nothing, and a second start changes nothing', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-mig-'));
		const file = path.join(dir, 'nested', 'app.db');
		const first = openSqlite(file);
		const tables = first.$client
			.prepare("select name from sqlite_master where type = 'table' order by name")
			.all()
			.map((r) => (r as { name: string }).name);
		expect(tables).toEqual(
			expect.arrayContaining(['organization', 'user', 'session', 'invite_token'])
		);
		const applied = first.$client
			.prepare('select count(*) as n from __drizzle_migrations')
			.get() as { n: number };
		const schemaBefore = first.$client.prepare('select sql from sqlite_master order by name').all();
		first.$client.close();

		const second = openSqlite(file);
		const appliedAgain = second.$client
			.prepare('select count(*) as n from __drizzle_migrations')
			.get() as { n: number };
		expect(appliedAgain.n).toBe(applied.n);
		expect(second.$client.prepare('select sql from sqlite_master order by name').all()).toEqual(
			schemaBefore
		);
		expect(second.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(second.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		second.$client.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
