// The layer rules of docs/architecture.md are enforced by `npm run lint` (eslint.config.js).
// These tests prove each rule fires on a forbidden import and stays quiet on an allowed one,
// so a later edit of the config cannot switch a rule off unnoticed.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// The fake files exist only as text here, so the type-aware rules (which need each file in the
// TypeScript project) are off for these checks; the layer rules need no types.
const eslint = new ESLint({
	cwd: root,
	overrideConfig: {
		languageOptions: { parserOptions: { projectService: false } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'off',
			'@typescript-eslint/no-misused-promises': 'off'
		}
	}
});

/** The layer-rule messages ESLint reports for `code` as if it were the file at `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
	return result.messages
		.filter(
			(m) =>
				m.ruleId === '@typescript-eslint/no-restricted-imports' ||
				m.ruleId === 'no-restricted-imports'
		)
		.map((m) => m.message);
}

describe('layer rules', () => {
	it.each([
		['src/lib/quiz/fake.ts', "import { schema } from '../server/db';"],
		['src/lib/quiz/fake.ts', "import { schema } from '$lib/server/db';"],
		['src/lib/quiz/fake.ts', "import type { Db } from '../server/db';"],
		['src/lib/quiz/fake.ts', "import { readFileSync } from 'node:fs';"],
		['src/lib/quiz/fake.ts', "import { readFileSync } from 'fs';"],
		['src/lib/quiz/fake.ts', "import { writable } from 'svelte/store';"],
		['src/lib/quiz/fake.ts', "import { browser } from '$app/environment';"],
		['src/lib/quiz/fake.ts', "import { env } from '$env/dynamic/public';"],
		['src/lib/practice/fake.ts', "import { eq } from 'drizzle-orm';"],
		['src/lib/practice/fake.ts', "import pg from 'pg';"],
		['src/lib/components/host/fake.ts', "import { schema } from '$lib/server/db';"],
		['src/lib/components/host/fake.ts', "import { getGame } from '../../server/db/queries/games';"],
		['src/lib/client/fake.ts', "import { env } from '$env/dynamic/private';"],
		['src/routes/fake/+page.server.ts', "import { user } from '$lib/server/db/schema';"],
		['src/routes/fake/+page.server.ts', "import { eq } from 'drizzle-orm';"],
		['src/routes/fake/+page.server.ts', "import pg from 'pg';"],
		['src/routes/fake/+page.server.ts', "import { openPostgres } from '$lib/server/db/postgres';"],
		// The database comes from locals.app (built once by createApp), never from a module.
		['src/routes/fake/+page.server.ts', "import { schema } from '$lib/server/db';"],
		['src/lib/server/fake.ts', "import { openDatabase } from './db';"],
		['src/lib/server/live/fake.ts', "import { openDatabase } from '../db/index';"],
		['src/hooks.server.ts', "import { openDatabase } from '$lib/server/db';"]
	])('refuses, in %s, the import %s', async (file, code) => {
		const errors = await layerErrors(file, `${code}\nexport const x = 1;\n`);
		expect(errors).toHaveLength(1);
	});

	it.each([
		['src/lib/quiz/fake.ts', "import { apply } from './engine';"],
		['src/lib/practice/fake.ts', "import type { Question } from '../quiz/question';"],
		['src/lib/components/host/fake.ts', "import type { Db } from '$lib/server/db';"],
		['src/lib/components/host/fake.ts', "import { now } from '$lib/client/server-clock.svelte';"],
		['src/routes/fake/+page.server.ts', "import type { Db } from '$lib/server/db';"],
		['src/lib/server/app.ts', "import { openDatabase } from './db';"],
		['src/lib/server/fake.ts', "import { type Db, schema } from './db';"],
		['src/routes/fake/+page.server.ts', "import { getGame } from '$lib/server/db/queries/games';"],
		['src/lib/server/fake.ts', "import { user } from './db/schema';"],
		['src/routes/fake/+page.server.ts', "import { parse } from 'pgpass';"]
	])('allows, in %s, the import %s', async (file, code) => {
		expect(await layerErrors(file, `${code}\nexport const x = 1;\n`)).toEqual([]);
	});
});

/** Relative imports of every TypeScript module under `dir` (type-only imports included). */
function importGraph(dir: string): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const full = path.join(d, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (/\.ts$/.test(entry.name) && !/\.(spec|test)\.ts$/.test(entry.name)) {
				const source = readFileSync(full, 'utf8');
				const targets = [...source.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => {
					const target = path.resolve(path.dirname(full), m[1]);
					return target.endsWith('.js') ? target.replace(/\.js$/, '.ts') : `${target}.ts`;
				});
				graph.set(full, targets);
			}
		}
	};
	walk(dir);
	return graph;
}

/** One import cycle in the graph, as a list of files relative to the repository, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string): string[] | null => {
		if (state.get(file) === 'done' || !graph.has(file)) return null;
		if (state.get(file) === 'open') return stack.slice(stack.indexOf(file)).concat(file);
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file)!) {
			const cycle = visit(next);
			if (cycle) return cycle;
		}
		stack.pop();
		state.set(file, 'done');
		return null;
	};
	for (const file of graph.keys()) {
		const cycle = visit(file);
		if (cycle) return cycle.map((f) => path.relative(root, f));
	}
	return null;
}

describe('import cycles', () => {
	it.each(['src/lib/server', 'src/lib/quiz', 'src/lib/practice'])(
		'%s has no import cycle',
		(dir) => {
			expect(findCycle(importGraph(path.join(root, dir)))).toBeNull();
		}
	);

	it('the cycle finder finds a cycle', () => {
		const graph = new Map([
			['/a.ts', ['/b.ts']],
			['/b.ts', ['/a.ts']]
		]);
		expect(findCycle(graph)).not.toBeNull();
	});
});
