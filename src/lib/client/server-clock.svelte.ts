/**
 * The server's clock as seen from this device. Phones' clocks are often minutes off, so every
 * countdown runs on `serverNow()`: the offset comes from `serverNow` stamps in acknowledgements,
 * keeping the sample with the shortest round trip (the least skewed by a slow network).
 */
export class ServerClock {
	#offsetMs = $state(0);
	#bestRttMs = Infinity;

	/** Local ms to add to Date.now() to get the server's time. */
	get offsetMs(): number {
		return this.#offsetMs;
	}

	/** Record a server stamp from a request sent at `sentAt` and answered at `receivedAt` (local ms). */
	sample(serverNow: number, sentAt: number, receivedAt = Date.now()): void {
		const rtt = Math.max(0, receivedAt - sentAt);
		// A better sample replaces the old one; old samples age so a drifting clock is followed.
		this.#bestRttMs += 250;
		if (rtt > this.#bestRttMs) return;
		this.#bestRttMs = rtt;
		this.#offsetMs = Math.round(serverNow + rtt / 2 - receivedAt);
	}

	/** A stamp pushed without a round trip (a broadcast): only used before any ack-based sample. */
	hint(serverNow: number, receivedAt = Date.now()): void {
		if (this.#bestRttMs === Infinity) this.#offsetMs = serverNow - receivedAt;
	}

	serverNow(): number {
		return Date.now() + this.#offsetMs;
	}
}

/** A reactive "now" (e.g. the server clock), refreshed every `everyMs` while `running()` is true. */
export class Ticker {
	#now = $state(0);

	constructor(read: () => number, running: () => boolean, everyMs = 200) {
		this.#now = read();
		$effect(() => {
			if (!running()) return;
			this.#now = read();
			const id = setInterval(() => (this.#now = read()), everyMs);
			return () => clearInterval(id);
		});
	}

	get now(): number {
		return this.#now;
	}
}
