/**
 * An .xlsx is a zip archive. Before exceljs inflates one we make sure it is not a zip bomb:
 * 1. the central directory (read by fflate without inflating anything) must list few entries,
 *    a modest declared total size and sane compression ratios, and the parts of a workbook;
 * 2. the entries are then really inflated, in small slices with yields in between, counting the
 *    bytes that come out, because the sizes a zip declares can lie.
 */
import { Unzip, UnzipInflate, unzipSync, zipSync } from 'fflate';
import {
	MAX_IMPORT_QUESTIONS,
	MAX_XLSX_COMPRESSION_RATIO,
	MAX_XLSX_ENTRIES,
	MAX_XLSX_CELLS,
	MAX_XLSX_SHEETS,
	MAX_XLSX_UNCOMPRESSED_BYTES
} from './types';
import { yieldToEventLoop } from './text';

export interface ZipLimits {
	maxEntries: number;
	maxUncompressedBytes: number;
	maxRatio: number;
	/** Rows over all sheets; checked before exceljs, whose parsing time grows with rows. */
	maxRows: number;
	/** Cells over all sheets (rows × columns), for the same reason. */
	maxCells: number;
	/** Worksheets: a question bank has one or two. */
	maxSheets: number;
}

export const XLSX_ZIP_LIMITS: ZipLimits = {
	maxEntries: MAX_XLSX_ENTRIES,
	maxUncompressedBytes: MAX_XLSX_UNCOMPRESSED_BYTES,
	maxRatio: MAX_XLSX_COMPRESSION_RATIO,
	maxRows: MAX_IMPORT_QUESTIONS + 1000,
	maxCells: MAX_XLSX_CELLS,
	maxSheets: MAX_XLSX_SHEETS
};

export type ZipProblem =
	| { code: 'zip_entries'; count: number }
	| { code: 'zip_size' }
	| { code: 'zip_ratio' }
	| { code: 'zip_corrupt' }
	| { code: 'not_xlsx' }
	| { code: 'too_many_rows' }
	| { code: 'too_many_cells' };

/** Entries below this size may compress extremely well without being suspicious. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Input slice per inflate step: at deflate's ~1032:1 maximum, one step yields ≤ ~17 MB. */
const SLICE_BYTES = 16 * 1024;

export function isZip(bytes: Uint8Array): boolean {
	return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

interface Listed {
	name: string;
	size: number;
	originalSize: number;
}

/** Read the central directory only; returns the entries or undefined when the zip is unreadable. */
function listEntries(bytes: Uint8Array, maxEntries: number): Listed[] | 'too-many' | undefined {
	const entries: Listed[] = [];
	try {
		unzipSync(bytes, {
			filter(file) {
				entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
				if (entries.length > maxEntries) throw new RangeError('too many entries');
				return false; // never inflate here
			}
		});
	} catch (error) {
		if (error instanceof RangeError && entries.length > maxEntries) return 'too-many';
		return undefined;
	}
	return entries;
}

/** The parts exceljs needs to read cell values; everything else (drawings, tables…) is dropped. */
const KEPT_PART =
	/^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

export type XlsxCheck = { ok: true; zip: Uint8Array } | { ok: false; problem: ZipProblem };

/**
 * Check an .xlsx archive and return a reduced copy that is safe to hand to exceljs: only the parts
 * holding cell values, with worksheets cut down to their cell data. exceljs expands cell ranges
 * (merged cells, data validations, defined names) one cell at a time on load, so a 1 KB sheet
 * declaring a merge of A1:XFD1048576 would otherwise keep it busy for hours.
 */
export async function prepareXlsx(
	bytes: Uint8Array,
	limits: ZipLimits = XLSX_ZIP_LIMITS
): Promise<XlsxCheck> {
	if (!isZip(bytes)) return { ok: false, problem: { code: 'not_xlsx' } };
	const listed = listEntries(bytes, limits.maxEntries);
	if (listed === 'too-many')
		return { ok: false, problem: { code: 'zip_entries', count: limits.maxEntries + 1 } };
	if (!listed) return { ok: false, problem: { code: 'zip_corrupt' } };

	let declared = 0;
	for (const entry of listed) {
		declared += entry.originalSize;
		if (declared > limits.maxUncompressedBytes) return { ok: false, problem: { code: 'zip_size' } };
		if (
			entry.originalSize > RATIO_FLOOR_BYTES &&
			entry.originalSize / Math.max(entry.size, 1) > limits.maxRatio
		)
			return { ok: false, problem: { code: 'zip_ratio' } };
	}
	const names = new Set(listed.map((entry) => entry.name));
	if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml'))
		return { ok: false, problem: { code: 'not_xlsx' } };

	const inflated = await inflateAndCount(bytes, listed, limits);
	if ('problem' in inflated) return { ok: false, problem: inflated.problem };
	const parts: Record<string, Uint8Array> = {};
	let rows = 0;
	let cells = 0;
	let sheets = 0;
	for (const [name, data] of inflated.parts) {
		if (name.startsWith('xl/worksheets/') && ++sheets > limits.maxSheets)
			return { ok: false, problem: { code: 'zip_entries', count: sheets } };
		const reduced = reducePart(name, data);
		parts[name] = reduced.data;
		rows += reduced.rows;
		cells += reduced.cells;
		if (rows > limits.maxRows) return { ok: false, problem: { code: 'too_many_rows' } };
		if (cells > limits.maxCells) return { ok: false, problem: { code: 'too_many_cells' } };
	}
	return { ok: true, zip: zipSync(parts, { level: 0 }) };
}

function joinChunks(chunks: Uint8Array[], length: number): Uint8Array {
	const out = new Uint8Array(length);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.length;
	}
	return out;
}

