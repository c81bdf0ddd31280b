import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Seconds to wait before retrying, or 0 when the attempt may go ahead. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

/** A named, in-memory limiter (one process serves an event): `points` attempts per `durationSec`. */
export class Limiter {
	#limiter: RateLimiterMemory;
	readonly #points: number;
	constructor(points: number, durationSec: number, blockSec = 0) {
		this.#points = points;
		this.#limiter = new RateLimiterMemory({
			points,
			duration: durationSec,
			blockDuration: blockSec
		});
	}

	/** Consume one attempt for `key`. */
	async consume(key: string): Promise<RateDecision> {
		try {
			await this.#limiter.consume(key);
			return { allowed: true };
		} catch (res) {
			const ms = (res as { msBeforeNext?: number }).msBeforeNext ?? 1000;
			return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(ms / 1000)) };
		}
	}

	/** Is there budget left for `key`? Spends nothing (checked before any work is done for it). */
	async check(key: string): Promise<RateDecision> {
		const res = await this.#limiter.get(key);
		if (!res || res.consumedPoints < this.#points) return { allowed: true };
		return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
	}

	/** Forget `key` (e.g. after a successful login). */
	async reset(key: string): Promise<void> {
		await this.#limiter.delete(key);
	}
}
