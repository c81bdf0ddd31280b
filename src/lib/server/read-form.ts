/**
 * Reading a posted form. `request.formData()` throws on a body it cannot parse (a truncated or
 * malformed multipart upload, a connection cut mid-way) and on a body over its route's size limit
 * (body-limit.ts); uncaught, either is a 500. Every form action reads its body here instead, so
 * such a request gets a 400 (or 413) with a message in the user's language and changes nothing.
 */
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { m } from '../paraglide/messages.js';
import { BodyTooLargeError, formatBytes } from './body-limit';

type Source = Request | { request: Request };

/** The posted form, or an HTTP 400/413 error the page shows with its message. */
export async function readForm(source: Source): Promise<FormData>;
/** The posted form's fields parsed with `schema` (repeated fields become arrays). */
export async function readForm<S extends v.GenericSchema>(
	source: Source,
	schema: S
): Promise<v.SafeParseResult<S>>;
export async function readForm(source: Source, schema?: v.GenericSchema) {
	const request = source instanceof Request ? source : source.request;
	let form: FormData;
	try {
		form = await request.formData();
	} catch (err) {
		if (err instanceof BodyTooLargeError)
			error(413, m.security_form_too_large({ max: formatBytes(err.limit) }));
		error(400, m.security_form_unreadable());
	}
	if (!schema) return form;
	const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
	for (const key of new Set(form.keys())) {
		const all = form.getAll(key);
		fields[key] = all.length === 1 ? all[0] : all;
	}
	return v.safeParse(schema, fields);
}