async function inflateAndCount(
	bytes: Uint8Array,
	listed: Listed[],
	limits: ZipLimits
): Promise<{ parts: Map<string, Uint8Array> } | { problem: ZipProblem }> {
	let total = 0;
	let problem: ZipProblem | undefined;
	const seen: string[] = [];
	const parts = new Map<string, Uint8Array>();
	const declaredSize = new Map(listed.map((entry) => [entry.name, entry.originalSize]));
	const unzip = new Unzip((file) => {
		seen.push(file.name);
		const declared = declaredSize.get(file.name) ?? 0;
		const keep = KEPT_PART.test(file.name);
		const chunks: Uint8Array[] = [];
		let produced = 0;
		file.ondata = (error, chunk, final) => {
			if (problem) return;
			if (error) {
				problem = { code: 'zip_corrupt' };
				return;
			}
			produced += chunk.length;
			total += chunk.length;
			if (total > limits.maxUncompressedBytes) problem = { code: 'zip_size' };
			// More bytes than the central directory promised: the archive lies about itself.
			else if (produced > declared) problem = { code: 'zip_corrupt' };
			else if (keep) {
				chunks.push(chunk);
				if (final) parts.set(file.name, joinChunks(chunks, produced));
			}
		};
		try {
			file.start();
		} catch {
			problem = { code: 'zip_corrupt' }; // unknown compression method
		}
	});
	unzip.register(UnzipInflate);
	try {
		for (let offset = 0; offset < bytes.length && !problem; offset += SLICE_BYTES) {
			const end = Math.min(offset + SLICE_BYTES, bytes.length);
			unzip.push(bytes.subarray(offset, end), end === bytes.length);
			if ((offset / SLICE_BYTES) % 16 === 15) await yieldToEventLoop();
		}
	} catch {
		return { problem: problem ?? { code: 'zip_corrupt' } };
	}
	if (problem) return { problem };
	// Entries the central directory lists but a front-to-back read never reached overlap or hide:
	// that is how some zip bombs multiply one payload.
	const reached = new Set(seen);
	if (listed.some((entry) => !reached.has(entry.name))) return { problem: { code: 'zip_corrupt' } };
	return { parts };
}

const WORKSHEET_NS =
	'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A tag found by `scanTags`: where it stands and its local name (prefix dropped). */
interface Tag {
	start: number;
	/** Index just past the closing `>`. */
	end: number;
	name: string;
	/** Index just past the (prefixed) name: attributes follow. */
	nameEnd: number;
	isClosing: boolean;
	isSelfClosing: boolean;
}

/**
 * Every tag of `xml` from `from` on, left to right. Each character is looked at a bounded number
 * of times (indexOf from the last position, never backwards), so the time is linear in the size
 * whatever the content: no regular expression here can backtrack on a crafted worksheet.
 * Comments, CDATA and processing instructions are skipped whole.
 */
