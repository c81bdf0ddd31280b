/**
 * Bounds what one address can hold open. Counted per engine.io connection (before socket.io's
 * handshake, so a flood of half-open connections counts too); refused connections get HTTP 403
 * from engine.io and never cost a socket.
 */
/**
 * A hall behind one NAT shows the server one address for every phone: 2,000 phones, each with a
 * socket that may linger up to 45 s (ping timeout) after a Wi-Fi drop while its replacement
 * connects, need up to 4,000. A bigger hall raises LIVE_SOCKETS_PER_ADDRESS.
 */
export const DEFAULT_SOCKETS_PER_ADDRESS = 5000;
/** A socket that has joined no game this long is closed (LIVE_UNJOINED_TIMEOUT_SEC). */
export const DEFAULT_UNJOINED_TIMEOUT_SEC = 30;

export class ConnectionGate {
	readonly #open = new Map<string, number>();
	readonly #cap: number;

	constructor(cap: number) {
		this.#cap = cap;
	}

	/** May `address` open one more connection? */
	admits(address: string): boolean {
		return (this.#open.get(address) ?? 0) < this.#cap;
	}

	/** Count a connection; returns the function that releases it (safe to call twice). */
	hold(address: string): () => void {
		this.#open.set(address, (this.#open.get(address) ?? 0) + 1);
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const left = (this.#open.get(address) ?? 1) - 1;
			if (left > 0) this.#open.set(address, left);
			else this.#open.delete(address);
		};
	}

	/** Open connections from `address` (tests and benchmarks). */
	count(address: string): number {
		return this.#open.get(address) ?? 0;
	}
}
