/**
 * Gzipped JavaScript of a phone's first visit to /join, /join/[pin] and /play/[pin], computed
 * from the build's manifests (no browser, so no timing: the same build always gives the same
 * figures). Run after `npm run build`:
 *
 *   npm run bench:phone-js            # table
 *   npm run bench:phone-js -- --json  # one JSON object
 *
 * What a first visit loads, as SvelteKit renders it (`render.js` preloads `client.imports` and
 * every node's `imports`; `client.js` imports the root error node eagerly at start):
 * the client entry (start + app) and their static imports, the route's layouts, the root error
 * node and the route's page, each with its static imports (transitively). Dynamic imports
 * (`import()`) are counted apart as "lazy": they are fetched later, when the page asks for them.
 * Sizes are those of the precompressed `.gz` files the server sends (gzip -9 when absent).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

/** The phone routes whose first visit is measured. */
export const PHONE_ROUTES = ['/join', '/join/[pin]', '/play/[pin]'] as const;

interface ManifestChunk {
	file: string;
	imports?: string[];
	dynamicImports?: string[];
	isEntry?: boolean;
}

interface ServerRoute {
	id: string;
	page: {
		layouts: Array<number | undefined>;
		errors: Array<number | undefined>;
		leaf: number;
	} | null;
}

interface ServerManifest {
	_: { client: { start: string; app: string; imports: string[] }; routes: ServerRoute[] };
}

export interface RouteJs {
	route: string;
	/** Scripts of the first visit (paths under the client folder). */
	files: string[];
	/** Gzipped bytes of the first visit. */
	bytes: number;
	/** Gzipped bytes of the route's lazy chunks not already in the first visit. */
	lazyBytes: number;
	/** Gzipped bytes of each module family (chunk name) in the first visit, largest first. */
	parts: Array<{ name: string; bytes: number }>;
}

export interface PhoneJsReport {
	routes: RouteJs[];
	/** Scripts a phone fetches when it goes on from /join/[pin] to /play/[pin] in the same tab. */
	joinToPlayBytes: number;
}

/** Gzipped size of one built file, as the server sends it. */
function gzippedSize(clientDir: string, file: string): number {
	const built = path.join(clientDir, file);
	if (fs.existsSync(`${built}.gz`)) return fs.statSync(`${built}.gz`).size;
	return zlib.gzipSync(fs.readFileSync(built), { level: 9 }).length;
}

/** Node `i` of the client manifest (SvelteKit names them by their generated module). */
function nodeKey(manifest: Record<string, ManifestChunk>, index: number): string {
	const key = Object.keys(manifest).find((k) =>
		k.endsWith(`generated/client-optimized/nodes/${index}.js`)
	);
	if (!key) throw new Error(`node ${index} is not in the client manifest`);
	return key;
}

/** Keys of `start` and every chunk it imports statically, transitively. */
function staticClosure(manifest: Record<string, ManifestChunk>, start: string[]): Set<string> {
	const seen = new Set<string>();
	const todo = [...start];
	while (todo.length) {
		const key = todo.pop()!;
		if (seen.has(key)) continue;
		const chunk = manifest[key];
		if (!chunk) throw new Error(`${key} is not in the client manifest`);
		seen.add(key);
		todo.push(...(chunk.imports ?? []));
	}
	return seen;
}

/**
 * Measure the phone routes of the build in `root` (default: this project). Reads SvelteKit's
 * output in `.svelte-kit/output` (client manifest, server manifest with the route table) and
 * the precompressed files in `build/client`.
 */