function* scanTags(xml: string, from = 0): Generator<Tag> {
	let at = xml.indexOf('<', from);
	while (at >= 0) {
		if (xml.startsWith('<!--', at) || xml.startsWith('<![CDATA[', at) || xml[at + 1] === '?') {
			const closer = xml.startsWith('<!--', at) ? '-->' : xml[at + 1] === '?' ? '?>' : ']]>';
			const close = xml.indexOf(closer, at + 2);
			if (close < 0) return;
			at = xml.indexOf('<', close + closer.length);
			continue;
		}
		const end = xml.indexOf('>', at + 1);
		if (end < 0) return; // a tag never closed: nothing after it is markup
		const isClosing = xml[at + 1] === '/';
		let nameEnd = at + (isClosing ? 2 : 1);
		while (nameEnd < end && !' \t\r\n/'.includes(xml[nameEnd])) nameEnd++;
		const qualified = xml.slice(at + (isClosing ? 2 : 1), nameEnd);
		const name = qualified.slice(qualified.indexOf(':') + 1);
		yield {
			start: at,
			end: end + 1,
			name,
			nameEnd,
			isClosing,
			isSelfClosing: xml[end - 1] === '/'
		};
		// A stray "<" inside the tag is not a new tag: resume after this one's ">".
		at = xml.indexOf('<', end + 1);
	}
}

export interface ReducedPart {
	data: Uint8Array;
	rows: number;
	cells: number;
}

/**
 * Copy the element `name` (its first start tag to the matching end at the same depth) with
 * every tag's prefix dropped (`<x:row>` → `<row>`: the fragment moves under a default-namespace
 * root) and, in worksheets, formulas left out: their cached results (`<v>`) are what the organizer
 * sees. Counts rows and cells on the way. Linear in the size of `xml`.
 */
function copyElement(
	xml: string,
	name: string,
	dropFormulas: boolean
): { xml: string; rows: number; cells: number } {
	let out = '';
	let depth = 0;
	let copiedTo = -1;
	let inFormula = false;
	let rows = 0;
	let cells = 0;
	for (const tag of scanTags(xml)) {
		if (depth === 0) {
			if (tag.isClosing || tag.name !== name) continue;
			if (tag.isSelfClosing) return { xml: `<${name}/>`, rows, cells };
			out = `<${name}>`;
			depth = 1;
			copiedTo = tag.end;
			continue;
		}
		// Text between the previous tag and this one (not inside a dropped formula).
		if (!inFormula) out += xml.slice(copiedTo, tag.start);
		copiedTo = tag.end;
		if (dropFormulas && tag.name === 'f') {
			if (!tag.isClosing && !tag.isSelfClosing) inFormula = true;
			else if (tag.isClosing) inFormula = false;
			continue;
		}
		if (inFormula) continue;
		if (tag.isClosing) {
			if (tag.name === name && --depth === 0) return { xml: `${out}</${name}>`, rows, cells };
			out += `</${tag.name}>`;
			continue;
		}
		if (tag.name === name) depth++;
		if (tag.name === 'row') rows++;
		else if (tag.name === 'c') cells++;
		out += `<${tag.name}${xml.slice(tag.nameEnd, tag.end)}`;
	}
	return { xml: `<${name}/>`, rows: 0, cells: 0 }; // never closed: treat as empty
}

/** Keep only what names sheets (workbook) or holds cell values (worksheets), counting rows. */
export function reducePart(name: string, data: Uint8Array): ReducedPart {
	const header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
	if (name === 'xl/workbook.xml') {
		const sheets = copyElement(new TextDecoder().decode(data), 'sheets', false);
		const reduced = `${header}<workbook ${WORKSHEET_NS}>${sheets.xml}</workbook>`;
		return { data: new TextEncoder().encode(reduced), rows: 0, cells: 0 };
	}
	if (name.startsWith('xl/worksheets/')) {
		const sheet = copyElement(new TextDecoder().decode(data), 'sheetData', true);
		const reduced = `${header}<worksheet ${WORKSHEET_NS}>${sheet.xml}</worksheet>`;
		return { data: new TextEncoder().encode(reduced), rows: sheet.rows, cells: sheet.cells };
	}
	return { data, rows: 0, cells: 0 };
}
