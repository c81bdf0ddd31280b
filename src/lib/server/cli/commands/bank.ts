/**
 * `bank import` and `bank export`: the web importers/exporters for operators. Like the web
 * preview's "import the N good questions", a file with some bad questions imports the good ones
 * and lists each bad one with its line (exit 3); `--strict` keeps the all-or-nothing rule (any
 * error saves nothing, exit 1).
 */
import fs from 'node:fs';
import path from 'node:path';
import { findOrganizationBySlug } from '../../auth/members';
import { transaction, type Db } from '../../db';
import { createBank, findBankByTitle, getBankById } from '../../db/queries/banks';
import { insertQuestions, listQuestions } from '../../db/queries/questions';
import { exportBank, importInWorker, MAX_IMPORT_BYTES, type ExportFormat } from '../../transfer';
import type { Question } from '../../../quiz/question';
import { requireFlag, UsageError, type CliCommand } from '../registry';

const EXPORT_FORMATS: ExportFormat[] = ['xlsx', 'csv', 'gift', 'json'];

/** Files past this are refused before reading; between MAX_IMPORT_BYTES and this, importFile explains. */
const READ_LIMIT_BYTES = 64 * 1024 * 1024;

function readInput(file: string): Uint8Array {
	let stat: fs.Stats;
	try {
		stat = fs.statSync(file);
	} catch {
		throw new UsageError(`không đọc được tệp / cannot read file: ${file}`);
	}
	if (!stat.isFile()) throw new UsageError(`không phải tệp / not a file: ${file}`);
	if (stat.size > READ_LIMIT_BYTES)
		throw new UsageError(
			`tệp quá lớn / file too large: ${(stat.size / 1024 / 1024).toFixed(0)} MB > ${MAX_IMPORT_BYTES / 1024 / 1024} MB`
		);
	return new Uint8Array(fs.readFileSync(file));
}

export const bankImport: CliCommand = {
	name: 'bank import',
	usage: 'bank import <file> --org <slug> [--bank <title>] [--strict] [--dry-run] [--json]',
	summary:
		'Import questions (xlsx/csv template, Kahoot, Wayground, GIFT, Aiken, Moodle XML, JSON): the good ones are saved and each bad one is listed (exit 3); with --strict a file with any error saves nothing (exit 1)',
	async run({ args, flags, db, out, err }) {
		const file = args[0];
		if (!file) throw new UsageError('missing <file>');
		const slug = requireFlag(flags, 'org');
		const bankTitle = typeof flags.bank === 'string' ? flags.bank.trim() : undefined;
		if (flags.bank !== undefined && !bankTitle) throw new UsageError('--bank needs a title');
		const dryRun = flags['dry-run'] === true;
		const strict = flags.strict === true;
		const asJson = flags.json === true;
		const org = await findOrganizationBySlug(await db(), slug);
		if (!org) {
			if (asJson) out(JSON.stringify({ ok: false, error: 'organization_not_found', org: slug }));
			else err(`Không có tổ chức "${slug}" / no organization "${slug}"`);
			return 2;
		}
		const result = await importInWorker({
			filename: path.basename(file),
			bytes: readInput(file),
			locale: 'vi'
		});
		const byType: Record<string, number> = {};
		for (const q of result.draft.questions) byType[q.type] = (byType[q.type] ?? 0) + 1;
		const hasErrors = result.errors.length > 0;
		const willSave = result.draft.questions.length > 0 && !(strict && hasErrors);

		let saved: { id: number; title: string; created: boolean; count: number } | null = null;
		if (willSave && !dryRun) {
			const questions = result.draft.questions.map(({ line: _line, image: _image, ...q }) => {
				void _line;
				void _image; // images are not carried by files: they would point at nothing here
				return q as Question;
			});
			saved = await transaction(await db(), async (tx) => {
				const t = tx as unknown as Db;
				const title = (
					bankTitle ||
					result.draft.title?.trim() ||
					path.basename(file).replace(/\.[^.]+$/, '')
				).slice(0, 200);
				const existing = bankTitle ? await findBankByTitle(t, org.id, title) : undefined;
				const target =
					existing ??
					(await createBank(t, org.id, {
						title,
						description: (result.draft.description ?? '').slice(0, 2000),
						tags: (result.draft.tags ?? []).slice(0, 10),
						visibility: 'private'
					}));
				await insertQuestions(t, org.id, target.id, questions);
				return { id: target.id, title: target.title, created: !existing, count: questions.length };
			});
		}

		if (asJson) {
			out(
				JSON.stringify({
					ok: !hasErrors,
					strict,
					file: path.basename(file),
					format: result.format,
					organization: slug,
					dryRun,
					questions: { total: result.draft.questions.length, byType },
					invalidCount: result.invalidCount,
					errors: result.errors.map(({ line, field, message }) => ({ line, field, message })),
					warnings: result.warnings.map(({ line, field, message }) => ({ line, field, message })),
					bank: saved
				})
			);
		} else {
			out(`Tệp / file: ${path.basename(file)} (${result.format})`);
			out(
				`Câu hỏi hợp lệ / valid questions: ${result.draft.questions.length}` +
					(Object.keys(byType).length
						? ` (${Object.entries(byType)
								.map(([t, n]) => `${t}: ${n}`)
								.join(', ')})`
						: '')
			);
			for (const w of result.warnings) out(`Lưu ý / note: ${w.message}`);
			for (const e of result.errors) err(`Lỗi / error: ${e.message}`);
			if (hasErrors && !willSave)
				err(
					`${result.errors.length} lỗi — không có gì được lưu / ${result.errors.length} errors — nothing saved`
				);
			else if (hasErrors)
				err(
					`${result.errors.length} lỗi — bỏ qua các câu lỗi ở trên, vẫn nhập các câu hợp lệ (dùng --strict để không nhập gì) / ${result.errors.length} errors — the questions above were skipped, the valid ones are imported (use --strict to import nothing)`
				);
			if (dryRun) out('Chạy thử: không lưu gì / dry run: nothing saved');
			else if (saved)
				out(
					`Đã nhập ${saved.count} câu vào bộ #${saved.id} “${saved.title}”${saved.created ? ' (mới / new)' : ''} / imported`
				);
		}
		if (!hasErrors) return 0;
		return willSave ? 3 : 1;
	}
};

export const bankExport: CliCommand = {
	name: 'bank export',
	usage: 'bank export <bankId> --format xlsx|csv|gift|json --out <file>',
	summary: 'Export a bank to the spreadsheet template, GIFT or JSON',
	async run({ args, flags, db, out, err }) {
		const id = Number(args[0]);
		if (!args[0] || !Number.isSafeInteger(id) || id <= 0) throw new UsageError('missing <bankId>');
		const format = EXPORT_FORMATS.find((f) => f === requireFlag(flags, 'format'));
		if (!format) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
		const outFile = requireFlag(flags, 'out');
		const bank = await getBankById(await db(), id);
		if (!bank) {
			err(`Không có bộ câu hỏi #${id} / no bank #${id}`);
			return 1;
		}
		const questions = (await listQuestions(await db(), bank.organizationId, bank.id)).map(
			(q) => q.body
		);
		const file = await exportBank(
			{ title: bank.title, description: bank.description, tags: bank.tags },
			questions,
			format
		);
		fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
		fs.writeFileSync(outFile, file.bytes);
		out(
			`Đã xuất ${questions.length} câu hỏi của “${bank.title}” → ${outFile} / exported ${questions.length} questions`
		);
		return 0;
	}
};
