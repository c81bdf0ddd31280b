import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guard';
import { buildTemplate } from '$lib/server/transfer';
import { attachment } from '$lib/server/bank/download';
import { csvSeparator } from '$lib/server/transfer/csv';
import type { RequestHandler } from './$types';

/** The import template (xlsx or csv) with Vietnamese (or English) headers and examples. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	requireUser(locals, url, 'organizer');
	if (params.format !== 'xlsx' && params.format !== 'csv') error(404, 'Not found');
	// CSV: ";" for Vietnamese Excel unless ?sep=comma (see transfer/csv.ts).
	const separator = csvSeparator(url.searchParams.get('sep'), getLocale());
	return attachment(await buildTemplate(params.format, { locale: getLocale(), separator }));
};
