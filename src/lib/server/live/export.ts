/**
 * Results as a spreadsheet for the organization: a ranking sheet (with the hidden fields the game
 * asked for), a team sheet in teams mode and a question sheet. CSV is UTF-8 with a BOM (Excel then
 * shows Vietnamese correctly) and holds the ranking only. Every text cell goes through
 * `neutralizeCell`, so a nickname like "=HYPERLINK(…)" stays text.
 */
import ExcelJS from 'exceljs';
import type { HiddenField } from '../../protocol';
import { encodeCsv, type CsvSeparator } from '../transfer/csv';
import type { ResultStatus } from '../../quiz/eligibility';
import { neutralizeCell, slugify } from '../transfer/text';
import type { ExportedFile, GameResults } from './results';

/** Column and sheet labels; the route passes the user's language, Vietnamese by default. */
export interface ExportLabels {
	rank: string;
	nickname: string;
	team: string;
	score: string;
	correct: string;
	answered: string;
	timeSec: string;
	status: string;
	hidden: Record<HiddenField, string>;
	statuses: Record<ResultStatus, string>;
	sheetRanking: string;
	sheetTeams: string;
	sheetQuestions: string;
	members: string;
	questionNo: string;
	question: string;
	eligible: string;
	percentCorrect: string;
	averageSec: string;
	skipped: string;
	kinds: Record<'main' | 'tiebreak' | 'rescue', string>;
}

export const VI_EXPORT_LABELS: ExportLabels = {
	rank: 'Hạng',
	nickname: 'Biệt danh',
	team: 'Đội',
	score: 'Điểm',
	correct: 'Số câu đúng',
	answered: 'Số câu đã trả lời',
	timeSec: 'Tổng thời gian (giây)',
	status: 'Trạng thái',
	hidden: { fullName: 'Họ và tên', unit: 'Đơn vị', phone: 'Số điện thoại' },
	statuses: {
		active: 'Đang chơi',
		eliminated: 'Bị loại',
		spectator: 'Khán giả',
		kicked: 'Bị mời ra',
		finished: 'Hoàn thành',
		left: 'Đã rời (không trả lời câu nào)'
	},
	sheetRanking: 'Xếp hạng',
	sheetTeams: 'Đội',
	sheetQuestions: 'Câu hỏi',
	members: 'Số thành viên',
	questionNo: 'Câu',
	question: 'Nội dung',
	eligible: 'Số người được trả lời',
	percentCorrect: '% đúng',
	averageSec: 'Thời gian trung bình (giây)',
	skipped: 'Bỏ qua',
	kinds: { main: 'Chính', tiebreak: 'Phụ (phân định)', rescue: 'Cứu trợ' }
};

type Cell = string | number;

const text = (value: string): string => neutralizeCell(value);
const seconds = (ms: number | null): Cell => (ms === null ? '' : Math.round(ms / 100) / 10);

function rankingTable(results: GameResults, labels: ExportLabels): Cell[][] {
	const header = [
		labels.rank,
		labels.nickname,
		...(results.game.mode === 'teams' ? [labels.team] : []),
		labels.score,
		labels.correct,
		labels.answered,
		labels.timeSec,
		labels.status,
		...results.hiddenFields.map((field) => labels.hidden[field])
	];
	const rows = results.players.map((p): Cell[] => [
		p.rank ?? '',
		text(p.nickname),
		...(results.game.mode === 'teams' ? [text(p.teamName ?? '')] : []),
		p.score,
		p.correct,
		p.answered,
		seconds(p.timeMs),
		labels.statuses[p.status],
		...results.hiddenFields.map((field) => text(p.hidden[field] ?? ''))
	]);
	return [header, ...rows];
}

function questionTable(results: GameResults, labels: ExportLabels): Cell[][] {
	const header = [
		labels.questionNo,
		labels.question,
		labels.eligible,
		labels.answered,
		labels.correct,
		labels.percentCorrect,
		labels.averageSec
	];
	const rows = results.questions.map((q): Cell[] => [
		q.kind === 'main' ? q.number : labels.kinds[q.kind],
		text(q.text) + (q.skipped ? ` (${labels.skipped})` : ''),
		q.eligible,
		q.answered,
		q.correct,
		q.percentCorrect ?? '',
		seconds(q.averageMs)
	]);
	return [header, ...rows];
}

function teamTable(results: GameResults, labels: ExportLabels): Cell[][] {
	return [
		[labels.rank, labels.team, labels.score, labels.members],
		...(results.teams ?? []).map((t): Cell[] => [t.rank, text(t.name), t.score, t.members])
	];
}

/** Builds the file; `results` comes from getResults. */
export async function buildResultsFile(
	results: GameResults,
	format: 'xlsx' | 'csv',
	labels: ExportLabels = VI_EXPORT_LABELS,
	separator: CsvSeparator = ','
): Promise<ExportedFile> {
	const base = `ket-qua-${slugify(results.game.title, 'tro-choi')}-${results.game.id}`;
	if (format === 'csv') {
		return {
			filename: `${base}.csv`,
			contentType: 'text/csv; charset=utf-8',
			body: encodeCsv(rankingTable(results, labels), separator)
		};
	}
	const workbook = new ExcelJS.Workbook();
	const addSheet = (name: string, table: Cell[][]) => {
		const sheet = workbook.addWorksheet(name);
		for (const row of table) sheet.addRow(row);
		sheet.getRow(1).font = { bold: true };
		sheet.columns.forEach((column) => (column.width = 16));
	};
	addSheet(labels.sheetRanking, rankingTable(results, labels));
	if (results.teams) addSheet(labels.sheetTeams, teamTable(results, labels));
	addSheet(labels.sheetQuestions, questionTable(results, labels));
	const buffer = await workbook.xlsx.writeBuffer();
	return {
		filename: `${base}.xlsx`,
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body: new Uint8Array(buffer as ArrayBuffer)
	};
}
