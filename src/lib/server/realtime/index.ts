import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import * as v from 'valibot';
import type { AppContext } from '../app';
import {
	SESSION_COOKIE,
	onSessionsRevoked,
	readCookie,
	validateSessionToken
} from '../auth/session';
import { handshakeClientAddress, nodeClientAddress } from '../client-address';
import { GameRegistry } from '../live/registry';
import type { Timers } from '../live/live-game';
import { PingPayload, SOCKET_PATH } from '../../protocol';
import { Broadcaster } from './broadcaster';
import { Cluster, useRedisAdapter } from './cluster';
import { ConnectionGate } from './connection-gate';
import type { HandlerContext } from './context';
import { registerHostHandlers } from './host-handlers';
import { registerPlayerHandlers } from './player-handlers';
import { on } from './safe-handler';
import type { RealtimeServer } from './types';

export type { RealtimeServer } from './types';

export interface RealtimeDeps {
	/**
	 * The server's components: its database, and from its configuration the join limits, the
	 * address policy (TRUST_PROXY / ADDRESS_HEADER / XFF_DEPTH), the sockets one address may hold
	 * (LIVE_SOCKETS_PER_ADDRESS) and the unjoined timeout (LIVE_UNJOINED_TIMEOUT_SEC).
	 */
	app: AppContext;
	/** Server clock (injected so tests can control time). */
	now?: () => number;
	/** Question timers (injected so tests can fire them). */
	timers?: Timers;
	/** Join and rejoin limiters (tests inject their own); default from the app's configuration. */
	limits?: Partial<HandlerContext['limits']>;
	/** Overrides the app's unjoined timeout in milliseconds (tests: shorter than a whole second). */
	unjoinedTimeoutMs?: number;
	/** Rebuild every unfinished game at start (default true). */
	recover?: boolean;
}

