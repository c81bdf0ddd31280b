import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import * as v from 'valibot';
import type { Db } from '../db';
import { SESSION_COOKIE, readCookie, validateSessionToken } from '../auth/session';
import { config } from '../config';
import { Limiter } from '../rate-limit';
import { GameRegistry } from '../live/registry';
import type { Timers } from '../live/live-game';
import { PingPayload, SOCKET_PATH, type PingReply } from '../../protocol';
import { Broadcaster } from './broadcaster';
import { clientAddress } from './client-address';
import type { HandlerContext } from './context';
import { registerHostHandlers } from './host-handlers';
import { registerPlayerHandlers } from './player-handlers';
import { on } from './safe-handler';
import type { RealtimeServer } from './types';

export type { RealtimeServer } from './types';

export interface RealtimeDeps {
	db: Db;
	/** Server clock (injected so tests can control time). */
	now?: () => number;
	/** Question timers (injected so tests can fire them). */
	timers?: Timers;
	/** Join and rejoin limits per client address; defaults from the environment. */
	limits?: Partial<HandlerContext['limits']>;
	/** Honour X-Forwarded-For for rate limits (behind a reverse proxy). Default: TRUST_PROXY=1. */
	trustProxy?: boolean;
	/** Rebuild every unfinished game at start (default true). */
	recover?: boolean;
}

/**
 * Join attempts per address per 10 s. Phones on an event's own Wi-Fi have their own addresses;
 * behind a NAT a hall shares one, hence a generous default (LIVE_JOIN_LIMIT overrides it).
 * Rejoins only cost a hash lookup, so their budget is larger (LIVE_REJOIN_LIMIT).
 */
function defaultLimits(): HandlerContext['limits'] {
	return {
		join: new Limiter(() => config().limits.liveJoin, 10),
		rejoin: new Limiter(() => config().limits.liveRejoin, 10)
	};
}

/** Attach socket.io to the app's HTTP server (one port serves pages and sockets). */
export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
	const now = deps.now ?? Date.now;
	const trustProxy = deps.trustProxy ?? config().trustProxy;
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

	const broadcaster = new Broadcaster(io, now);
	const registry = new GameRegistry({
		db: deps.db,
		now,
		timers: deps.timers,
		listener: broadcaster.onCommitted,
		onEvict: (gameId) => broadcaster.forget(gameId)
	});
	const ctx: HandlerContext = {
		db: deps.db,
		registry,
		commit: registry.commit,
		broadcaster,
		now,
		limits: { ...defaultLimits(), ...deps.limits }
	};
	if (deps.recover !== false) {
		const count = registry.recoverAll();
		if (count > 0) console.log(`live: resumed ${count} unfinished game(s)`);
	}
	httpServer.once('close', () => {
		registry.dispose();
		broadcaster.dispose();
	});

	io.use((socket, next) => {
		try {
			const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
			socket.data.user = token ? validateSessionToken(deps.db, token, now()).user : null;
		} catch (err) {
			console.error('realtime: session lookup failed', err);
			socket.data.user = null;
		}
		socket.data.player = null;
		socket.data.address = clientAddress(socket.handshake, trustProxy);
		next();
	});

	io.on('connection', (socket) => {
		on<PingReply>(socket, 'ping', (payload, reply) => {
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
		registerPlayerHandlers(socket, ctx);
		registerHostHandlers(socket, ctx);
	});

	return io;
}