export async function measurePhoneJs(root = process.cwd()): Promise<PhoneJsReport> {
	const output = path.join(root, '.svelte-kit/output');
	const clientManifestPath = path.join(output, 'client/.vite/manifest.json');
	const serverManifestPath = path.join(output, 'server/manifest.js');
	if (!fs.existsSync(clientManifestPath) || !fs.existsSync(serverManifestPath))
		throw new Error('no build found: run `npm run build` first');
	const builtClient = path.join(root, 'build/client');
	const clientDir = fs.existsSync(builtClient) ? builtClient : path.join(output, 'client');

	const manifest: Record<string, ManifestChunk> = JSON.parse(
		fs.readFileSync(clientManifestPath, 'utf8')
	);
	// Only route metadata is read; nodes are imported lazily by the manifest and never touched.
	const { manifest: server } = (await import(pathToFileURL(serverManifestPath).href)) as {
		manifest: ServerManifest;
	};
	const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
	const entryKeys = [server._.client.start, server._.client.app].map((file) => {
		const key = byFile.get(file);
		if (!key) throw new Error(`${file} is not in the client manifest`);
		return key;
	});

	const sizeOf = (keys: Iterable<string>) =>
		[...keys].reduce((sum, key) => sum + gzippedSize(clientDir, manifest[key].file), 0);

	const firstVisit = new Map<string, Set<string>>();
	const routes: RouteJs[] = PHONE_ROUTES.map((id) => {
		const route = server._.routes.find((r) => r.id === id);
		if (!route?.page) throw new Error(`route ${id} has no page in the build`);
		const nodes = [...route.page.layouts, route.page.errors[0], route.page.leaf].filter(
			(n): n is number => n !== undefined
		);
		const keys = staticClosure(manifest, [...entryKeys, ...nodes.map((n) => nodeKey(manifest, n))]);
		firstVisit.set(id, keys);
		// The app entry can import every route's node: only the route's own lazy chunks count.
		const lazyRoots = [...keys]
			.filter((key) => !entryKeys.includes(key))
			.flatMap((key) => manifest[key].dynamicImports ?? []);
		const leafKeys = [nodeKey(manifest, route.page.leaf)];
		const lazy = [...staticClosure(manifest, lazyRoots)].filter(
			(key) => !keys.has(key) && !leafKeys.includes(key)
		);
		const parts = new Map<string, number>();
		for (const key of keys) {
			const name = key.includes('client-optimized/nodes/')
				? `node ${path.basename(key, '.js')}`
				: ((manifest[key] as ManifestChunk & { name?: string }).name ?? key);
			parts.set(name, (parts.get(name) ?? 0) + gzippedSize(clientDir, manifest[key].file));
		}
		return {
			route: id,
			files: [...keys].map((key) => manifest[key].file).sort(),
			bytes: sizeOf(keys),
			lazyBytes: sizeOf(new Set(lazy)),
			parts: [...parts].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes)
		};
	});

	const join = firstVisit.get('/join/[pin]')!;
	const play = firstVisit.get('/play/[pin]')!;
	const joinToPlayBytes = sizeOf([...play].filter((key) => !join.has(key)));
	return { routes, joinToPlayBytes };
}

/** Kilobytes (1,024 bytes) with one decimal. */
export function kb(bytes: number): string {
	return (bytes / 1024).toFixed(1);
}

/** The report as a fixed-width table for a terminal or CI log. */
export function formatPhoneJs(report: PhoneJsReport, parts = 6): string {
	const lines = [
		'phone JS, first visit (gzipped KB, from the build manifests)',
		'route          first visit   lazy chunks   scripts',
		...report.routes.map(
			(r) =>
				`${r.route.padEnd(14)} ${kb(r.bytes).padStart(11)}   ${kb(r.lazyBytes).padStart(11)}   ${String(r.files.length).padStart(7)}`
		),
		`/join/[pin] → /play/[pin] in the same tab fetches ${kb(report.joinToPlayBytes)} KB more`
	];
	for (const r of report.routes) {
		lines.push(
			`  ${r.route}: ` +
				r.parts
					.slice(0, parts)
					.map((p) => `${p.name} ${kb(p.bytes)}`)
					.join(', ')
		);
	}
	return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const report = await measurePhoneJs();
	if (process.argv.includes('--json')) console.log(JSON.stringify(report));
	else console.log(formatPhoneJs(report, 8));
}
