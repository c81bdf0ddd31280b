import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readConfig, ConfigError } from './config';

describe('configuration', () => {
	it('starts with safe defaults when nothing is set', () => {
		const cfg = readConfig({});
		expect(cfg).toMatchObject({
			port: 3000,
			host: '0.0.0.0',
			databasePath: './data/chuongvang.db',
			publicUrl: undefined,
			address: { header: null, depth: 1 }
		});
		expect(cfg.uploadDir.endsWith('data/uploads')).toBe(true);
		expect(cfg.limits).toMatchObject({ liveJoin: 60, loginPerIp: 30, practiceAnswerPerMin: 120 });
	});

	it('keeps only the origin of PUBLIC_URL', () => {
		const cfg = readConfig({ PUBLIC_URL: 'https://thi.congdoan.vn/some/path' });
		expect(cfg.publicUrl).toBe('https://thi.congdoan.vn');
	});

	it('reads raised rate limits and the reverse-proxy switch', () => {
		const cfg = readConfig({
			LIVE_JOIN_LIMIT: '1000000',
			CONTEST_SAVE_PER_MIN: ' 500 ',
			TRUST_PROXY: '1'
		});
		expect(cfg.limits.liveJoin).toBe(1_000_000);
		expect(cfg.limits.contestSavePerMin).toBe(500);
		expect(cfg.address).toEqual({ header: 'x-forwarded-for', depth: 1 });
	});

	it('runs as one node unless REDIS_URL names a Redis server', () => {
		expect(readConfig({}).redisUrl).toBeUndefined();
		expect(readConfig({ REDIS_URL: ' redis://127.0.0.1:6379/2 ' }).redisUrl).toBe(
			'redis://127.0.0.1:6379/2'
		);
	});

	it.each([
		[{ PORT: 'abc' }, /PORT must be a number/],
		[{ PORT: '70000' }, /PORT must be a number/],
		[{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL must be an absolute http/],
		[{ PUBLIC_URL: 'ftp://x.vn' }, /PUBLIC_URL must be an absolute http/],
		[{ DATABASE_PATH: './data/' }, /DATABASE_PATH must name a file/],
		// A typo in a limit used to fall back silently to the default.
		[{ LOGIN_LIMIT_PER_IP: 'abc' }, /LOGIN_LIMIT_PER_IP must be a whole number from 1/],
		[{ LIVE_JOIN_LIMIT: '0' }, /LIVE_JOIN_LIMIT must be a whole number from 1/],
		[{ PRACTICE_ANSWER_PER_MIN: '2.5' }, /PRACTICE_ANSWER_PER_MIN must be a whole number/],
		[{ CONTEST_REGISTER_PER_IP: '-3' }, /CONTEST_REGISTER_PER_IP must be a whole number/],
		[{ TRUST_PROXY: 'yes' }, /TRUST_PROXY must be 1/],
		[{ REDIS_URL: '127.0.0.1:6379' }, /REDIS_URL must be a redis:\/\/ or rediss:\/\/ address/],
		[{ REDIS_URL: 'http://127.0.0.1:6379' }, /REDIS_URL must be a redis/],
		[{ DATABASE_URL: './data/chuongvang.db' }, /DATABASE_URL must be a postgres:\/\/ address/],
		[{ DATABASE_URL: 'mysql://127.0.0.1/cv' }, /DATABASE_URL must be a postgres:\/\/ address/]
	])('refuses bad configuration %o with a one-line explanation', (env, message) => {
		expect(() => readConfig(env)).toThrowError(ConfigError);
		try {
			readConfig(env);
		} catch (e) {
			expect((e as Error).message).toMatch(message);
			expect((e as Error).message).not.toContain('\n');
		}
	});

	it('uses PostgreSQL only when DATABASE_URL is a postgres:// address', () => {
		expect(readConfig({}).databaseUrl).toBeUndefined();
		expect(readConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
		for (const url of [
			'postgres://chuongvang:mk@127.0.0.1:5432/chuongvang',
			'postgresql://db.example.vn/chuongvang'
		])
			expect(readConfig({ DATABASE_URL: ` ${url} ` }).databaseUrl).toBe(url);
	});

	it.each([
		'mysql://chuongvang:bi-mat-42@127.0.0.1:3306/chuongvang',
		'mysql://chuongvang:bi/mat@42@127.0.0.1/chuongvang',
		'chuongvang:bi-mat-42@127.0.0.1:5432/chuongvang',
		'sqlite://chuongvang:bi-mat-42@localhost/data.db'
	])('refuses DATABASE_URL=%s clearly, without printing its password', (url) => {
		let message = '';
		try {
			readConfig({ DATABASE_URL: url });
		} catch (e) {
			expect(e).toBeInstanceOf(ConfigError);
			message = (e as Error).message;
		}
		expect(message).toMatch(
			/^DATABASE_URL must be a postgres:\/\/ address .*\(leave it unset for SQLite\), got ".*chuongvang:\*\*\*@/
		);
		expect(message).not.toMatch(/bi.mat/);
		expect(message).not.toContain('\n');
	});

	it('refuses a REDIS_URL of another kind without printing its password', () => {
		expect(() => readConfig({ REDIS_URL: 'http://:bi-mat-redis@10.0.0.10:6379' })).toThrowError(
			/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ address .*, got "http:\/\/:\*\*\*@10\.0\.0\.10:6379"$/
		);
	});

	describe('at start-up', () => {
		afterEach(() => {
			vi.unstubAllEnvs();
			vi.resetModules();
		});

		it('opens the database named by DATABASE_PATH', async () => {
			const file = path.join(mkdtempSync(path.join(tmpdir(), 'cv-config-')), 'event.db');
			vi.stubEnv('DATABASE_PATH', file);
			vi.stubEnv('DATABASE_URL', '');
			vi.resetModules();
			const { createApp } = await import('./app');
			const { closeDatabase } = await import('./db');
			const app = await createApp();
			expect(existsSync(file)).toBe(true);
			await closeDatabase(app.db);
		});

		it('stops on a DATABASE_URL that is not PostgreSQL, before opening anything', async () => {
			const file = path.join(mkdtempSync(path.join(tmpdir(), 'cv-config-')), 'event.db');
			vi.stubEnv('DATABASE_PATH', file);
			vi.stubEnv('DATABASE_URL', 'mysql://chuongvang:bi-mat-42@127.0.0.1:3306/chuongvang');
			vi.resetModules();
			const { startApp } = await import('./bootstrap');
			const failure = await startApp().then(
				() => undefined,
				(e: unknown) => e as Error
			);
			expect(failure?.message).toMatch(/DATABASE_URL must be a postgres:\/\/ address/);
			expect(failure?.message).not.toContain('bi-mat-42');
			expect(existsSync(file)).toBe(false);
		});

		it('stops on a bad limit before the first request, not when the limit is first used', async () => {
			vi.stubEnv('LIVE_REJOIN_LIMIT', '6OO');
			vi.resetModules();
			// Importing the modules that declare limiters reads nothing…
			await import('./practice/limits');
			await import('./rate-limit');
			// …and start-up refuses the value with its name.
			const { startApp } = await import('./bootstrap');
			await expect(startApp()).rejects.toThrowError(/LIVE_REJOIN_LIMIT must be a whole number/);
		});
	});
});
