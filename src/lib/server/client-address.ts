/**
 * The one answer to "who is calling?" for every rate limit and connection cap, HTTP and sockets
 * alike. Without a proxy it is the TCP peer. Behind a reverse proxy (TRUST_PROXY=1, or
 * adapter-node's ADDRESS_HEADER) it is read from the forwarding header — for X-Forwarded-For the
 * XFF_DEPTH-th address from the right, i.e. the hop our own proxy appended: everything to its
 * left was written by the client and proves nothing.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** Where the client's address comes from (AppConfig.address). */
export interface AddressPolicy {
	/** Lower-case header to read, or null to use the TCP peer. */
	header: string | null;
	/** For X-Forwarded-For: how many trusted proxies stand in front (1 = one proxy). */
	depth: number;
}

/** The policy for an environment; throws a one-line Error on a bad XFF_DEPTH. */
export function readAddressPolicy(env: Record<string, string | undefined>): AddressPolicy {
	const depthText = env.XFF_DEPTH?.trim() || '1';
	const depth = Number(depthText);
	if (!/^\d+$/.test(depthText) || depth < 1 || depth > 20)
		throw new Error(`XFF_DEPTH must be a whole number from 1 to 20, got "${env.XFF_DEPTH}"`);
	const named = env.ADDRESS_HEADER?.trim().toLowerCase();
	if (named) return { header: named, depth };
	if (env.TRUST_PROXY === '1') return { header: 'x-forwarded-for', depth };
	return { header: null, depth };
}

type Headers = IncomingHttpHeaders | Record<string, string | string[] | undefined>;

/** Strips the IPv4-mapped IPv6 prefix so one phone is one key whichever way Node reports it. */
function normalize(address: string): string {
	const trimmed = address.trim();
	return trimmed.startsWith('::ffff:') && trimmed.includes('.') ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address from the TCP peer and the request headers. A missing header or a
 * forwarding chain shorter than the trusted depth (a request that reached us around the proxy)
 * falls back to the peer, which then is the only thing we know.
 */
export function clientAddress(
	peer: string | undefined,
	headers: Headers,
	policy: AddressPolicy
): string {
	if (policy.header) {
		const raw = headers[policy.header];
		const value = Array.isArray(raw) ? raw.join(',') : raw;
		if (value) {
			if (policy.header !== 'x-forwarded-for') return normalize(value);
			const hops = value.split(',').map((hop) => hop.trim());
			const hop = hops.length >= policy.depth ? hops[hops.length - policy.depth] : '';
			if (hop) return normalize(hop);
		}
	}
	return peer ? normalize(peer) : 'unknown';
}

/** A raw Node request (the socket.io handshake's). */
export function nodeClientAddress(
	req: { headers: Headers; socket?: { remoteAddress?: string } | null },
	policy: AddressPolicy
): string {
	return clientAddress(req.socket?.remoteAddress, req.headers, policy);
}

/** A socket.io handshake. */
export function handshakeClientAddress(
	handshake: { address: string; headers: Headers },
	policy: AddressPolicy
): string {
	return clientAddress(handshake.address, handshake.headers, policy);
}

/**
 * A SvelteKit request. Under adapter-node `platform.req` is Node's request (read the same way as
 * a socket); under `vite dev` only getClientAddress() is there, which is the peer.
 */
export function requestClientAddress(
	event: {
		platform?: unknown;
		request: { headers: Iterable<[string, string]> };
		getClientAddress(): string;
	},
	policy: AddressPolicy
): string {
	const req = (event.platform as { req?: Parameters<typeof nodeClientAddress>[0] } | undefined)
		?.req;
	if (req?.headers) return nodeClientAddress(req, policy);
	let peer: string | undefined;
	try {
		peer = event.getClientAddress();
	} catch {
		peer = undefined;
	}
	return clientAddress(peer, Object.fromEntries(event.request.headers), policy);
}
