import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, includeIgnoreFile } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

const gitignorePath = path.resolve(import.meta.dirname, '.gitignore');

// Layer rules (docs/architecture.md). Each is a list of forbidden import patterns with the reason.
const serverCode = {
	regex: String.raw`^(\$lib/server|(\.\.?/)+(lib/)?server)(/|$)`,
	message: 'Server code stays on the server: pass the data in through props or a load function.'
};
const privateEnv = {
	regex: String.raw`^\$env/(static|dynamic)/private$`,
	message: 'Private environment variables are read in src/lib/server/config.ts only.'
};
/** The engine (and the practice rules) are pure TypeScript: no I/O, framework or server imports. */
const engineForbidden = [
	serverCode,
	{
		regex: String.raw`^(svelte|@sveltejs/.*|\$app/.*|\$env/.*)(/.*)?$`,
		message: 'The engine is framework-free: no svelte, $app or $env (time and ids are inputs).'
	},
	{
		regex: `^(node:.*|${builtinModules.map((m) => m.replace('/', '\\/')).join('|')})$`,
		message: 'The engine does no I/O: no node built-ins.'
	},
	{
		regex: String.raw`^(\$lib/(client|components|paraglide)|drizzle-orm|better-sqlite3|pg|socket\.io.*)(/.*)?$`,
		message: 'The engine does no I/O: no client, component, database or socket imports.'
	}
];
/** Routes go through named functions in $lib/server (db/queries/*, services), never db internals. */
const dbInternals = {
	regex: String.raw`^(\$lib/server/db/(?!queries/)|drizzle-orm|better-sqlite3|pg(/|$))`,
	message:
		'Routes do not touch database internals: call a named query in $lib/server/db/queries or a service.'
};
/** Routes get the database from `locals.app.db` (the app built at start-up); the Db type is fine. */
const dbModule = {
	regex: String.raw`^\$lib/server/db$`,
	allowTypeImports: true,
	message: 'Routes reach the database through locals.app.db, not through $lib/server/db.'
};
/**
 * Only the composition root (server/app.ts) opens the database: a module that opened its own
 * would be a second, process-wide database that tests cannot replace.
 */
const openDatabaseOutsideRoot = {
	regex: String.raw`(^|/)db(/index(\.(js|ts))?)?$`,
	importNames: ['openDatabase'],
	message:
		'Only createApp (src/lib/server/app.ts) opens the database; take the app (or its db) as an argument.'
};

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['drizzle/**', 'src/lib/paraglide/**', 'tests/fixtures/**'] },
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks undefined names itself (typescript-eslint's advice).
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// The app has no base path; plain hrefs are correct (resolve() would add nothing).
			'svelte/no-navigation-without-resolve': 'off',
			// Importers and CSV neutralisation match control characters on purpose.
			'no-control-regex': 'off'
		}
	},
	{
		files: ['src/lib/quiz/**', 'src/lib/practice/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': ['error', { patterns: engineForbidden }]
		}
	},
	{
		// Components and client state may share server *types* (erased at build), never server code.
		files: ['src/lib/components/**', 'src/lib/client/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{ patterns: [{ ...serverCode, allowTypeImports: true }, privateEnv] }
			]
		}
	},
	{
		files: ['src/routes/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': ['error', { patterns: [dbInternals, dbModule] }]
		}
	},
	{
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: [
			'src/lib/server/app.ts',
			'src/lib/server/app-testing.ts',
			'src/lib/server/db/queries/testing.ts',
			'src/lib/server/db/test-databases.ts',
			'src/**/*.spec.ts'
		],
		rules: { 'no-restricted-imports': ['error', { patterns: [openDatabaseOutsideRoot] }] }
	},
	{
		// Data access is async on both databases: a promise nobody awaits is a write nobody waits
		// for (or an error nobody sees).
		files: ['src/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
		ignores: ['src/lib/paraglide/**'],
		languageOptions: { parserOptions: { projectService: true } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }]
		}
	},
	{
		// One data layer for SQLite and PostgreSQL (docs/database.md): queries are awaited, since
		// `.get()`, `.all()` and `.run()` exist only on SQLite, and transactions go through
		// `transaction()` (db/transaction.ts), since drizzle's SQLite transactions cannot await.
		files: ['src/lib/server/**/*.ts', 'src/routes/**/*.ts'],
		ignores: ['src/**/*.spec.ts', 'src/lib/server/db/transaction.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: 'CallExpression[arguments.length=0][callee.property.name=/^(get|all|run)$/]',
					message:
						'Await the query instead (`(await query)[0]` for one row): .get(), .all() and .run() exist only on SQLite.'
				},
				{
					selector:
						"CallExpression[callee.property.name='transaction'][callee.object.name=/^(db|tx)$/]",
					message:
						'Use transaction(db, async (tx) => …) from $lib/server/db: it works on both databases.'
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser
			}
		}
	}
);
