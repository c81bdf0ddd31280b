/**
 * The browser's socket.io connection (socket.io-client), shared by the join form, the play page
 * and the host screen. Transports are socket.io's default — HTTP long-polling first, then an
 * upgrade to WebSocket — so a phone on a hall Wi-Fi that blocks or breaks WebSockets still plays.
 */
import { io, type Socket } from 'socket.io-client';
import { SOCKET_PATH, type ClientToServerEvents, type ServerToClientEvents } from '$lib/protocol';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket that connects when asked and reconnects by itself with jittered back-off. */
export function createSocket(): LiveSocket {
	return io({
		path: SOCKET_PATH,
		autoConnect: false,
		reconnectionDelay: 500,
		reconnectionDelayMax: 4_000,
		// ±60 % so hundreds of phones do not come back in the same instant after a Wi-Fi drop.
		randomizationFactor: 0.6,
		timeout: 10_000
	});
}

/** Send `event` and wait at most `timeoutMs` for its acknowledgement (rejects on time-out). */
export function emitWithAck(
	socket: LiveSocket,
	event: string,
	payload: unknown,
	timeoutMs: number
): Promise<unknown> {
	// The event map's ack types are checked by the callers against protocol.ts.
	return (
		socket.timeout(timeoutMs) as unknown as {
			emitWithAck: (event: string, payload: unknown) => Promise<unknown>;
		}
	).emitWithAck(event, payload);
}
