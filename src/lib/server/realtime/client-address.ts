/** The address to rate-limit a socket by: the peer, or the first X-Forwarded-For hop when trusted. */
export function clientAddress(
	handshake: { address: string; headers: Record<string, string | string[] | undefined> },
	trustProxy: boolean
): string {
	if (trustProxy) {
		const header = handshake.headers['x-forwarded-for'];
		const value = Array.isArray(header) ? header[0] : header;
		const first = value?.split(',')[0]?.trim();
		if (first) return first;
	}
	return handshake.address || 'unknown';
}
