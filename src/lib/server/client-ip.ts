import type { RequestEvent } from '@sveltejs/kit';
import { requestClientAddress } from './client-address';

/**
 * The caller's address for rate limits, by the app's address policy (see client-address.ts:
 * TRUST_PROXY, ADDRESS_HEADER, XFF_DEPTH).
 */
export function clientIp(
	event: Pick<RequestEvent, 'getClientAddress' | 'platform' | 'request' | 'locals'>
): string {
	return requestClientAddress(event, event.locals.app.config.address);
}
