import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guard';
import { getBank } from '$lib/server/db/queries/banks';
import { listQuestions } from '$lib/server/db/queries/questions';
import { parseId } from '$lib/server/params';
import { exportBank, type ExportFormat } from '$lib/server/transfer';
import { attachment } from '$lib/server/bank/download';
import { csvSeparator } from '$lib/server/transfer/csv';
import type { RequestHandler } from './$types';

const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'gift', 'json'];

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'organizer');
	const id = parseId(params.id);
	const bank = id ? await getBank(locals.app.db, user.organizationId, id) : undefined;
	const format = FORMATS.find((f) => f === params.format);
	if (!bank || !format) error(404, 'Not found');
	const questions = (await listQuestions(locals.app.db, user.organizationId, bank.id)).map(
		(q) => q.body
	);
	const file = await exportBank(
		{ title: bank.title, description: bank.description, tags: bank.tags },
		questions,
		format,
		{ locale: getLocale(), separator: csvSeparator(url.searchParams.get('sep'), getLocale()) }
	);
	return attachment(file);
};
