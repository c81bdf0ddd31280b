// Is the build in ./build current? A SHA-256 over every input of `vite build` (sources, static
// files, message catalogues, configs and the lockfile) is written beside the build after it
// succeeds; `npm start`, the multi-node test and Playwright's server rebuild only when that stamp
// is missing or differs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders and files whose content decides what `vite build` produces. */
export const BUILD_INPUTS = [
	'src',
	'static',
	'messages',
	'drizzle',
	'project.inlang/settings.json',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];

/** Generated during the build itself (Paraglide's compiled messages): never an input. */
const SKIP = new Set(['src/lib/paraglide', 'node_modules', '.DS_Store']);

/** The stamp file inside the build folder (deleting the build deletes the stamp). */
export const STAMP_FILE = '.build-stamp';

/**
 * @param {string} root
 * @param {string} rel
 * @param {string[]} out
 */
function walk(root, rel, out) {
	if (SKIP.has(rel) || SKIP.has(path.basename(rel))) return;
	let stat;
	try {
		stat = fs.statSync(path.join(root, rel));
	} catch {
		return; // an optional input that does not exist
	}
	if (stat.isDirectory()) {
		for (const name of fs.readdirSync(path.join(root, rel)).sort()) {
			walk(root, path.posix.join(rel, name), out);
		}
	} else if (stat.isFile()) {
		out.push(rel);
	}
}

/**
 * SHA-256 (hex) over the paths and contents of the build inputs under `root`.
 * @param {string} root
 * @param {string[]} [inputs]
 */
export function sourceStamp(root, inputs = BUILD_INPUTS) {
	/** @type {string[]} */
	const files = [];
	for (const input of inputs) walk(root, input, files);
	const hash = createHash('sha256');
	for (const rel of files) {
		hash.update(rel);
		hash.update('\0');
		hash.update(fs.readFileSync(path.join(root, rel)));
		hash.update('\0');
	}
	return hash.digest('hex');
}

/**
 * Whether to build before serving, and why: 'missing' (no build), 'stale' (inputs changed since
 * the stamp was written, or no stamp), or null when the build is current.
 * @param {string} root
 * @param {string} [buildDir]
 * @returns {{ rebuild: false, stamp: string } | { rebuild: true, reason: 'missing' | 'stale', stamp: string }}
 */
export function buildDecision(root, buildDir = path.join(root, 'build')) {
	const stamp = sourceStamp(root);
	if (!fs.existsSync(path.join(buildDir, 'handler.js'))) {
		return { rebuild: true, reason: 'missing', stamp };
	}
	let written = '';
	try {
		written = fs.readFileSync(path.join(buildDir, STAMP_FILE), 'utf8').trim();
	} catch {
		// no stamp: built by hand (`npm run build`) or by an older start; build once to be sure
	}
	return written === stamp ? { rebuild: false, stamp } : { rebuild: true, reason: 'stale', stamp };
}

/**
 * @param {string} buildDir
 * @param {string} stamp
 */
export function writeStamp(buildDir, stamp) {
	fs.writeFileSync(path.join(buildDir, STAMP_FILE), `${stamp}\n`);
}

/**
 * Builds (`vite build`) unless the build is current, then stamps it: the multi-node test and
 * Playwright's server share one build per source state (`node scripts/build-stamp.js`).
 * @param {string} root
 * @returns {boolean} whether it built
 */
export function ensureBuild(root) {
	// Two callers at once (the two-node suites run in parallel) take turns: the second one finds
	// the build current once the first has stamped it.
	const lock = path.join(root, '.svelte-kit', 'build.lock');
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
			// A lock left by a build that was killed is older than any real build.
			if (Date.now() - fs.statSync(lock).mtimeMs > 10 * 60_000) fs.rmdirSync(lock);
			else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
		}
	}
	try {
		const decision = buildDecision(root);
		if (!decision.rebuild) return false;
		// Always the production build, whoever asks: vitest sets NODE_ENV=test, and a build made under
		// it compiles Svelte in development mode (bigger, slower pages, served to Playwright after).
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))
		);
		const result = spawnSync('npx', ['vite', 'build'], {
			cwd: root,
			stdio: 'inherit',
			env: { ...env, NODE_ENV: 'production' }
		});
		if (result.status !== 0) throw new Error('`npx vite build` failed: run it to see why');
		writeStamp(path.join(root, 'build'), decision.stamp);
		return true;
	} finally {
		fs.rmdirSync(lock);
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
	if (!ensureBuild(root)) console.log('build is current (scripts/build-stamp.js): not rebuilding');
}
