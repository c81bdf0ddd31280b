/**
 * `importInWorker`: `importFile` in a worker thread with a time limit, so that no upload, however
 * crafted, can stall the event loop that runs live games. The worker is this very module: in the
 * production build it sits in a server chunk, under vitest and the CLI (tsx) it is this `.ts`
 * file, so `new Worker(import.meta.url)` finds it in all three. Importing the module in a worker
 * started here makes it serve imports, one at a time. The main thread imports this module without
 * the parsers: only the worker loads them (a first import used to load exceljs on the game's
 * thread, a stall of a second or more).
 */
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { IssueLog } from './issues';
import type { ImportInput, ImportResult } from './types';

/** An honest 5 MB workbook imports in a few seconds on a slow machine. */
export const IMPORT_TIME_LIMIT_MS = 30_000;
/** Imports running at once; more wait their turn (2 cores: one stays with the live games). */
export const MAX_PARALLEL_IMPORTS = 1;
/** Imports waiting for a worker; beyond this an upload is refused with "busy". */
export const MAX_QUEUED_IMPORTS = 8;
/** A worker's own heap: the zip guard caps what a workbook inflates to at 50 MB. */
const WORKER_HEAP_MB = 512;

const WORKER_TAG = 'chuong-vang-import-worker';
/** Lowest priority: an import may take longer, a game's answer may not. */
const WORKER_NICE = 19;

interface WorkerOptions {
	timeLimitMs?: number;
}

function refused(
	code: 'import_timeout' | 'import_busy' | 'import_failed',
	locale: ImportInput['locale'],
	timeLimitMs = IMPORT_TIME_LIMIT_MS
) {
	const log = new IssueLog(locale);
	if (code === 'import_timeout')
		log.error(0, 'file', 'import_timeout', {
			seconds: Math.max(1, Math.round(timeLimitMs / 1000))
		});
	else log.error(0, 'file', code, {});
	return {
		format: 'unknown',
		draft: { questions: [] },
		errors: log.errors,
		warnings: [],
		validCount: 0,
		invalidCount: 0
	} satisfies ImportResult;
}

/**
 * Built, this module is plain JavaScript and starts as it is. As a `.ts` source (vitest, the CLI
 * under tsx, `vite dev`) the worker first registers tsx's loader, then imports it: Node 20 does not
 * hand a parent's loader hooks to its workers.
 */
function startWorker(url: URL): Worker {
	const options = {
		workerData: { tag: WORKER_TAG },
		resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }
	};
	if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
	const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
	return new Worker(bootstrap, { ...options, eval: true });
}

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<boolean> {
	if (running < MAX_PARALLEL_IMPORTS) {
		running++;
		return true;
	}
	if (waiting.length >= MAX_QUEUED_IMPORTS) return false;
	// `release` hands its slot straight to the first waiter: `running` stays counted.
	await new Promise<void>((resolve) => waiting.push(resolve));
	return true;
}

function release(): void {
	const next = waiting.shift();
	if (next) next();
	else running--;
}

/** What the main thread needs to know about a serialized result without parsing it. */
export interface ImportSummary {
	format: ImportResult['format'];
	validCount: number;
	invalidCount: number;
	errorCount: number;
}

export interface SerializedImport {
	/** `JSON.stringify(result)`: one string crosses threads as one copy, 5,000 objects do not. */
	json: string;
	summary: ImportSummary;
}

function summarize(result: ImportResult): ImportSummary {
	return {
		format: result.format,
		validCount: result.validCount,
		invalidCount: result.invalidCount,
		errorCount: result.errors.length
	};
}

function serialize(result: ImportResult): SerializedImport {
	return { json: JSON.stringify(result), summary: summarize(result) };
}

/**
 * `importFile` off the event loop, the result still serialized: a caller that only stores it
 * (the web preview) never builds thousands of objects on the main thread. Never throws; a file
 * that takes too long is an error result.
 */
export async function importInWorkerSerialized(
	input: ImportInput,
	options: WorkerOptions = {}
): Promise<SerializedImport> {
	if (!(await slot())) return serialize(refused('import_busy', input.locale));
	try {
		return await runOnce(input, options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS);
	} finally {
		release();
	}
}

/** `importFile` off the event loop (the CLI and tests): the parsed result. */
export async function importInWorker(
	input: ImportInput,
	options: WorkerOptions = {}
): Promise<ImportResult> {
	return JSON.parse((await importInWorkerSerialized(input, options)).json) as ImportResult;
}

/**
 * One long-lived worker, started on the first import. Ending a worker makes the main thread wait
 * while the worker's heap is torn down (hundreds of milliseconds after a large workbook), so the
 * worker is kept between imports and ended only when an import overruns its time limit or fails.
 */
let shared: Worker | null = null;
let nextRequest = 1;

function sharedWorker(): Worker {
	if (shared) return shared;
	const worker = startWorker(new URL(import.meta.url));
	const forget = () => {
		if (shared === worker) shared = null;
	};
	worker.once('exit', forget);
	worker.on('error', forget); // also while idle: an unhandled 'error' would end the server
	worker.unref();
	shared = worker;
	return worker;
}

function runOnce(input: ImportInput, timeLimitMs: number): Promise<SerializedImport> {
	return new Promise((resolve) => {
		const worker = sharedWorker();
		const id = nextRequest++;
		worker.ref(); // an import in progress keeps the process (the CLI) alive
		const finish = (result: SerializedImport, broken: boolean) => {
			clearTimeout(timer);
			worker.off('message', onMessage);
			worker.off('error', onBroken);
			worker.off('exit', onBroken);
			if (broken) {
				if (shared === worker) shared = null;
				void worker.terminate();
			} else worker.unref();
			resolve(result);
		};
		const onMessage = (message: { id: number; result: SerializedImport }) => {
			if (message.id === id) finish(message.result, false);
		};
		// Out of memory or a crash inside a parser: the file is at fault, the server is not.
		const onBroken = () => finish(serialize(refused('import_failed', input.locale)), true);
		const timer = setTimeout(
			() => finish(serialize(refused('import_timeout', input.locale, timeLimitMs)), true),
			timeLimitMs
		);
		worker.on('message', onMessage);
		worker.once('error', onBroken);
		worker.once('exit', onBroken);
		const bytes = input.bytes.slice(); // a private copy whose buffer can move to the worker
		worker.postMessage({ id, input: { filename: input.filename, bytes, locale: input.locale } }, [
			bytes.buffer
		]);
	});
}

if (!isMainThread && parentPort && (workerData as { tag?: string } | null)?.tag === WORKER_TAG) {
	const port = parentPort;
	// On Linux a nice value belongs to a thread: this lowers the import's priority only, so on a
	// server pinned to one core the live game's thread keeps the CPU while both want it.
	try {
		os.setPriority(WORKER_NICE);
	} catch {
		// not permitted here (or not Linux): the import still runs, at normal priority
	}
	// The parsers (exceljs and friends) load here, in the worker, never on the game's thread.
	const parsers = import('./import');
	port.on('message', ({ id, input }: { id: number; input: ImportInput }) => {
		void parsers
			.then(({ importFile }) => importFile(input))
			.then((result) => port.postMessage({ id, result: serialize(result) }));
	});
}
