/**
 * `--import-xlsx` of the live bench (issue 14 item 2): while phones answer a question, an
 * organizer uploads a large workbook to the import preview, again and again until the answers
 * have settled. The game's answer-ack percentiles of that question, next to the others', show
 * whether imports still stall the event loop. For comparison the bench also times the same
 * parse in its own process, which is what a game suffered when imports ran on the server's
 * main thread.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { closeDatabase, openDatabase } from '../../src/lib/server/db';
import { createUser } from '../../src/lib/server/auth/accounts';
import { createSession, generateToken, SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { exportBank, importFile, MAX_IMPORT_QUESTIONS } from '../../src/lib/server/transfer';
import { benchQuestion } from './setup';
import { formatPercentiles, percentiles, type Percentiles } from './stats';

export interface ImportLoadReport {
	workbookBytes: number;
	rows: number;
	uploads: number;
	failed: number;
	uploadMs: Percentiles;
	/** Worst event-loop stall of an in-process parse of the same workbook (the old path). */
	inProcessStallMs: number;
	inProcessParseMs: number;
}

/** A workbook of our template with `rows` realistic questions (the import limit by default). */
export async function largeWorkbook(rows = MAX_IMPORT_QUESTIONS): Promise<Uint8Array> {
	const questions = Array.from({ length: rows }, (_, i) => benchQuestion(i + 1, 20));
	const file = await exportBank({ title: 'Ngân hàng lớn' }, questions, 'xlsx');
	return file.bytes;
}

/**
 * An organizer with a session in the bench's organization; returns the cookie. `databasePath`
 * is the server's database: a SQLite file or a postgres:// URL.
 */
export async function organizerCookie(databasePath: string, organizationId: number) {
	const db = await openDatabase(databasePath);
	try {
		const user = await createUser(db, {
			organizationId,
			username: `bench-org-${Date.now().toString(36)}`,
			displayName: 'Bench organizer',
			password: `bench-${generateToken()}`,
			role: 'organizer'
		});
		const token = generateToken();
		await createSession(db, token, user.id);
		return `${SESSION_COOKIE}=${token}`;
	} finally {
		await closeDatabase(db);
	}
}

/** How long parsing `bytes` blocks the event loop when done in this process. */
async function measureInProcess(bytes: Uint8Array): Promise<{ stallMs: number; parseMs: number }> {
	const histogram = monitorEventLoopDelay({ resolution: 10 });
	histogram.enable();
	const start = performance.now();
	await importFile({ filename: 'ngan-hang-lon.xlsx', bytes, locale: 'vi' });
	const parseMs = performance.now() - start;
	histogram.disable();
	return { stallMs: Math.round(histogram.max / 1e6), parseMs: Math.round(parseMs) };
}

export class ImportLoad {
	#running = false;
	#loop: Promise<void> | null = null;
	#durations: number[] = [];
	#failed = 0;

	private constructor(
		private readonly url: string,
		private readonly cookie: string,
		private readonly bytes: Uint8Array,
		private readonly rows: number
	) {}

	static async prepare(url: string, databasePath: string, organizationId: number, rows: number) {
		const [bytes, cookie] = await Promise.all([
			largeWorkbook(rows),
			organizerCookie(databasePath, organizationId)
		]);
		return new ImportLoad(url, cookie, bytes, rows);
	}

	/** One upload to the "new bank from file" preview, as the browser's form sends it. */
	async #upload(): Promise<void> {
		const form = new FormData();
		form.set(
			'file',
			new Blob([new Uint8Array(this.bytes)], {
				type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			}),
			'ngan-hang-lon.xlsx'
		);
		const start = performance.now();
		const response = await fetch(`${this.url}/org/banks/import?/preview`, {
			method: 'POST',
			body: form,
			redirect: 'manual',
			headers: { cookie: this.cookie, origin: this.url, accept: 'text/html' }
		}).catch(() => null);
		const location = response?.headers.get('location') ?? '';
		if (response && response.status === 303 && location.includes('pending='))
			this.#durations.push(performance.now() - start);
		else this.#failed++;
	}

	/** Upload back to back until `stop`. */
	start(): void {
		this.#running = true;
		this.#loop = (async () => {
			while (this.#running) await this.#upload();
		})();
	}

	async stop(): Promise<ImportLoadReport> {
		this.#running = false;
		await this.#loop;
		const inProcess = await measureInProcess(this.bytes);
		return {
			workbookBytes: this.bytes.length,
			rows: this.rows,
			uploads: this.#durations.length,
			failed: this.#failed,
			uploadMs: percentiles(this.#durations),
			inProcessStallMs: inProcess.stallMs,
			inProcessParseMs: inProcess.parseMs
		};
	}
}

export function describeImportLoad(report: ImportLoadReport): string {
	return (
		`import load: ${report.uploads} uploads of a ${report.rows}-question workbook (${Math.round(report.workbookBytes / 1024)} KB), ` +
		`${report.failed} failed; upload → preview ${formatPercentiles(report.uploadMs)}; ` +
		`the same parse on the main thread would stall it ${report.inProcessStallMs} ms (parse ${report.inProcessParseMs} ms)`
	);
}
