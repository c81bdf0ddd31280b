/**
 * Several nodes, one game (REDIS_URL).
 *
 * - socket.io's official Redis adapter shares rooms: a room frame the owner emits once reaches
 *   the sockets every node holds.
 * - Each live game runs on exactly one node, the holder of its lease (live/lease.ts). A phone or
 *   host screen may be connected to any node: the node it reached (the holder of its socket)
 *   forwards its commands to the owner over a per-node Redis channel, and the owner runs the
 *   usual handlers on a stand-in for that socket (`RemoteSocket`). The ack comes back the same way.
 * - Per-player frames (a result, a kick) go only to the node holding that player's socket, on
 *   that node's own channel: they are never published to every node.
 * - Every node scans the unfinished games each TAKEOVER_SCAN_MS and takes any lease that is free
 *   (a new game, or a dead owner's once it expires): it rebuilds the game from the database and
 *   asks the other nodes to re-announce the players they hold.
 */
import os from 'node:os';
import { createAdapter } from '@socket.io/redis-adapter';
import { getGameById, findActiveGameByPin, listUnfinishedGameIds } from '../db/queries/games';
import { GameLeases, LEASE_RENEW_MS } from '../live/lease';
import { redisClient, type Redis } from '../redis';
import type { HandlerContext } from './context';
import { registerHostHandlers } from './host-handlers';
import { registerPlayerHandlers } from './player-handlers';
import type { RealtimeServer, RealtimeSocket, SocketData } from './types';

/** How often each node looks for games without a live owner. */
const TAKEOVER_SCAN_MS = 1_000;
/** A forwarded command not answered this long makes the sender check who owns the game now. */
const FORWARD_CHECK_MS = 1_000;
/** A forwarded command gives up (INTERNAL) after this long. */
const FORWARD_GIVE_UP_MS = 15_000;

type Listener = (...args: unknown[]) => void;
type Player = SocketData['player'];

/** What the node holding a socket tells the owner about it. */
interface SocketInfo {
	sid: string;
	cookie: string | undefined;
	address: string;
	player: Player;
}

type BusMessage =
	| {
			t: 'call';
			id: number;
			from: string;
			gameId: number;
			event: string;
			payload: unknown;
			socket: SocketInfo;
	  }
	| { t: 'reply'; id: number; moved?: boolean; ack?: unknown; player?: Player }
	| { t: 'emit'; sid: string; event: string; data: unknown }
	| { t: 'drop'; sid: string }
	| { t: 'gone'; sid: string }
	| { t: 'bind'; from: string; socket: SocketInfo }
	| { t: 'rebind'; gameId: number; owner: string };

type Reply = Extract<BusMessage, { t: 'reply' }>;

const nodeChannel = (nodeId: string) => `cv:bus:node:${nodeId}`;
const ALL_CHANNEL = 'cv:bus:all';

/** Share this server's rooms with the other nodes through Redis. */
export function useRedisAdapter(io: RealtimeServer, redisUrl: string): void {
	io.adapter(
		createAdapter(redisClient(redisUrl, 'adapter-pub'), redisClient(redisUrl, 'adapter-sub'), {
			key: 'cv:socket.io'
		})
	);
}

