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
