/** Apps for tests: each test builds its own, so no two tests share a database or a cache. */
import { createApp, type AppContext } from './app';
import { readConfig, type AppConfig } from './config';
import { openDatabase, type Db } from './db';

export interface TestAppOptions {
	/** The database (default: a fresh in-memory one, migrations applied). */
	db?: Db;
	/** Settings over the defaults; the process environment is not read. */
	config?: Partial<Omit<AppConfig, 'limits'>>;
	/** Limits over the defaults. */
	limits?: Partial<AppConfig['limits']>;
}

/** An app with the default configuration (plus overrides) over the given or a fresh database. */
export function testApp(options: TestAppOptions = {}): AppContext {
	const defaults = readConfig({});
	const cfg: AppConfig = {
		...defaults,
		...options.config,
		limits: { ...defaults.limits, ...options.limits }
	};
	return createApp(cfg, { db: options.db ?? openDatabase(':memory:') });
}
