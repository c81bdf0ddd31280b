/**
 * `importInWorker`: `importFile` in a worker thread with a time limit, so that no upload, however
 * crafted, can stall the event loop that runs live games. The worker is this very module: in the
 * production build it sits in a server chunk, under vitest and the CLI (tsx) it is this `.ts`
 * file, so `new Worker(import.meta.url)` finds it in all three. Importing the module in a worker
 * started by `importInWorker` makes it serve one import and exit.
 */
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { importFile } from './import';
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

/** `importFile` off the event loop. Never throws; a file that takes too long is an error result. */
export async function importInWorker(
	input: ImportInput,
	options: WorkerOptions = {}
): Promise<ImportResult> {
	if (!(await slot())) return refused('import_busy', input.locale);
	try {
		return await runOnce(input, options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS);
	} finally {
		release();
	}
}

function runOnce(input: ImportInput, timeLimitMs: number): Promise<ImportResult> {
	const url = new URL(import.meta.url);
	return new Promise((resolve) => {
		let settled = false;
		const worker = startWorker(url);
		const finish = (result: ImportResult) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			void worker.terminate();
			resolve(result);
		};
		const timer = setTimeout(
			() => finish(refused('import_timeout', input.locale, timeLimitMs)),
			timeLimitMs
		);
		worker.once('message', (result: ImportResult) => finish(result));
		// Out of memory or a crash inside a parser: the file is at fault, the server is not.
		worker.once('error', () => finish(refused('import_failed', input.locale)));
		worker.once('exit', () => finish(refused('import_failed', input.locale)));
		const bytes = input.bytes.slice(); // a private copy whose buffer can move to the worker
		worker.postMessage({ filename: input.filename, bytes, locale: input.locale }, [bytes.buffer]);
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
	port.once('message', (input: ImportInput) => {
		void importFile(input).then((result) => port.postMessage(result));
	});
}
