/**
 * `importFile`: bytes of an uploaded file → `ImportResult`. The format is decided from the content
 * first (zip signature, BOM, XML/JSON shape, GIFT braces, Aiken ANSWER lines, a known header row)
 * and the extension second (a hint: `.aiken`, `.txt` or a `.gift` that is plainly Aiken are read
 * as what they contain). Nothing here writes anywhere: the caller saves all of `draft` when
 * `errors` is empty, or — when the organizer chooses it — only the valid questions it holds.
 * Runs in the import worker (`worker.ts`); call it directly only off the live server.
 */
import { fileTypeFromBuffer } from 'file-type';
import { looksLikeAiken, readAiken } from './aiken';
import { decodeText } from './decode';
import { readGift } from './gift/read';
import { IssueLog } from './issues';
import { readJson } from './json';
import { looksLikeXml, readMoodleXml } from './moodle-xml';
import { importCsv, importXlsx, titleFromFilename } from './sheet/import';
import {
	IMPORT_EXTENSIONS,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_QUESTIONS,
	MAX_XLSX_CELLS,
	MAX_XLSX_COMPRESSION_RATIO,
	MAX_XLSX_ENTRIES,
	MAX_XLSX_UNCOMPRESSED_BYTES,
	type BankDraft,
	type ImportFormat,
	type ImportInput,
	type ImportResult
} from './types';
import { isZip, prepareXlsx } from './zip-guard';

export { IMPORT_ACCEPT, IMPORT_EXTENSIONS } from './types';

const MB = 1024 * 1024;

