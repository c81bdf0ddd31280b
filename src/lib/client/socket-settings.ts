/** Reconnection settings shared by the WebSocket client and its long-polling fallback. */
import type { Ack } from '$lib/protocol';

export const RECONNECT = {
	delayMs: 500,
	delayMaxMs: 4_000,
	// ±60 % so hundreds of phones do not come back in the same instant after a Wi-Fi drop.
	randomization: 0.6,
	connectTimeoutMs: 10_000
} as const;

/**
 * What the WebSocket client needs of a socket.io-client socket, at the transport level (kept
 * here to avoid importing it). The typed layer above both transports is `LiveSocket`.
 */
export interface SocketLike {
	readonly connected: boolean;
	connect(): void;
	disconnect(): void;
	onAny(listener: (event: string, ...args: unknown[]) => void): void;
	on(event: 'connect', listener: () => void): void;
	on(event: 'disconnect', listener: (reason: string) => void): void;
	on(event: 'connect_error', listener: (error: Error) => void): void;
	timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<Ack<unknown>> };
}
