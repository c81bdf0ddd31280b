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
	MAX_XLSX_UNCOMPRESSED_BYTES
} from './types';
import { yieldToEventLoop } from './text';

export interface ZipLimits {
	maxEntries: number;
	maxUncompressedBytes: number;
	maxRatio: number;
	/** Rows over all sheets; checked before exceljs, whose parsing time grows with rows. */
	maxRows: number;
}

export const XLSX_ZIP_LIMITS: ZipLimits = {
	maxEntries: MAX_XLSX_ENTRIES,
	maxUncompressedBytes: MAX_XLSX_UNCOMPRESSED_BYTES,
	maxRatio: MAX_XLSX_COMPRESSION_RATIO,
	maxRows: MAX_IMPORT_QUESTIONS + 1000
};

export type ZipProblem =
	| { code: 'zip_entries'; count: number }
	| { code: 'zip_size' }
	| { code: 'zip_ratio' }
	| { code: 'zip_corrupt' }
	| { code: 'not_xlsx' }
	| { code: 'too_many_rows' };

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
	for (const [name, data] of inflated.parts) {
		const reduced = reducePart(name, data);
		parts[name] = reduced.data;
		rows += reduced.rows;
		if (rows > limits.maxRows) return { ok: false, problem: { code: 'too_many_rows' } };
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

/** `<x:row>` → `<row>`: the kept fragment moves under a default-namespace root. */
function unprefix(xml: string): string {
	return xml.replace(/<(\/?)\w+:(?=\w)/g, '<$1');
}

/** Keep only what names sheets (workbook) or holds cell values (worksheets), counting rows. */
function reducePart(name: string, data: Uint8Array): { data: Uint8Array; rows: number } {
	if (name === 'xl/workbook.xml') {
		const xml = new TextDecoder().decode(data);
		const sheets = unprefix(
			/<(?:\w+:)?sheets\b[^>]*>[\s\S]*?<\/(?:\w+:)?sheets>/.exec(xml)?.[0] ?? '<sheets/>'
		);
		const reduced = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${WORKSHEET_NS}>${sheets}</workbook>`;
		return { data: new TextEncoder().encode(reduced), rows: 0 };
	}
	if (name.startsWith('xl/worksheets/')) {
		const xml = new TextDecoder().decode(data);
		const match =
			/<(?:\w+:)?sheetData\b[^>]*\/>|<(?:\w+:)?sheetData\b[^>]*>[\s\S]*<\/(?:\w+:)?sheetData>/.exec(
				xml
			);
		// Formulas are dropped: their cached results (<v>) are what the organizer sees.
		const sheetData = unprefix(match?.[0] ?? '<sheetData/>')
			.replace(/<(\w+:)?f\b[^>]*\/>/g, '')
			.replace(/<(\w+:)?f\b[^>]*>[^<]*<\/(\w+:)?f>/g, '');
		const reduced = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${WORKSHEET_NS}>${sheetData}</worksheet>`;
		return {
			data: new TextEncoder().encode(reduced),
			rows: sheetData.match(/<row\b/g)?.length ?? 0
		};
	}
	return { data, rows: 0 };
}
