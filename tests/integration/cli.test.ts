import { describe, expect, it, beforeAll, afterEach, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { user } from '../../src/lib/server/db/schema';
import { newTestDatabase, openTestDb, testDialect } from '../../src/lib/server/db/test-databases';
import type { AppContext } from '../../src/lib/server/app';
import { testApp } from '../../src/lib/server/app-testing';
import { runCli as runCliIn } from '../../src/lib/server/cli/main';
import { seedDemo } from '../../src/lib/server/seed';
import { login } from '../../src/lib/server/auth/accounts';
import { LoginGuard } from '../../src/lib/server/auth/login-guard';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-cli-'));
let db: Db;
let app: AppContext;
/** The CLI over this test's app. */
const runCli = (argv: string[], io: Parameters<typeof runCliIn>[1]) => runCliIn(argv, io, app);

function capture() {
	const lines = { out: [] as string[], err: [] as string[] };
	return {
		lines,
		io: { out: (s: string) => lines.out.push(s), err: (s: string) => lines.err.push(s) }
	};
}

beforeAll(async () => {
	// A file on SQLite: `db backup` copies it.
	db = await openTestDb(await newTestDatabase('file'));
	app = await testApp({ db });
	await seedDemo(db);
});

describe('npm run cli', () => {
	it('prints a set-up link while there is no account, and refuses once there is one', async () => {
		const a = capture();
		expect(await runCli(['setup-link'], a.io)).toBe(0);
		expect(a.lines.out[0]).toMatch(/\/setup\/[a-z2-7]{32}$/);

		expect(
			await runCli(
				[
					'user',
					'create',
					'lan',
					'--org',
					'demo',
					'--role',
					'organizer',
					'--password',
					'mat-khau-123',
					'--name',
					'Lê Thị Lan'
				],
				capture().io
			)
		).toBe(0);
		const b = capture();
		expect(await runCli(['setup-link'], b.io)).toBe(1);
		expect(b.lines.err.join()).toContain('an administrator already exists');
	});

	it('creates a user who can then log in', async () => {
		expect(
			await runCli(
				['user', 'create', 'minh', '--org', 'demo', '--role', 'host', '--password', 'mat-khau-123'],
				capture().io
			)
		).toBe(0);
		const result = await login(db, 'minh', 'mat-khau-123', '10.0.0.1', undefined, new LoginGuard());
		expect(result.ok).toBe(true);
	});

	it.each([
		[
			['user', 'create', 'x!', '--org', 'demo', '--role', 'host', '--password', 'mat-khau-123'],
			1,
			/username must be/
		],
		[
			[
				'user',
				'create',
				'ok-name',
				'--org',
				'nope',
				'--role',
				'host',
				'--password',
				'mat-khau-123'
			],
			1,
			/no organization "nope"/
		],
		[
			[
				'user',
				'create',
				'ok-name',
				'--org',
				'demo',
				'--role',
				'boss',
				'--password',
				'mat-khau-123'
			],
			2,
			/--role must be one of/
		],
		[
			['user', 'create', 'ok-name', '--org', 'demo', '--role', 'host', '--password', 'short'],
			1,
			/8–200/
		],
		[['user', 'reset-password', 'ghost', '--password', 'mat-khau-123'], 1, /no user "ghost"/],
		[['frobnicate'], 2, /unknown command/]
	])('refuses %j with exit code %i and a clear message', async (argv, code, message) => {
		const c = capture();
		expect(await runCli(argv as string[], c.io)).toBe(code);
		expect(c.lines.err.join('\n')).toMatch(message);
	});

	it('resets a password so the old one stops working', async () => {
		await runCli(
			['user', 'create', 'tuan', '--org', 'demo', '--role', 'host', '--password', 'mat-khau-cu-1'],
			capture().io
		);
		expect(
			await runCli(['user', 'reset-password', 'tuan', '--password', 'mat-khau-moi-2'], capture().io)
		).toBe(0);
		const guard = new LoginGuard();
		expect((await login(db, 'tuan', 'mat-khau-cu-1', '10.0.0.2', undefined, guard)).ok).toBe(false);
		expect((await login(db, 'tuan', 'mat-khau-moi-2', '10.0.0.2', undefined, guard)).ok).toBe(true);
	});

	it.skipIf(testDialect() === 'pg')(
		'backs up the live SQLite database to a file that opens with the same users',
		async () => {
			const target = path.join(dir, 'backup', 'copy.db');
			const c = capture();
			expect(await runCli(['db', 'backup', target], c.io)).toBe(0);
			const copy = await openTestDb(target);
			const names = await copy
				.select({ username: user.username })
				.from(user)
				.orderBy(asc(user.username));
			expect(names).toEqual(expect.arrayContaining([{ username: 'minh' }, { username: 'lan' }]));
			expect(await runCli(['db', 'backup', target], capture().io)).toBe(2);
		}
	);

	it.runIf(testDialect() === 'pg')(
		'says on PostgreSQL that backing up is pg_dump’s job, and writes nothing',
		async () => {
			const target = path.join(dir, 'backup', 'pg.db');
			const c = capture();
			expect(await runCli(['db', 'backup', target], c.io)).toBe(1);
			expect(c.lines.err.join('\n')).toMatch(/PostgreSQL.*pg_dump/);
			expect(fs.existsSync(target)).toBe(false);
		}
	);
});

describe('npm run cli with its own configuration', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('refuses a DATABASE_URL that is not PostgreSQL, without printing its password', async () => {
		vi.stubEnv('DATABASE_URL', 'mysql://chuongvang:bi-mat-42@127.0.0.1:3306/chuongvang');
		const c = capture();
		// No app given: the CLI reads the environment, as `npm run cli` does.
		expect(await runCliIn(['user', 'list'], c.io)).toBe(2);
		const printed = [...c.lines.out, ...c.lines.err].join('\n');
		expect(printed).toMatch(/bad configuration: DATABASE_URL must be a postgres:\/\/ address/);
		expect(printed).not.toContain('bi-mat-42');
	});
});
