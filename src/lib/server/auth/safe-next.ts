/**
 * Where to send the browser after logging in: `next` only when it resolves to a path on this
 * site. Parsed the way the browser will parse it (`/\evil.example` and `//evil` are other hosts
 * to a browser, however they look), then compared by origin; the result is the path alone.
 */
export function safeNext(next: string | null, origin: string, fallback = '/org'): string {
	if (!next) return fallback;
	let target: URL;
	try {
		target = new URL(next, origin);
	} catch {
		return fallback;
	}
	if (target.origin !== new URL(origin).origin) return fallback;
	return `${target.pathname}${target.search}${target.hash}`;
}
