import {
	RateLimiterMemory,
	RateLimiterRedis,
	type RateLimiterAbstract
} from 'rate-limiter-flexible';
import { redisClient } from './redis';

/** Seconds to wait before retrying, or 0 when the attempt may go ahead. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

/**
 * A named limiter: `points` attempts per `durationSec`. In memory for one process; with REDIS_URL
 * the budget lives in Redis (rate-limiter-flexible's store) and every node spends the same one,
 * with an in-memory limiter as insurance while Redis is unreachable. `name` keys the budget in
 * Redis, so it must be unique. The app's limiters are built by `createApp` from its configuration
 * (`app.limiters`), which passes REDIS_URL as `redisUrl`; without it the budget is in memory.
 */
export class Limiter {
	#limiter: RateLimiterAbstract | undefined;
	constructor(
		private readonly name: string,
		private readonly points: number,
		private readonly durationSec: number,
		private readonly blockSec = 0,
		private readonly redisUrl?: string
	) {}

	get #store(): RateLimiterAbstract {
		if (this.#limiter) return this.#limiter;
		const options = {
			points: this.points,
			duration: this.durationSec,
			blockDuration: this.blockSec
		};
		const { redisUrl } = this;
		this.#limiter = redisUrl
			? new RateLimiterRedis({
					...options,
					storeClient: redisClient(redisUrl),
					useRedisPackage: true,
					keyPrefix: `cv:rl:${this.name}`,
					insuranceLimiter: new RateLimiterMemory(options)
				})
			: new RateLimiterMemory(options);
		return this.#limiter;
	}

	/** Consume one attempt for `key`. */
	async consume(key: string): Promise<RateDecision> {
		try {
			await this.#store.consume(key);
			return { allowed: true };
		} catch (res) {
			const ms = (res as { msBeforeNext?: number }).msBeforeNext ?? 1000;
			return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(ms / 1000)) };
		}
	}

	/** Is there budget left for `key`? Spends nothing (checked before any work is done for it). */
	async check(key: string): Promise<RateDecision> {
		const res = await this.#store.get(key);
		if (!res || res.consumedPoints < this.points) return { allowed: true };
		return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
	}

	/** Forget `key` (e.g. after a successful login). */
	async reset(key: string): Promise<void> {
		await this.#store.delete(key);
	}
}
