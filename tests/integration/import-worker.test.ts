/**
 * Issue 10 finding 2: a crafted ~6 KB workbook must neither freeze the importer (parsing is
 * linear, with hard limits) nor the event loop that runs live games (imports run in a worker
 * thread with a time limit). The event-loop delay bound below is a behaviour check, deliberately
 * generous (a frozen loop is stalled for minutes), not a benchmark.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { importFile, importInWorker } from '../../src/lib/server/transfer';
import { backtrackBombWorkbook } from '../fixtures/import/fixtures';

const kahoot = new Uint8Array(
	readFileSync(new URL('../fixtures/import/kahoot-quiz.xlsx', import.meta.url))
);
const codes = (result: { errors: { code: string }[] }) => result.errors.map((e) => e.code);

/** Worst event-loop stall (ms) while `work` runs. */
async function worstStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
	const histogram = monitorEventLoopDelay({ resolution: 10 });
	histogram.enable();
	try {
		const value = await work();
		return { value, stallMs: histogram.max / 1e6 };
	} finally {
		histogram.disable();
	}
}

describe('importing a crafted workbook', () => {
	it('refuses the backtracking workbook cleanly, the parse being linear', async () => {
		const result = await importFile({
			filename: 'tram-cau-hoi.xlsx',
			bytes: backtrackBombWorkbook(),
			locale: 'vi'
		});
		expect(result.draft.questions).toEqual([]);
		expect(codes(result)).toEqual(['header_not_found']);
	});

	it('keeps the main event loop responsive while a worker imports it', async () => {
		const { value: result, stallMs } = await worstStall(() =>
			importInWorker({
				filename: 'tram-cau-hoi.xlsx',
				bytes: backtrackBombWorkbook(),
				locale: 'vi'
			})
		);
		expect(codes(result)).toEqual(['header_not_found']);
		expect(stallMs).toBeLessThan(1000);
	});

	it('refuses a workbook with more cells than any bank needs', async () => {
		const { MAX_XLSX_CELLS } = await import('../../src/lib/server/transfer/types');
		const { zipSync } = await import('fflate');
		// Varied numbers, so the sheet compresses like a real one (the ratio check stays quiet).
		let seed = 7;
		const cell = () => `<c><v>${(seed = (seed * 48271) % 2147483647)}</v></c>`;
		const rows = Math.ceil(MAX_XLSX_CELLS / 60) + 1;
		const body = Array.from(
			{ length: rows },
			() => `<row>${Array.from({ length: 60 }, cell).join('')}</row>`
		);
		const sheet = `<worksheet><sheetData>${body.join('')}</sheetData></worksheet>`;
		const bytes = zipSync(
			{
				'[Content_Types].xml': new TextEncoder().encode('<Types/>'),
				'xl/workbook.xml': new TextEncoder().encode('<workbook/>'),
				'xl/worksheets/sheet1.xml': new TextEncoder().encode(sheet)
			},
			{ level: 6 }
		);
		const result = await importFile({ filename: 'o.xlsx', bytes, locale: 'en' });
		expect(codes(result)).toEqual(['too_many_cells']);
		expect(result.errors[0].message).toContain(String(MAX_XLSX_CELLS));
	});
});

describe('imports in a worker thread', () => {
	it('gives the same result as importing in place', async () => {
		const input = { filename: 'kahoot-quiz.xlsx', bytes: kahoot, locale: 'vi' as const };
		expect(await importInWorker(input)).toEqual(await importFile(input));
	});

	it('stops an import that overruns its time limit and says so in the user’s language', async () => {
		const result = await importInWorker(
			{ filename: 'kahoot-quiz.xlsx', bytes: kahoot, locale: 'vi' },
			{ timeLimitMs: 1 }
		);
		expect(codes(result)).toEqual(['import_timeout']);
		expect(result.errors[0].message).toMatch(/^Đọc tệp mất quá 1 giây/);
		expect(result.draft.questions).toEqual([]);
	});
});
