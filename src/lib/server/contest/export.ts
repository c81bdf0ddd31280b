/**
 * Contest results as files for the organizer: a ranking (one round or overall) and the unit
 * participation, as CSV (UTF-8 with a BOM so Excel shows Vietnamese) or XLSX. Cells that a
 * spreadsheet would run as a formula are neutralized.
 */
import ExcelJS from 'exceljs';
import { m } from '../../paraglide/messages.js';
import type { DbOrTx } from '../db';
import type { Contest, ContestRound } from '../db/schema';
import { unitParticipation } from '../db/queries/contest-entries';
import { DEFAULT_TIME_ZONE, formatDateTime, formatDuration } from '../../practice/format';
import { predictionGap } from '../../practice/tiebreak';
import { rankedOverall, rankedRound } from './standings';
import type { CsvSeparator } from '../transfer/csv';

type Cell = string | number | null;
export interface Sheet {
	name: string;
	header: string[];
	rows: Cell[][];
}

/** Cells starting like a formula (=, +, -, @, tab, CR) get a leading apostrophe. */
export function neutralize(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cellText(cell: Cell): string {
	if (cell === null) return '';
	return typeof cell === 'number' ? String(cell) : neutralize(cell);
}

/**
 * CSV with a BOM, CRLF line ends, every field quoted; with the semicolon separator (Excel in
 * Vietnamese, see transfer/csv.ts) numbers take the decimal comma.
 */
export function toCsv(sheet: Sheet, separator: CsvSeparator = ','): Uint8Array<ArrayBuffer> {
	const text = (c: Cell) =>
		typeof c === 'number' && separator === ';' ? String(c).replace('.', ',') : cellText(c);
	const line = (cells: Cell[]) =>
		cells.map((c) => `"${text(c).replace(/"/g, '""')}"`).join(separator);
	const body = [line(sheet.header), ...sheet.rows.map(line)].join('\r\n');
	return new TextEncoder().encode(`\ufeff${body}\r\n`);
}

export async function toXlsx(sheets: Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
	const workbook = new ExcelJS.Workbook();
	for (const sheet of sheets) {
		const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
		ws.addRow(sheet.header).font = { bold: true };
		for (const row of sheet.rows) {
			ws.addRow(row.map((c) => (typeof c === 'string' ? neutralize(c) : c)));
		}
		ws.columns.forEach((col, i) => {
			const longest = Math.max(
				sheet.header[i]?.length ?? 0,
				...sheet.rows.slice(0, 500).map((r) => String(r[i] ?? '').length)
			);
			col.width = Math.min(50, Math.max(8, longest + 2));
		});
		ws.views = [{ state: 'frozen', ySplit: 1 }];
	}
	return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * The ranking sheet of a round, or of the whole contest when `round` is null; submission times in
 * the organization's time zone.
 */
export async function rankingSheet(
	db: DbOrTx,
	c: Contest,
	round: ContestRound | null,
	now: number,
	timeZone = DEFAULT_TIME_ZONE
): Promise<Sheet> {
	if (round) {
		const { truth, rows } = await rankedRound(db, c, round, Number.MAX_SAFE_INTEGER, now);
		return {
			name: m.contest_export_ranking_sheet(),
			header: [
				m.contest_export_rank(),
				m.contest_export_name(),
				m.contest_export_phone(),
				m.contest_export_unit(),
				m.contest_export_score(),
				m.contest_export_questions(),
				m.contest_export_prediction(),
				m.contest_export_gap(),
				m.contest_export_time(),
				m.contest_export_submitted(),
				m.contest_export_attempt()
			],
			rows: rows.map((r) => [
				r.rank,
				r.fullName,
				r.phone,
				r.unitName,
				r.score,
				r.questionCount,
				r.prediction,
				predictionGap(r.prediction, truth),
				formatDuration(r.durationMs),
				formatDateTime(r.submittedAt, timeZone),
				r.attemptNumber
			])
		};
	}
	return {
		name: m.contest_export_ranking_sheet(),
		header: [
			m.contest_export_rank(),
			m.contest_export_name(),
			m.contest_export_phone(),
			m.contest_export_unit(),
			m.contest_export_score(),
			m.contest_export_gap(),
			m.contest_export_time(),
			m.contest_export_submitted(),
			m.contest_export_rounds()
		],
		rows: (await rankedOverall(db, c)).map((r) => [
			r.rank,
			r.fullName,
			r.phone,
			r.unitName,
			r.score,
			r.predictionGap,
			formatDuration(r.durationMs),
			formatDateTime(r.submittedAt, timeZone),
			r.rounds
		])
	};
}

export async function unitsSheet(db: DbOrTx, c: Contest): Promise<Sheet> {
	return {
		name: m.contest_export_units_sheet(),
		header: [
			m.contest_export_unit(),
			m.contest_export_members(),
			m.contest_export_registered(),
			m.contest_export_entrants(),
			m.contest_export_rate()
		],
		rows: (await unitParticipation(db, c.organizationId, c.id)).map((u) => [
			u.unitName,
			u.memberCount,
			u.registered,
			u.entrants,
			u.rate === null ? null : Math.round(u.rate * 1000) / 10
		])
	};
}
