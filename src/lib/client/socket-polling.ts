/**
 * The fallback for networks where WebSockets do not work: socket.io-client with its default
 * transports (HTTP long-polling first, then an upgrade to WebSocket when it works). Loaded by
 * `socket.ts` only after WebSocket attempts failed, so phones on a normal network never fetch it.
 */
import { io } from 'socket.io-client';
import { SOCKET_PATH } from '$lib/protocol';
import { RECONNECT, type SocketLike } from './socket-settings';

export function openPollingSocket(origin?: string): SocketLike {
	const options = {
		path: SOCKET_PATH,
		autoConnect: false,
		reconnectionDelay: RECONNECT.delayMs,
		reconnectionDelayMax: RECONNECT.delayMaxMs,
		randomizationFactor: RECONNECT.randomization,
		timeout: RECONNECT.connectTimeoutMs
	};
	return origin ? io(origin, options) : io(options);
}
