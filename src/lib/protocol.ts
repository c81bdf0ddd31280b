/**
 * The socket.io contract shared by the server and the clients: event names, payload schemas and
 * acknowledgement shapes. Every client→server payload is parsed with these schemas on the server.
 * Commands are `domain:verb`; broadcasts are facts (`question:opened`).
 */
import * as v from 'valibot';

/** Every error a client can be told about. Clients translate them; raw exception text is never sent. */
export const ERROR_CODES = [
	'UNAUTHENTICATED',
	'FORBIDDEN',
	'INVALID_PAYLOAD',
	'NOT_FOUND',
	'RATE_LIMITED',
	'INTERNAL'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Ack<T = undefined> =
	{ ok: true; data: T } | { ok: false; error: ErrorCode | (string & {}); retryAfterSec?: number };
export type AckFn<T = undefined> = (ack: Ack<T>) => void;

export const PingPayload = v.optional(
	v.object({ echo: v.optional(v.pipe(v.string(), v.maxLength(100))) })
);
export interface PingReply {
	username: string;
	organizationSlug: string;
	echo?: string;
	serverTime: number;
}

export interface ClientToServerEvents {
	/** Authenticated liveness check: proves the handshake saw the session cookie. */
	ping: (payload: unknown, ack: AckFn<PingReply>) => void;
	[event: string]: (...args: never[]) => void;
}

export interface ServerToClientEvents {
	[event: string]: (...args: never[]) => void;
}

export const SOCKET_PATH = '/socket.io';
