import { describe, expect, it } from 'vitest';
import { readConfig, ConfigError } from './config';

describe('configuration', () => {
	it('starts with safe defaults when nothing is set', () => {
		const cfg = readConfig({});
		expect(cfg).toMatchObject({
			port: 3000,
			host: '0.0.0.0',
			databasePath: './data/chuongvang.db',
			publicUrl: undefined
		});
		expect(cfg.uploadDir.endsWith('data/uploads')).toBe(true);
	});

	it('keeps only the origin of PUBLIC_URL and marks cookies secure behind https', () => {
		const cfg = readConfig({ PUBLIC_URL: 'https://thi.congdoan.vn/some/path' });
		expect(cfg.publicUrl).toBe('https://thi.congdoan.vn');
		expect(cfg.secureCookies).toBe(true);
	});

	it.each([
		[{ PORT: 'abc' }, /PORT must be a number/],
		[{ PORT: '70000' }, /PORT must be a number/],
		[{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL must be an absolute http/],
		[{ PUBLIC_URL: 'ftp://x.vn' }, /PUBLIC_URL must be an absolute http/],
		[{ DATABASE_PATH: './data/' }, /DATABASE_PATH must name a file/]
	])('refuses bad configuration %o with a one-line explanation', (env, message) => {
		expect(() => readConfig(env)).toThrowError(ConfigError);
		try {
			readConfig(env);
		} catch (e) {
			expect((e as Error).message).toMatch(message);
			expect((e as Error).message).not.toContain('\n');
		}
	});
});
