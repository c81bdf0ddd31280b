/**
 * Request body limits per route. adapter-node's BODY_SIZE_LIMIT (12 MB, set in server.js) is the
 * outer bound, needed only by the pages that take files; every other route gets a small limit,
 * checked before anything reads the body: a declared Content-Length over it is refused with 413
 * at once, and a body without one (chunked) is cut off as soon as it passes the limit.
 */

/** Pages that accept file uploads (question banks, question images). */
const UPLOAD_ROUTES = [
	/^\/org\/banks\/import\/?$/,
	/^\/org\/banks\/\d+\/import\/?$/,
	/^\/org\/banks\/\d+\/questions\/(new|\d+)\/?$/
];

export const KB = 1024;
export const MB = 1024 * KB;
export const UPLOAD_BODY_LIMIT = 12 * MB;
/** Staff pages (signed in before the body is read): long forms such as a unit list. */
export const STAFF_BODY_LIMIT = 1 * MB;
/** Everything public: log-in, join, practice, contests, set-up links, JSON endpoints. */
export const PUBLIC_BODY_LIMIT = 64 * KB;

/** The most a request to `pathname` may send. */
export function bodyLimitFor(pathname: string): number {
	if (UPLOAD_ROUTES.some((route) => route.test(pathname))) return UPLOAD_BODY_LIMIT;
	if (/^\/(org|admin)(\/|$)/.test(pathname)) return STAFF_BODY_LIMIT;
	return PUBLIC_BODY_LIMIT;
}

/** "64 KB", "12 MB". */
export function formatBytes(bytes: number): string {
	return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
}

/** What reading a body over its limit throws (read-form.ts turns it into a 413). */
export class BodyTooLargeError extends Error {
	override name = 'BodyTooLargeError';
	constructor(readonly limit: number) {
		super(`request body over ${limit} bytes`);
	}
}

export type BodyLimitResult = { request: Request } | { tooLarge: number };

/**
 * Apply `limit` to a request: refuse a declared size over it, or return a request whose body
 * stream fails once more than `limit` bytes arrive (so nothing bigger is ever buffered).
 */
export function limitBody(request: Request, limit: number): BodyLimitResult {
	if (!request.body) return { request };
	const header = request.headers.get('content-length');
	const declared = header === null || header.trim() === '' ? NaN : Number(header);
	if (Number.isFinite(declared) && declared > limit) return { tooLarge: limit };
	// A declared length within the limit bounds the body already: the server (SvelteKit's Node
	// adapter) fails a body longer than its Content-Length, so no counting stream is needed.
	if (Number.isFinite(declared)) return { request };
	let seen = 0;
	const counter = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			seen += chunk.byteLength;
			if (seen > limit) return controller.error(new BodyTooLargeError(limit));
			controller.enqueue(chunk);
		}
	});
	const limited = new Request(request, {
		body: request.body.pipeThrough(counter),
		// Node's fetch needs this for a streamed request body.
		duplex: 'half'
	} as RequestInit);
	return { request: limited };
}
