import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin } from 'vite';

/** In `vite dev`, hand Vite's HTTP server to the app so socket.io shares the one port. */
function realtimeDevServer(): Plugin {
	return {
		name: 'chuongvang-realtime-dev',
		apply: 'serve',
		configureServer(server) {
			if (!server.httpServer) return; // vitest and middleware mode have no HTTP server
			(globalThis as Record<symbol, unknown>)[Symbol.for('chuongvang.httpServer')] =
				server.httpServer;
		}
	};
}

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'baseLocale']
		}),
		sveltekit(),
		realtimeDevServer()
	],
	build: {
		modulePreload: {
			// The app entry lists every page's scripts so that a client-side navigation can fetch
			// them in parallel; that list cost every first visit 1.5 KB gzipped (phones pay for
			// organizer pages). Pages still get their stylesheets this way (Vite always keeps CSS);
			// their scripts are found by the browser through their imports, and the server
			// preloads them on a first visit. See bench/phone-js.ts.
			resolveDependencies: (_file, deps, { hostId }) => (hostId.includes('entry/app') ? [] : deps)
		}
	},
	server: {
		watch: {
			ignored: ['**/data/**', '**/*.db', '**/*.db-wal', '**/*.db-shm', '**/test-results/**']
		}
	},
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.{test,spec}.ts', 'tests/integration/**/*.test.ts'],
		testTimeout: 20_000,
		hookTimeout: 30_000
	}
});
