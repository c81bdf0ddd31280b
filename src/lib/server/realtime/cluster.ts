/**
 * Several nodes, one game (REDIS_URL). socket.io's official Redis adapter shares rooms between
 * the nodes: a frame a node emits to a game's room reaches the sockets held by every node.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { redisClient } from '../redis';
import type { RealtimeServer } from './types';

/** Share this server's rooms with the other nodes through Redis. */
export function useRedisAdapter(io: RealtimeServer, redisUrl: string): void {
	io.adapter(
		createAdapter(redisClient(redisUrl, 'adapter-pub'), redisClient(redisUrl, 'adapter-sub'), {
			key: 'cv:socket.io'
		})
	);
}