function extensionOf(filename: string): string {
	const base = filename.replace(/^.*[\\/]/, '');
	const dot = base.lastIndexOf('.');
	return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function isLegacyExcel(bytes: Uint8Array): boolean {
	const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
	return ole.every((byte, index) => bytes[index] === byte);
}

/** GIFT answers sit in braces: "{=…", "{~…", "{T}", "{#…", "{FALSE}". */
function looksLikeGift(text: string): boolean {
	return (
		/(^|[^\\])\{\s*([=~#]|T\s*[}#]|F\s*[}#]|TRUE\s*[}#]|FALSE\s*[}#])/i.test(text) ||
		/^\s*::/m.test(text)
	);
}

function finish(format: ImportFormat, draft: BankDraft, log: IssueLog): ImportResult {
	if (log.errors.length === 0 && draft.questions.length === 0)
		log.error(0, 'file', 'no_questions', {});
	const invalidLines = new Set(
		log.errors.filter((issue) => issue.line > 0).map((issue) => issue.line)
	);
	return {
		format,
		draft,
		errors: log.errors,
		warnings: log.warnings,
		validCount: draft.questions.length,
		invalidCount: invalidLines.size
	};
}

function refuse(log: IssueLog): ImportResult {
	return finish('unknown', { questions: [] }, log);
}

/** Read an uploaded question file of any supported format. Never throws for bad input. */
export async function importFile({ filename, bytes, locale }: ImportInput): Promise<ImportResult> {
	const log = new IssueLog(locale);
	const ext = extensionOf(filename);
	if (bytes.length === 0) {
		log.error(0, 'file', 'file_empty', {});
		return refuse(log);
	}
	if (bytes.length > MAX_IMPORT_BYTES) {
		log.error(0, 'file', 'file_too_large', {
			size: (bytes.length / MB).toFixed(1),
			max: MAX_IMPORT_BYTES / MB
		});
		return refuse(log);
	}
	if (ext && !(IMPORT_EXTENSIONS as readonly string[]).includes(ext)) {
		log.error(0, 'file', ext === 'xls' ? 'file_xls_legacy' : 'file_extension', { ext });
		return refuse(log);
	}
	try {
		return await dispatch(filename, ext, bytes, log);
	} catch {
		// A parser library failed on something our checks let through: still a clean answer.
		log.error(0, 'file', ext === 'xlsx' ? 'zip_corrupt' : 'format_unknown', {});
		return refuse(log);
	}
}

async function dispatch(
	filename: string,
	ext: string,
	bytes: Uint8Array,
	log: IssueLog
): Promise<ImportResult> {
	if (isLegacyExcel(bytes)) {
		log.error(0, 'file', 'file_xls_legacy', {});
		return refuse(log);
	}
	if (isZip(bytes)) return importZip(filename, bytes, log);
	if (ext === 'xlsx') {
		log.error(0, 'file', 'file_not_xlsx', { filename });
		return refuse(log);
	}
	const decoded = decodeText(bytes);
	// Binary signatures are only checked when the bytes are not plainly text: file-type reads
	// some UTF-16 text as MPEG audio.
	if (!decoded || decoded.isLegacy) {
		const binary = await fileTypeFromBuffer(bytes);
		if (binary && binary.ext !== 'xml') {
			log.error(0, 'file', 'file_binary', { filename, kind: binary.ext.toUpperCase() });
			return refuse(log);
		}
	}
	if (!decoded) {
		log.error(0, 'file', bytes.includes(0) ? 'format_unknown' : 'encoding_unknown', {});
		return refuse(log);
	}
	if (decoded.isLegacy) log.warn(0, 'file', 'encoding_converted', { encoding: decoded.encoding });
	const text = decoded.text.replace(/^\ufeff/, '');
	const start = text.trimStart();

	if (
		ext === 'json' ||
		(!ext && start.startsWith('{')) ||
		(ext === 'txt' && start.startsWith('{"'))
	) {
		const draft = await readJson(text, log, MAX_IMPORT_QUESTIONS);
		return finish('json', draft, log);
	}
	if (ext === 'xml' || looksLikeXml(start)) {
		if (ext !== 'xml' && ext !== '' && ext !== 'txt') return mismatch(filename, ext, log);
		return finish('moodle-xml', withTitle(await readMoodleXml(text, log), filename), log);
	}
	if (ext === 'csv' || ext === 'tsv') {
		const sheet = await importCsv(text, filename, log);
		return finish(sheet.format, sheet.draft, log);
	}
	// The extension is a hint; the content decides. A ".gift" that is plainly Aiken is read as
	// Aiken, an ".aiken" or ".txt" file as whatever its content is.
	const gift = looksLikeGift(text);
	const aiken = looksLikeAiken(text);
	if (ext === 'gift' && (gift || !aiken))
		return finish('gift', withTitle(await readGift(text, log), filename), log);
	if (ext === 'aiken' && (aiken || !gift))
		return finish('aiken', withTitle(await readAiken(text, log), filename), log);

	// .txt or no extension: GIFT, Aiken or a CSV saved as text.
	if (gift) return finish('gift', withTitle(await readGift(text, log), filename), log);
	if (aiken) return finish('aiken', withTitle(await readAiken(text, log), filename), log);
	const probe = new IssueLog(log.locale);
	const sheet = await importCsv(text, filename, probe);
	if (sheet.format !== 'unknown') {
		log.errors.push(...probe.errors);
		log.warnings.push(...probe.warnings);
		return finish(sheet.format, sheet.draft, log);
	}
	log.error(0, 'file', 'format_unknown', {});
	return refuse(log);
}

function mismatch(filename: string, ext: string, log: IssueLog): ImportResult {
	log.error(0, 'file', 'file_mismatch', { filename, ext });
	return refuse(log);
}

function withTitle(draft: BankDraft, filename: string): BankDraft {
	return draft.title ? draft : { ...draft, title: titleFromFilename(filename) };
}

async function importZip(
	filename: string,
	bytes: Uint8Array,
	log: IssueLog
): Promise<ImportResult> {
	const checked = await prepareXlsx(bytes);
	if (!checked.ok) {
		const problem = checked.problem;
		if (problem.code === 'not_xlsx') log.error(0, 'file', 'file_not_xlsx', { filename });
		else if (problem.code === 'zip_entries')
			log.error(0, 'file', 'zip_entries', { count: problem.count, max: MAX_XLSX_ENTRIES });
		else if (problem.code === 'zip_size')
			log.error(0, 'file', 'zip_size', { max: MAX_XLSX_UNCOMPRESSED_BYTES / MB });
		else if (problem.code === 'zip_ratio')
			log.error(0, 'file', 'zip_ratio', { max: MAX_XLSX_COMPRESSION_RATIO });
		else if (problem.code === 'too_many_rows')
			log.error(0, 'file', 'too_many_questions', { max: MAX_IMPORT_QUESTIONS });
		else if (problem.code === 'too_many_cells')
			log.error(0, 'file', 'too_many_cells', { max: MAX_XLSX_CELLS });
		else log.error(0, 'file', 'zip_corrupt', {});
		return refuse(log);
	}
	try {
		const sheet = await importXlsx(checked.zip, filename, log);
		return finish(sheet.format, sheet.draft, log);
	} catch {
		log.error(0, 'file', 'zip_corrupt', {});
		return refuse(log);
	}
}
