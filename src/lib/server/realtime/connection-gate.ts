/**
 * Bounds what one address can hold open. Counted per engine.io connection (before socket.io's
 * handshake, so a flood of half-open connections counts too); refused connections get HTTP 403
 * from engine.io and never cost a socket.
 */
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
