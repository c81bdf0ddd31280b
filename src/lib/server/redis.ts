/**
 * Redis connections for several nodes (REDIS_URL): one command connection shared by the rate
 * limiters and the game leases, plus the pub/sub connections socket.io's adapter and the cluster
 * bus need (a subscribed connection can send nothing else). Opened on first use and kept for the
 * process; commands sent while (re)connecting wait in node-redis's queue.
 */
import { createClient } from 'redis';

export type Redis = ReturnType<typeof createClient>;

const clients = new Map<string, Redis>();

/** A connected (or connecting) client for `url`; `role` names a separate connection. */
export function redisClient(url: string, role = 'commands'): Redis {
	const key = `${role} ${url}`;
	let client = clients.get(key);
	if (!client) {
		client = createClient({
			url,
			socket: { reconnectStrategy: (retries) => Math.min(retries * 100, 2_000) }
		});
		let lastLog = 0;
		// An unhandled 'error' would end the process; a lost Redis is logged and retried.
		client.on('error', (err: Error) => {
			if (Date.now() - lastLog < 10_000) return;
			lastLog = Date.now();
			console.error(`redis (${role}): ${err.message}`);
		});
		void client.connect().catch(() => undefined);
		clients.set(key, client);
	}
	return client;
}
