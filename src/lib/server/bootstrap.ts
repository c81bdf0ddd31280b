import type { Server as HttpServer } from 'node:http';
import { createApp, type AppContext } from './app';
import { seedDemo, issueSetupToken } from './seed/all';
import { startBanner } from './network';
import { attachRealtime } from './realtime';

const HTTP_SERVER_KEY = Symbol.for('chuongvang.httpServer');
/** The one app of this process: Vite dev re-evaluates modules on change, globalThis survives. */
const APP_KEY = Symbol.for('chuongvang.app');
const ATTACHED_KEY = Symbol.for('chuongvang.attached');
/** Set by server.js: it prints the banner itself once it listens (then the banner ends the console). */
const BANNER_KEY = Symbol.for('chuongvang.banner');

type Globals = Record<symbol, unknown>;

/**
 * Start-up work shared by `vite dev` and production, done once per process: build the app
 * (configuration checked, database opened, migrations applied), seed the demo organization, print
 * the URLs and the set-up link, attach socket.io to the HTTP server.
 * Returns that app; a second call returns the same one.
 */
export function startApp(): AppContext {
	const g = globalThis as Globals;
	let app = g[APP_KEY] as AppContext | undefined;
	if (!app) {
		app = createApp();
		g[APP_KEY] = app;
		seedDemo(app.db);
		const token = issueSetupToken(app.db);
		const cfg = app.config;
		if (g[BANNER_KEY] === 'defer') {
			g[BANNER_KEY] = (port: number) => startBanner({ ...cfg, port }, token);
		} else {
			console.log(startBanner(cfg, token).join('\n'));
		}
	}
	const httpServer = g[HTTP_SERVER_KEY] as (HttpServer & Globals) | undefined;
	if (httpServer && !httpServer[ATTACHED_KEY]) {
		httpServer[ATTACHED_KEY] = true;
		attachRealtime(httpServer, { app });
	}
	return app;
}
