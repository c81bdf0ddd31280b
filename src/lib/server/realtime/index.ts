import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import * as v from 'valibot';
import type { Db } from '../db';
import {
	SESSION_COOKIE,
	readCookie,
	validateSessionToken,
	type SessionUser
} from '../auth/session';
import {
	PingPayload,
	SOCKET_PATH,
	type ClientToServerEvents,
	type ServerToClientEvents,
	type AckFn,
	type PingReply
} from '../../protocol';

export interface RealtimeDeps {
	db: Db;
	/** Server clock (injected so tests can control time). */
	now?: () => number;
}

export interface SocketData {
	/** The staff user behind the session cookie, or null for phones and forged cookies. */
	user: SessionUser | null;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

/** Attach socket.io to the app's HTTP server (one port serves pages and sockets). */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
	const now = deps.now ?? Date.now;
	const io: RealtimeServer = new Server(httpServer, {
		path: SOCKET_PATH,
		serveClient: false,
		// Vite's HMR websocket shares the server in dev: leave other upgrades alone.
		destroyUpgrade: false,
		maxHttpBufferSize: 64 * 1024,
		pingInterval: 20_000,
		pingTimeout: 25_000,
		connectionStateRecovery: undefined
	});

	io.use((socket, next) => {
		const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
		socket.data.user = token ? validateSessionToken(deps.db, token, now()).user : null;
		next();
	});

	io.on('connection', (socket) => {
		socket.on('ping', (payload: unknown, ack: AckFn<PingReply>) => {
			if (typeof ack !== 'function') return;
			const parsed = v.safeParse(PingPayload, payload);
			if (!parsed.success) return ack({ ok: false, error: 'INVALID_PAYLOAD' });
			const user = socket.data.user;
			if (!user) return ack({ ok: false, error: 'UNAUTHENTICATED' });
			ack({
				ok: true,
				data: {
					username: user.username,
					organizationSlug: user.organizationSlug,
					echo: parsed.output?.echo,
					serverTime: now()
				}
			});
		});
	});

	return io;
}
