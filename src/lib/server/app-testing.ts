/** Apps for tests: each test builds its own, so no two tests share a database or a cache. */
import { createApp, type AppContext } from './app';
import { readConfig, type AppConfig } from './config';
import type { Db } from './db';
import { openTestDb } from './db/test-databases';

export interface TestAppOptions {
	/** The database (default: a fresh one of the test run's dialect, migrations applied). */
	db?: Db;
	/** Settings over the defaults; the process environment is not read. */
	config?: Partial<Omit<AppConfig, 'limits'>>;
	/** Limits over the defaults. */
	limits?: Partial<AppConfig['limits']>;
}

/** An app with the default configuration (plus overrides) over the given or a fresh database. */
export async function testApp(options: TestAppOptions = {}): Promise<AppContext> {
	const defaults = readConfig({});
	const cfg: AppConfig = {
		...defaults,
		...options.config,
		limits: { ...defaults.limits, ...options.limits }
	};
	return createApp(cfg, { db: options.db ?? (await openTestDb()) });
}
