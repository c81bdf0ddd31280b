import fs from 'node:fs';
import path from 'node:path';
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

/**
 * The data suite: every test file that opens a database through the test helpers
 * (src/lib/server/db/test-databases.ts and what builds on it). It runs on SQLite with the rest of
 * the suite and again on PostgreSQL (docs/database.md).
 */
const OPENS_A_DATABASE =
	/\b(openTestDb|newTestDatabase|testApp|freshDb|makeWorld|startServer|startHarness)\(/;
/**
 * Tests about SQLite itself, and tests that start their own server processes and choose their
 * databases themselves (the two-node suite runs once per database in its two files).
 */
const SQLITE_ONLY = new Set([
	'src/lib/server/db/migrations.spec.ts',
	'tests/integration/schema-parity.test.ts',
	'tests/integration/multinode.test.ts',
	'tests/integration/multinode-postgres.test.ts',
	'tests/integration/dev-server.test.ts',
	'tests/integration/start-script.test.ts'
]);

function testFiles(dir: string, pattern: RegExp): string[] {
	return fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((file) => path.join(dir, file).split(path.sep).join('/'))
		.filter((file) => pattern.test(file));
}

const DATA_SUITE = [
	...testFiles('src', /\.(test|spec)\.ts$/),
	...testFiles('tests/integration', /\.test\.ts$/)
].filter((file) => !SQLITE_ONLY.has(file) && OPENS_A_DATABASE.test(fs.readFileSync(file, 'utf8')));

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
		testTimeout: 20_000,
		hookTimeout: 30_000,
		setupFiles: ['tests/setup-databases.ts'],
		// The whole suite on SQLite, then the data suite (every test that opens a database through
		// src/lib/server/db/test-databases.ts) again on PostgreSQL: docs/database.md.
		projects: [
			{
				extends: true,
				test: {
					name: 'sqlite',
					include: ['src/**/*.{test,spec}.ts', 'tests/integration/**/*.test.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'postgres',
					include: DATA_SUITE,
					env: { TEST_DATABASE: 'pg' }
				}
			}
		]
	}
});
