/**
 * JSON endpoints of practice and contests (used by scripts, the benchmark and JS clients):
 * bodies are parsed with valibot, errors are `{ ok: false, error, message }` with the message in
 * the request's language and a fitting status.
 */
import { json } from '@sveltejs/kit';
import * as v from 'valibot';

const MAX_BODY = 16_384;

/** The body as text, or null when it cannot be read (cut off, or over the route's size limit). */
async function bodyText(request: Request): Promise<string | null> {
	try {
		return await request.text();
	} catch {
		return null;
	}
}

/** A JSON body checked against `schema`, or null (too large, not JSON, wrong shape). */
export async function readJson<T extends v.GenericSchema>(
	request: Request,
	schema: T
): Promise<v.InferOutput<T> | null> {
	const text = await bodyText(request);
	if (text === null || text.length > MAX_BODY) return null;
	let body: unknown;
	try {
		body = text ? JSON.parse(text) : {};
	} catch {
		return null;
	}
	const parsed = v.safeParse(schema, body);
	return parsed.success ? parsed.output : null;
}

export function ok<T>(data: T, status = 200): Response {
	return json({ ok: true, data }, { status, headers: { 'cache-control': 'no-store' } });
}

export function refuse(
	status: number,
	error: string,
	message: string,
	headers: Record<string, string> = {}
): Response {
	return json(
		{ ok: false, error, message },
		{ status, headers: { 'cache-control': 'no-store', ...headers } }
	);
}

const id = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));

export const GuestBody = v.object({ nickname: v.string() });
export const StartBody = v.union([
	v.object({ bankId: id }),
	v.object({ kind: v.picklist(['daily', 'review']) })
]);
/** The answer itself is checked against the question by `toAnswerValue`. */
export const AnswerBody = v.object({ questionId: id, answer: v.unknown() });
export const SubmitBody = v.object({
	prediction: v.optional(v.nullable(v.union([v.number(), v.string()])))
});

export const RegisterBody = v.object({
	fullName: v.string(),
	phone: v.string(),
	unitId: v.union([v.number(), v.string()])
});

/** The body as JSON (undefined when it is not JSON or too large): endpoint functions check the shape. */
export async function readJsonBody(request: Request): Promise<unknown> {
	const text = await bodyText(request);
	if (text === null || text.length > MAX_BODY) return undefined;
	try {
		return text ? JSON.parse(text) : {};
	} catch {
		return undefined;
	}
}

/** An endpoint function's reply as a Response. */
export function toResponse(reply: {
	status: number;
	payload: unknown;
	retryAfterSec?: number;
}): Response {
	return json(reply.payload, {
		status: reply.status,
		headers: {
			'cache-control': 'no-store',
			...(reply.retryAfterSec ? { 'retry-after': String(reply.retryAfterSec) } : {})
		}
	});
}
