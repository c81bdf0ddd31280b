import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Seconds to wait before retrying, or 0 when the attempt may go ahead. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

/**
 * A named, in-memory limiter (one process serves an event): `points` attempts per `durationSec`.
 * `points` may be a function (a configured limit), read on first use, so that importing a module
 * that declares a limiter never reads the configuration.
 */
export class Limiter {
	#limiter: RateLimiterMemory | undefined;
	constructor(
		private readonly points: number | (() => number),
		private readonly durationSec: number,
		private readonly blockSec = 0
	) {}

	get #memory(): RateLimiterMemory {
		this.#limiter ??= new RateLimiterMemory({
			points: typeof this.points === 'function' ? this.points() : this.points,
			duration: this.durationSec,
			blockDuration: this.blockSec
		});
		return this.#limiter;
	}

	/** Consume one attempt for `key`. */
	async consume(key: string): Promise<RateDecision> {
		try {
			await this.#memory.consume(key);
			return { allowed: true };
		} catch (res) {
			const ms = (res as { msBeforeNext?: number }).msBeforeNext ?? 1000;
			return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(ms / 1000)) };
		}
	}

	/** Is there budget left for `key`? Spends nothing (checked before any work is done for it). */
	async check(key: string): Promise<RateDecision> {
		const res = await this.#memory.get(key);
		const points = typeof this.points === 'function' ? this.points() : this.points;
		if (!res || res.consumedPoints < points) return { allowed: true };
		return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
	}

	/** Forget `key` (e.g. after a successful login). */
	async reset(key: string): Promise<void> {
		await this.#memory.delete(key);
	}
}
