import type { Server as HttpServer } from 'node:http';
import { config } from './config';
import { getDb, type Db } from './db';
import { seedDemo, issueSetupToken } from './seed/all';
import { startBanner } from './network';
import { attachRealtime } from './realtime';

const HTTP_SERVER_KEY = Symbol.for('chuongvang.httpServer');
const STARTED_KEY = Symbol.for('chuongvang.started');
/** Set by server.js: it prints the banner itself once it listens (then the banner ends the console). */
const BANNER_KEY = Symbol.for('chuongvang.banner');

type Globals = Record<symbol, unknown>;

/**
 * Start-up work shared by `vite dev` and production: check configuration, open the database
 * (migrations apply), seed the demo organization, print the URLs and the set-up link, attach socket.io.
 */
export function startApp(): Db {
	const cfg = config();
	const db = getDb();
	seedDemo(db);
	const g = globalThis as Globals;
	if (!g[STARTED_KEY]) {
		g[STARTED_KEY] = true;
		const token = issueSetupToken(db);
		if (g[BANNER_KEY] === 'defer') {
			g[BANNER_KEY] = (port: number) => startBanner({ ...cfg, port }, token);
		} else {
			console.log(startBanner(cfg, token).join('\n'));
		}
	}
	const httpServer = g[HTTP_SERVER_KEY] as HttpServer | undefined;
	if (httpServer && !(httpServer as unknown as Globals)[STARTED_KEY]) {
		(httpServer as unknown as Globals)[STARTED_KEY] = true;
		attachRealtime(httpServer, { db, addressPolicy: cfg.address });
	}
	return db;
}
