/**
 * Find the header row of a sheet, wherever it stands (Kahoot's template has title rows above it),
 * and decide which spreadsheet flavour the sheet follows.
 */
import { looseKey } from '../text';
import {
	KAHOOT_PREFIXES,
	WAYGROUND_HEADERS,
	templateFieldOfKey,
	type KahootField,
	type TemplateField,
	type WaygroundField
} from './columns';
import type { SheetRow } from './read';

export type Flavour = 'template' | 'kahoot' | 'wayground';

export interface HeaderMatch {
	flavour: Flavour;
	/** Index in the rows array of the header row; data rows follow it. */
	rowIndex: number;
	/** Field → column index. */
	columns: Map<string, number>;
}

/** Header rows further down than this are not looked for. */
const HEADER_SEARCH_ROWS = 30;
/** Kahoot's longest header ("Time limit (sec) – 5, 10, 20, …") is under 70 characters. */
const MAX_HEADER_CHARS = 120;

function matchTemplate(keys: string[]): Map<string, number> | undefined {
	const columns = new Map<TemplateField, number>();
	keys.forEach((key, index) => {
		const field = templateFieldOfKey(key);
		if (field && !columns.has(field)) columns.set(field, index);
	});
	const hasBody = columns.has('optionA') || columns.has('correct') || columns.has('type');
	return columns.has('text') && hasBody && columns.size >= 3 ? columns : undefined;
}

function matchKahoot(keys: string[]): Map<string, number> | undefined {
	const columns = new Map<KahootField, number>();
	keys.forEach((key, index) => {
		// "answer1…" must be tested before "question" can swallow anything else.
		for (const [field, prefix] of Object.entries(KAHOOT_PREFIXES) as [KahootField, string][]) {
			if (key.startsWith(prefix) && !columns.has(field)) {
				columns.set(field, index);
				break;
			}
		}
	});
	return columns.has('text') && columns.has('answer1') && columns.has('correct')
		? columns
		: undefined;
}

function matchWayground(keys: string[]): Map<string, number> | undefined {
	const columns = new Map<WaygroundField, number>();
	keys.forEach((key, index) => {
		for (const [field, header] of Object.entries(WAYGROUND_HEADERS) as [WaygroundField, string][]) {
			if (key === header && !columns.has(field)) columns.set(field, index);
		}
	});
	return columns.has('text') && (columns.has('type') || columns.has('option1'))
		? columns
		: undefined;
}

/** The first row that reads as a header of a known flavour, or undefined. */
export function findHeader(rows: SheetRow[]): HeaderMatch | undefined {
	const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
	for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
		// Headers are short; a long cell (a whole file on one line, say) is never one.
		const keys = rows[rowIndex].cells.map((cell) =>
			cell.length <= MAX_HEADER_CHARS ? looseKey(cell) : ''
		);
		const candidates: [Flavour, Map<string, number> | undefined][] = [
			['template', matchTemplate(keys)],
			['wayground', matchWayground(keys)],
			['kahoot', matchKahoot(keys)]
		];
		let best: HeaderMatch | undefined;
		for (const [flavour, columns] of candidates) {
			if (columns && (!best || columns.size > best.columns.size))
				best = { flavour, rowIndex, columns };
		}
		if (best) return best;
	}
	return undefined;
}
