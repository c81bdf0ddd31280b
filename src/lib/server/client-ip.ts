import type { RequestEvent } from '@sveltejs/kit';
import { config } from './config';
import { requestClientAddress } from './client-address';

/** The caller's address for rate limits (see client-address.ts: TRUST_PROXY, ADDRESS_HEADER, XFF_DEPTH). */
export function clientIp(
	event: Pick<RequestEvent, 'getClientAddress' | 'platform' | 'request'>
): string {
	return requestClientAddress(event, config().address);
}
