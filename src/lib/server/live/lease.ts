/**
 * Which node runs a live game (REDIS_URL, several nodes): a lease in Redis, `SET key node NX PX`,
 * renewed by its holder's heartbeat. A node that dies stops renewing; once the lease expires
 * another node takes it and rebuilds the game from the database (registry.ts), so at most
 * LEASE_TTL_MS + the takeover scan's period pass before the game runs again.
 */
import type { Redis } from '../redis';

/** A lease not renewed this long is free for another node. */
const LEASE_TTL_MS = 3_000;
/** The holder renews its leases this often (three tries before one expires). */
export const LEASE_RENEW_MS = 1_000;

const leaseKey = (gameId: number) => `cv:lease:game:${gameId}`;

/** Renew only a lease this node still holds (another node may have taken an expired one). */
const RENEW_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class GameLeases {
	readonly #redis: Redis;
	readonly nodeId: string;
	readonly #ttlMs: number;
	/** Games whose lease this node holds. */
	readonly held = new Set<number>();

	constructor(redis: Redis, nodeId: string, ttlMs = LEASE_TTL_MS) {
		this.#redis = redis;
		this.nodeId = nodeId;
		this.#ttlMs = ttlMs;
	}

	/** The node holding the game's lease, or null when none does. */
	async ownerOf(gameId: number): Promise<string | null> {
		return this.#redis.get(leaseKey(gameId));
	}

	/** Take the game's lease if it is free (or already ours). */
	async acquire(gameId: number): Promise<boolean> {
		const key = leaseKey(gameId);
		const set = await this.#redis.set(key, this.nodeId, { NX: true, PX: this.#ttlMs });
		const mine = set === 'OK' || (await this.#redis.get(key)) === this.nodeId;
		if (mine) this.held.add(gameId);
		return mine;
	}

	/** Renew every held lease; returns the games whose lease was lost (another node has them). */
	async renewAll(): Promise<number[]> {
		const lost: number[] = [];
		await Promise.all(
			[...this.held].map(async (gameId) => {
				const renewed = await this.#redis.eval(RENEW_SCRIPT, {
					keys: [leaseKey(gameId)],
					arguments: [this.nodeId, String(this.#ttlMs)]
				});
				if (renewed !== 1) {
					this.held.delete(gameId);
					lost.push(gameId);
				}
			})
		);
		return lost;
	}

	/** Give a game's lease up (it left this node's memory). */
	async release(gameId: number): Promise<void> {
		this.held.delete(gameId);
		await this.#redis.eval(RELEASE_SCRIPT, {
			keys: [leaseKey(gameId)],
			arguments: [this.nodeId]
		});
	}
}
