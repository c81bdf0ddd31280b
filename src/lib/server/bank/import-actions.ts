/** Load and actions of the two import pages (into a bank, and "new bank from file"). */
import { fail, redirect } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import type { Db } from '../db';
import { MAX_IMPORT_BYTES, IMPORT_ACCEPT } from '../transfer/types';
import { commitImport, getPendingImport, startImport } from './imports';
import { readForm } from '../read-form';

const MB = 1024 * 1024;
/** Enough of the preview to render; the full result stays on the server. */
const PREVIEW_QUESTIONS = 200;

export async function importPageData(
	db: Db,
	organizationId: number,
	bankId: number | null,
	url: URL
) {
	const pendingId = url.searchParams.get('pending');
	const pending = pendingId
		? await getPendingImport(db, organizationId, pendingId, bankId)
		: undefined;
	const result = pending?.result;
	const byType: Record<string, number> = {};
	for (const q of result?.draft.questions ?? []) byType[q.type] = (byType[q.type] ?? 0) + 1;
	return {
		accept: IMPORT_ACCEPT,
		maxMb: MAX_IMPORT_BYTES / MB,
		expired: !!pendingId && !pending,
		preview:
			pending && result
				? {
						id: pending.id,
						filename: pending.filename,
						format: result.format,
						title: result.draft.title ?? null,
						errors: result.errors,
						warnings: result.warnings,
						validCount: result.validCount,
						invalidCount: result.invalidCount,
						byType,
						questions: result.draft.questions.slice(0, PREVIEW_QUESTIONS),
						more: Math.max(0, result.draft.questions.length - PREVIEW_QUESTIONS)
					}
				: null
	};
}

/** "Xem trước": parse the upload, keep it pending, show it (POST → redirect → GET). */
export async function previewAction(
	db: Db,
	organizationId: number,
	bankId: number | null,
	request: Request,
	url: URL
) {
	const form = await readForm(request);
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0 || !file.name)
		return fail(400, { fileError: m.bank_file_missing() });
	if (file.size > MAX_IMPORT_BYTES)
		return fail(400, {
			fileError: m.bank_file_too_large({
				size: (file.size / MB).toFixed(1),
				max: MAX_IMPORT_BYTES / MB
			})
		});
	const { id } = await startImport(db, {
		organizationId,
		bankId,
		filename: file.name,
		bytes: new Uint8Array(await file.arrayBuffer()),
		locale: getLocale()
	});
	redirect(303, `${url.pathname}?pending=${id}`);
}

/** "Nhập" / "Chỉ nhập các câu hợp lệ". */
export async function commitAction(
	db: Db,
	organizationId: number,
	bankId: number | null,
	request: Request
) {
	const form = await readForm(request);
	const id = String(form.get('pending') ?? '');
	const mode = form.get('mode') === 'valid' ? 'valid' : 'all';
	const outcome = await commitImport(db, organizationId, id, bankId, mode, {
		untitled: (filename) => m.bank_file_untitled({ filename })
	});
	if (!outcome.ok) {
		if (outcome.reason === 'not_found') return fail(404, { commitError: m.bank_file_expired() });
		return fail(400, {
			commitError:
				outcome.reason === 'has_errors' ? m.bank_file_all_blocked() : m.bank_file_nothing()
		});
	}
	redirect(303, `/org/banks/${outcome.bankId}?done=imported&count=${outcome.count}`);
}