/** This node's name in leases and on the bus: NODE_ID, else host name and process id. */
function defaultNodeId(): string {
	return process.env.NODE_ID?.trim() || `${os.hostname()}:${process.pid}`;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

/** The owner's stand-in for a socket held by another node. */
class RemoteSocket {
	readonly id: string;
	readonly data: SocketData;
	readonly handshake: { headers: { cookie: string | undefined } };
	connected = true;
	holder: string;
	readonly #listeners = new Map<string, Listener[]>();
	readonly #cluster: Cluster;

	constructor(cluster: Cluster, holder: string, info: SocketInfo) {
		this.#cluster = cluster;
		this.holder = holder;
		this.id = info.sid;
		this.handshake = { headers: { cookie: info.cookie } };
		this.data = { user: null, sessionId: null, player: info.player, address: info.address };
	}

	on(event: string, listener: Listener): this {
		const list = this.#listeners.get(event) ?? [];
		list.push(listener);
		this.#listeners.set(event, list);
		return this;
	}

	fire(event: string, ...args: unknown[]): void {
		for (const listener of this.#listeners.get(event) ?? []) listener(...args);
	}

	emit(event: string, data: unknown): boolean {
		if (this.connected) this.#cluster.send(this.holder, { t: 'emit', sid: this.id, event, data });
		return true;
	}

	join(rooms: string | string[]): void {
		this.#cluster.io.in(this.id).socketsJoin(rooms);
	}

	leave(room: string): void {
		this.#cluster.io.in(this.id).socketsLeave(room);
	}

	disconnect(): this {
		this.connected = false;
		this.#cluster.send(this.holder, { t: 'drop', sid: this.id });
		return this;
	}
}

export class Cluster {
	readonly io: RealtimeServer;
	readonly nodeId: string;
	readonly #ctx: HandlerContext;
	readonly #redis: Redis;
	readonly #subscriber: Redis;
	readonly #leases: GameLeases;
	readonly #calls = new Map<number, (reply: Reply) => void>();
	#nextCall = 1;
	/** Stand-ins for other nodes' sockets, by socket id. */
	readonly #remote = new Map<string, RemoteSocket>();
	/** This node's sockets → the owners they have spoken to (told when the socket goes). */
	readonly #ownersOf = new Map<string, Set<string>>();
	readonly #routed = new WeakMap<RealtimeSocket, RealtimeSocket>();
	readonly #intervals: ReturnType<typeof setInterval>[] = [];
	#stopped = false;

	constructor(io: RealtimeServer, ctx: HandlerContext, redisUrl: string, nodeId = defaultNodeId()) {
		this.io = io;
		this.#ctx = ctx;
		this.nodeId = nodeId;
		this.#redis = redisClient(redisUrl);
		this.#subscriber = redisClient(redisUrl, 'bus-sub');
		this.#leases = new GameLeases(this.#redis, nodeId);
		const onMessage = (raw: string) => {
			try {
				this.#receive(JSON.parse(raw) as BusMessage);
			} catch (err) {
				console.error('cluster: a bus message failed', err);
			}
		};
		void this.#subscriber.subscribe([nodeChannel(nodeId), ALL_CHANNEL], onMessage);
		const every = (ms: number, work: () => Promise<void>) => {
			let busy = false;
			const handle = setInterval(() => {
				if (busy || this.#stopped) return;
				busy = true;
				work()
					.catch((err) => console.error('cluster:', (err as Error).message))
					.finally(() => (busy = false));
			}, ms);
			handle.unref?.();
			this.#intervals.push(handle);
		};
		every(LEASE_RENEW_MS, () => this.#heartbeat());
		every(TAKEOVER_SCAN_MS, () => this.#scan());
		void this.#scan().catch((err) => console.error('cluster:', (err as Error).message));
	}

	/** The socket as the handlers see it: its game commands go to the game's owner. */
	route(socket: RealtimeSocket): RealtimeSocket {
		const on = (event: string, listener: Listener) => {
			socket.on(event as 'ping', (...args: unknown[]) => {
				this.#dispatch(socket, event, args, listener).catch((err) => {
					console.error(`cluster: ${event} failed`, err);
					const ack = args.at(-1);
					if (typeof ack === 'function') ack({ ok: false, error: 'INTERNAL' });
				});
			});
			return routed;
		};
		const routed = new Proxy(socket, {
			get: (target, prop) => {
				if (prop === 'on') return on;
				const value = Reflect.get(target, prop, target) as unknown;
				return typeof value === 'function' ? value.bind(target) : value;
			}
		});
		this.#routed.set(socket, routed);
		socket.once('disconnect', () => {
			for (const owner of this.#ownersOf.get(socket.id) ?? [])
				this.send(owner, { t: 'gone', sid: socket.id });
			this.#ownersOf.delete(socket.id);
		});
		return routed;
	}

	send(nodeId: string, message: BusMessage): void {
		void this.#redis
			.publish(nodeId === '*' ? ALL_CHANNEL : nodeChannel(nodeId), JSON.stringify(message))
			.catch((err: Error) => console.error('cluster: publish failed', err.message));
	}

	stop(): void {
		this.#stopped = true;
		for (const handle of this.#intervals) clearInterval(handle);
		void this.#subscriber.unsubscribe([nodeChannel(this.nodeId), ALL_CHANNEL]).catch(() => {});
		for (const gameId of this.#leases.held) void this.#leases.release(gameId).catch(() => {});
	}

	/** The game a command is about, or null when it names none (handled here). */
	async #gameOf(socket: RealtimeSocket, event: string, payload: unknown): Promise<number | null> {
		const fields = (typeof payload === 'object' && payload) || {};
		switch (event) {
			case 'player:join':
			case 'player:rejoin': {
				const pin = (fields as { pin?: unknown }).pin;
				return typeof pin === 'string'
					? ((await findActiveGameByPin(this.#ctx.db, pin))?.id ?? null)
					: null;
			}
			case 'answer:submit':
				return socket.data.player?.gameId ?? null;
			case 'host:attach':
			case 'host:command': {
				const gameId = (fields as { gameId?: unknown }).gameId;
				return typeof gameId === 'number' && Number.isSafeInteger(gameId) ? gameId : null;
			}
			default:
				return null;
		}
	}

	/**
	 * The node that runs the game: the lease holder, this node if the lease was free (it takes it),
	 * or null for an ended or unknown game (any node answers from the database).
	 */
	async #ownerFor(gameId: number): Promise<string | null> {
		if (this.#leases.held.has(gameId)) return this.nodeId;
		const owner = await this.#leases.ownerOf(gameId);
		if (owner && owner !== this.nodeId) return owner;
		const row = await getGameById(this.#ctx.db, gameId);
		if (!row || row.status === 'ended') return null;
		if (await this.#leases.acquire(gameId)) {
			await this.#adopt(gameId);
			return this.nodeId;
		}
		return this.#leases.ownerOf(gameId);
	}

	async #dispatch(
		socket: RealtimeSocket,
		event: string,
		args: unknown[],
		listener: Listener
	): Promise<void> {
		const last = args.at(-1);
		const ack = typeof last === 'function' ? (last as (value: unknown) => void) : undefined;
		const payload = ack && args.length === 1 ? undefined : args[0];
		const gameId = await this.#gameOf(socket, event, payload);
		if (gameId === null) return listener(...args);
		const giveUp = Date.now() + FORWARD_GIVE_UP_MS;
		while (Date.now() < giveUp && socket.connected) {
			const owner = await this.#ownerFor(gameId);
			if (owner === null || owner === this.nodeId) return listener(...args);
			const reply = await this.#forward(owner, gameId, {
				event,
				payload,
				socket: {
					sid: socket.id,
					cookie: socket.handshake.headers.cookie,
					address: socket.data.address,
					player: socket.data.player
				}
			});
			if (!reply || reply.moved) continue;
			let owners = this.#ownersOf.get(socket.id);
			if (!owners) this.#ownersOf.set(socket.id, (owners = new Set()));
			owners.add(owner);
			if (reply.player !== undefined) socket.data.player = reply.player;
			ack?.(reply.ack);
			return;
		}
		ack?.({ ok: false, error: 'INTERNAL' });
	}

	/** Send a command to its game's owner; null when the owner changed (or vanished) meanwhile. */
	async #forward(
		owner: string,
		gameId: number,
		call: { event: string; payload: unknown; socket: SocketInfo }
	): Promise<Reply | null> {
		const id = this.#nextCall++;
		const replied = new Promise<Reply>((resolve) => this.#calls.set(id, resolve));
		this.send(owner, { t: 'call', id, from: this.nodeId, gameId, ...call });
		try {
			for (;;) {
				const reply = await Promise.race([replied, delay(FORWARD_CHECK_MS).then(() => null)]);
				if (reply) return reply;
				// Still running on a live owner (it renews its lease): keep waiting; else resend.
				if ((await this.#leases.ownerOf(gameId)) !== owner) return null;
			}
		} finally {
			this.#calls.delete(id);
		}
	}

	#receive(message: BusMessage): void {
		switch (message.t) {
			case 'call':
				void this.#serve(message);
				break;
			case 'reply':
				this.#calls.get(message.id)?.(message);
				break;
			case 'emit':
				(this.io.of('/').sockets.get(message.sid) as { emit?: Listener } | undefined)?.emit?.(
					message.event,
					message.data
				);
				break;
			case 'drop':
				this.io.of('/').sockets.get(message.sid)?.disconnect(true);
				break;
			case 'gone': {
				const remote = this.#remote.get(message.sid);
				this.#remote.delete(message.sid);
				if (remote) {
					remote.connected = false;
					remote.fire('disconnect');
				}
				break;
			}
			case 'bind':
				void this.#bindStandIn(message.from, message.socket).catch((err) =>
					console.error('cluster: binding a remote socket failed', err)
				);
				break;
			case 'rebind':
				if (message.owner === this.nodeId) break;
				for (const socket of this.io.of('/').sockets.values()) {
					if (socket.data.player?.gameId !== message.gameId) continue;
					const owners = this.#ownersOf.get(socket.id) ?? new Set<string>();
					this.#ownersOf.set(socket.id, owners.add(message.owner));
					this.send(message.owner, {
						t: 'bind',
						from: this.nodeId,
						socket: {
							sid: socket.id,
							cookie: socket.handshake.headers.cookie,
							address: socket.data.address,
							player: socket.data.player
						}
					});
				}
				break;
		}
	}

	/** The stand-in for another node's socket, made (and bound to its player) on first use. */
	async #standIn(holder: string, info: SocketInfo): Promise<RemoteSocket> {
		let remote = this.#remote.get(info.sid);
		remote ??= await this.#newStandIn(holder, info);
		remote.holder = holder;
		return remote;
	}

	/**
	 * A node that (re)took a game asks the others for its players' sockets ('rebind'): bind each
	 * one's stand-in, new or already known, to the game as this node now holds it. A stand-in
	 * known from an earlier spell of ownership was bound to the game object that was evicted when
	 * the lease moved away; without this its player's own frames (player:result) went nowhere.
	 */
	async #bindStandIn(holder: string, info: SocketInfo): Promise<void> {
		const known = this.#remote.get(info.sid);
		if (!known) {
			await this.#newStandIn(holder, info);
			return;
		}
		known.holder = holder;
		const player = info.player;
		if (!player || !this.#leases.held.has(player.gameId)) return;
		const game = await this.#ctx.registry.get(player.gameId);
		if (game && known.connected)
			this.#ctx.broadcaster.bindPlayer(game, player.playerId, known as unknown as RealtimeSocket);
	}

	async #newStandIn(holder: string, info: SocketInfo): Promise<RemoteSocket> {
		// Made and registered at once (before any await), so a second message for the same socket
		// finds it instead of making another.
		const remote = new RemoteSocket(this, holder, info);
		this.#remote.set(info.sid, remote);
		const asSocket = remote as unknown as RealtimeSocket;
		registerPlayerHandlers(asSocket, this.#ctx);
		registerHostHandlers(asSocket, this.#ctx);
		const player = info.player;
		const game =
			player && this.#leases.held.has(player.gameId)
				? await this.#ctx.registry.get(player.gameId)
				: undefined;
		if (player && game && remote.connected && remote.data.player?.gameId === player.gameId)
			this.#ctx.broadcaster.bindPlayer(game, player.playerId, asSocket);
		return remote;
	}

	async #serve(call: Extract<BusMessage, { t: 'call' }>): Promise<void> {
		if ((await this.#ownerFor(call.gameId)) !== this.nodeId) {
			this.send(call.from, { t: 'reply', id: call.id, moved: true });
			return;
		}
		const remote = await this.#standIn(call.from, call.socket);
		const answer = (ack: unknown) =>
			this.send(call.from, { t: 'reply', id: call.id, ack, player: remote.data.player });
		remote.fire(call.event, ...(call.payload === undefined ? [] : [call.payload]), answer);
	}

	/** This node now runs the game: load it and gather its players' sockets for per-player frames. */
	async #adopt(gameId: number): Promise<void> {
		const game = await this.#ctx.registry.get(gameId);
		if (!game) return;
		for (const socket of this.io.of('/').sockets.values()) {
			const player = socket.data.player;
			if (player?.gameId === gameId)
				this.#ctx.broadcaster.bindPlayer(game, player.playerId, this.#routed.get(socket) ?? socket);
		}
		this.send('*', { t: 'rebind', gameId, owner: this.nodeId });
	}

	async #heartbeat(): Promise<void> {
		for (const gameId of await this.#leases.renewAll()) {
			console.error(`cluster: lost the lease of game ${gameId}; another node runs it now`);
			this.#ctx.registry.evict(gameId);
		}
	}

	/** Take free leases of unfinished games; give up those of games that ended and left memory. */
	async #scan(): Promise<void> {
		for (const gameId of await listUnfinishedGameIds(this.#ctx.db)) {
			if (this.#leases.held.has(gameId)) {
				if (!this.#ctx.registry.has(gameId)) await this.#adopt(gameId);
			} else if (await this.#leases.acquire(gameId)) {
				await this.#adopt(gameId);
			}
		}
		for (const gameId of [...this.#leases.held]) {
			if (this.#ctx.registry.has(gameId)) continue;
			if ((await getGameById(this.#ctx.db, gameId))?.status === 'ended')
				await this.#leases.release(gameId);
		}
	}
}
