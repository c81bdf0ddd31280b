import type { RequestEvent } from '@sveltejs/kit';

/** The caller's IP for rate limits (adapter-node honours ADDRESS_HEADER behind a proxy). */
export function clientIp(event: Pick<RequestEvent, 'getClientAddress'>): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
