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
export async function startApp(): Promise<AppContext> {
	const g = globalThis as Globals;
	let starting = g[APP_KEY] as Promise<AppContext> | undefined;
	if (!starting) {
		starting = prepareApp(g);
		g[APP_KEY] = starting;
		// A failed start (bad configuration, database unreachable) may be retried by the next call.
		starting.catch(() => {
			if (g[APP_KEY] === starting) delete g[APP_KEY];
		});
	}
	const app = await starting;
	const httpServer = g[HTTP_SERVER_KEY] as (HttpServer & Globals) | undefined;
	if (httpServer && !httpServer[ATTACHED_KEY]) {
		httpServer[ATTACHED_KEY] = true;
		attachRealtime(httpServer, { app });
	}
	return app;
}

/** Builds the app, seeds the demo organization and prints the banner (or hands it to server.js). */
async function prepareApp(g: Globals): Promise<AppContext> {
	const app = await createApp();
	await seedDemo(app.db);
	const token = await issueSetupToken(app.db);
	const cfg = app.config;
	if (g[BANNER_KEY] === 'defer') {
		g[BANNER_KEY] = (port: number) => startBanner({ ...cfg, port }, token);
	} else {
		console.log(startBanner(cfg, token).join('\n'));
	}
	return app;
}