/** Attach socket.io to the app's HTTP server (one port serves pages and sockets). */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
	const { config: cfg, db } = deps.app;
	const now = deps.now ?? Date.now;
	const policy = cfg.address;
	const gate = new ConnectionGate(cfg.limits.liveSocketsPerAddress);
	const unjoinedMs = deps.unjoinedTimeoutMs ?? cfg.limits.liveUnjoinedTimeoutSec * 1000;
	const io: RealtimeServer = new Server(httpServer, {
		path: SOCKET_PATH,
		serveClient: false,
		// Vite's HMR websocket shares the server in dev: leave other upgrades alone.
		destroyUpgrade: false,
		maxHttpBufferSize: 64 * 1024,
		pingInterval: 20_000,
		pingTimeout: 25_000,
		connectionStateRecovery: undefined,
		// An engine.io connection that never opens a socket.io session is dropped after 10 s.
		connectTimeout: 10_000,
		allowRequest: (req, callback) => callback(null, gate.admits(nodeClientAddress(req, policy)))
	});
	const redisUrl = cfg.redisUrl;
	if (redisUrl) useRedisAdapter(io, redisUrl);
	io.engine.on(
		'connection',
		(conn: { request: IncomingMessage; once(e: 'close', f: () => void): void }) =>
			conn.once('close', gate.hold(nodeClientAddress(conn.request, policy)))
	);

	const broadcaster = new Broadcaster(io, now);
	const registry = new GameRegistry({
		db,
		now,
		timers: deps.timers,
		listener: broadcaster.onCommitted,
		onEvict: (gameId) => broadcaster.forget(gameId)
	});
	const ctx: HandlerContext = {
		db,
		registry,
		commit: registry.commit,
		broadcaster,
		now,
		limits: { ...deps.app.limiters.live, ...deps.limits }
	};
	// With REDIS_URL each game runs on the node holding its lease (cluster.ts takes them over).
	const cluster = redisUrl ? new Cluster(io, ctx, redisUrl) : null;
	// Sockets are admitted once the unfinished games are back (io.use below waits for it), so no
	// join, answer or host command reaches a game that is still being read from the log.
	const ready: Promise<void> =
		deps.recover !== false && !cluster
			? registry.recoverAll().then(
					(count) => {
						if (count > 0) console.log(`live: resumed ${count} unfinished game(s)`);
					},
					(err: unknown) => console.error('live: recovering unfinished games failed', err)
				)
			: Promise.resolve();
	// Logging out, disabling an account or changing a password closes that user's sockets at once.
	const stopRevocations = onSessionsRevoked((revoked) => {
		const room = 'userId' in revoked ? userRoom(revoked.userId) : sessionRoom(revoked.sessionId);
		io.in(room).disconnectSockets(true);
	});
	httpServer.once('close', () => {
		stopRevocations();
		cluster?.stop();
		broadcaster.dispose();
		// Commits what is pending; `stopRealtime` waits for it.
		registry.dispose().catch((err: unknown) => console.error('live: final commit failed', err));
	});

	const identify = async (socket: Parameters<Parameters<typeof io.use>[0]>[0]) => {
		await ready;
		try {
			const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
			const found = token ? await validateSessionToken(db, token, now()) : null;
			socket.data.user = found?.user ?? null;
			socket.data.sessionId = found?.session?.id ?? null;
		} catch (err) {
			console.error('realtime: session lookup failed', err);
			socket.data.user = null;
			socket.data.sessionId = null;
		}
		socket.data.player = null;
		socket.data.address = handshakeClientAddress(socket.handshake, policy);
	};
	io.use((socket, next) => {
		identify(socket).then(
			() => next(),
			(err: unknown) => next(err instanceof Error ? err : new Error(String(err)))
		);
	});

	io.on('connection', (socket) => {
		if (socket.data.user && socket.data.sessionId)
			void socket.join([userRoom(socket.data.user.id), sessionRoom(socket.data.sessionId)]);
		// A socket that joins no game (its own room plus the session's rooms only) is closed.
		const ownRooms = socket.rooms.size;
		const idle = setTimeout(() => {
			if (socket.connected && !socket.data.player && socket.rooms.size <= ownRooms)
				socket.disconnect(true);
		}, unjoinedMs);
		idle.unref?.();
		socket.once('disconnect', () => clearTimeout(idle));

		on(socket, 'ping', (payload, reply) => {
			const parsed = v.safeParse(PingPayload, payload);
			if (!parsed.success) return reply({ ok: false, error: 'INVALID_PAYLOAD' });
			const user = socket.data.user;
			if (!user) return reply({ ok: false, error: 'UNAUTHENTICATED' });
			reply({
				ok: true,
				data: {
					username: user.username,
					organizationSlug: user.organizationSlug,
					echo: parsed.output?.echo,
					serverTime: now()
				}
			});
		});
		const routed = cluster ? cluster.route(socket) : socket;
		registerPlayerHandlers(routed, ctx);
		registerHostHandlers(routed, ctx);
	});

	liveRegistries.set(io, registry);
	readiness.set(io, ready);
	return io;
}

/** Resolves once the server's start-up recovery is done (sockets are admitted from then on). */
export function realtimeReady(io: RealtimeServer): Promise<void> {
	return readiness.get(io) ?? Promise.resolve();
}

/**
 * Closes the realtime server (and the HTTP server it is attached to) and resolves once the live
 * writes still queued are committed: only then may the database be closed.
 */
export async function stopRealtime(io: RealtimeServer): Promise<void> {
	await io.close();
	await liveRegistries.get(io)?.dispose();
}

const userRoom = (userId: number) => `u:${userId}`;
const sessionRoom = (sessionId: string) => `s:${sessionId}`;

const liveRegistries = new WeakMap<RealtimeServer, GameRegistry>();
const readiness = new WeakMap<RealtimeServer, Promise<void>>();

/** The game registry behind a realtime server (tests and benchmarks read its figures). */
export function registryOf(io: RealtimeServer): GameRegistry | undefined {
	return liveRegistries.get(io);
}
