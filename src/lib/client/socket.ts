/**
 * The browser's live connection, shared by the join form, the play page and the host screen.
 *
 * Phones open a WebSocket and speak the socket.io v4 protocol on it directly (the few frames the
 * app uses: connect, events, acknowledgements, ping/pong, disconnect), which keeps the phone
 * pages light: socket.io-client with its long-polling transport is ~12 KB gzipped, this is ~2.
 * A network that blocks or breaks WebSockets (some hall Wi-Fi, proxies) still plays: if a
 * WebSocket never opens, the page loads socket.io-client (`socket-polling.ts`) and continues
 * with HTTP long-polling and its usual upgrade — the server accepts both.
 *
 * Reconnection follows socket.io-client's rules and the app's settings (`RECONNECT`): after a
 * drop, retry with jittered exponential back-off, forever, unless the client or the server ended
 * the session on purpose.
 */
import {
	SOCKET_PATH,
	type Ack,
	type ErrorCode,
	type RequestName,
	type RequestPayload,
	type RequestReply,
	type ServerToClientEvents
} from '$lib/protocol';
import { RECONNECT, type SocketLike } from './socket-settings';

/** Failures the client detects itself, added to the server's error codes. */
export const CLIENT_ERROR_CODES = ['TIMEOUT', 'OFFLINE'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
/** Every error code a page may have to put into words. */
export type LiveErrorCode = ErrorCode | ClientErrorCode;
/** A request's outcome as a page sees it: the server's acknowledgement or a client-side failure. */
export type Reply<T> = Ack<T> | { ok: false; error: ClientErrorCode };

type ConnectionEvents = {
	connect: () => void;
	disconnect: (reason: string) => void;
	connect_error: (error: Error) => void;
};
/** What a page can listen to: the server's frames (protocol.ts) and the connection's own events. */
export type SocketEvents = ServerToClientEvents & ConnectionEvents;

/** The socket the app uses: typed events from protocol.ts, acknowledged requests, reconnection. */
export interface LiveSocket {
	readonly connected: boolean;
	/** Connect now (also ends a back-off wait); reconnects by itself after drops. */
	connect(): void;
	/** Close on purpose: no reconnection until `connect()`. */
	disconnect(): void;
	on<E extends keyof SocketEvents>(event: E, listener: Listener<E>): void;
	removeAllListeners(): void;
	/**
	 * Send `event` and wait at most `timeoutMs` for its acknowledgement (rejects on time-out or
	 * disconnection). Payload and reply are typed by the event map in protocol.ts.
	 */
	request<E extends RequestName>(
		event: E,
		payload: RequestPayload<E>,
		timeoutMs: number
	): Promise<Ack<RequestReply<E>>>;
}

export interface SocketOptions {
	/** Server origin, e.g. `http://127.0.0.1:3000` (default: the page's). */
	origin?: string;
	/** A WebSocket implementation (default: the browser's). */
	WebSocket?: typeof WebSocket;
	/** WebSocket attempts that fail before the first success, after which long-polling takes over. */
	fallbackAfter?: number;
}

/** A socket that connects when asked and reconnects by itself with jittered back-off. */
export function createSocket(options: SocketOptions = {}): LiveSocket {
	return new PhoneSocket(options);
}

/** Each event's arguments, so listeners are called without knowing which event they serve. */
type SocketArgs = { [E in keyof SocketEvents]: Parameters<SocketEvents[E]> };
type Listener<E extends keyof SocketEvents> = (...args: SocketArgs[E]) => void;
/** Listeners by event, each list typed by its event (a Map: a frame named `toString` finds none). */
interface Listeners extends Map<keyof SocketEvents, Listener<never>[]> {
	get<E extends keyof SocketEvents>(event: E): Listener<E>[] | undefined;
	set<E extends keyof SocketEvents>(event: E, listeners: Listener<E>[]): this;
}
interface Pending {
	/** Settles with the acknowledgement as it came off the wire. */
	resolve: (reply: Ack<unknown>) => void;
	reject: (error: Error) => void;
	timer: ReturnType<typeof setTimeout>;
}

class PhoneSocket implements LiveSocket {
	readonly #options: SocketOptions;
	readonly #listeners: Listeners = new Map();
	#ws: WebSocket | null = null;
	#connected = false;
	/** False after `disconnect()` or a server-side disconnect: no automatic reconnection. */
	#wanted = false;
	#attempts = 0;
	#everOpened = false;
	#failures = 0;
	#retry: ReturnType<typeof setTimeout> | null = null;
	#connectTimer: ReturnType<typeof setTimeout> | null = null;
	#heartbeat: ReturnType<typeof setTimeout> | null = null;
	#heartbeatMs = 45_000;
	#nextAckId = 0;
	readonly #pending = new Map<number, Pending>();
	/** socket.io-client over long-polling, once WebSockets proved unusable here. */
	#fallback: SocketLike | null = null;
	#loadingFallback = false;

	constructor(options: SocketOptions) {
		this.#options = options;
	}

	get connected(): boolean {
		return this.#fallback ? this.#fallback.connected : this.#connected;
	}

	connect(): void {
		this.#wanted = true;
		if (this.#fallback) return void this.#fallback.connect();
		if (this.#ws || this.#loadingFallback) return;
		this.#clearRetry();
		this.#open();
	}

	disconnect(): void {
		this.#wanted = false;
		this.#clearRetry();
		if (this.#fallback) return void this.#fallback.disconnect();
		const ws = this.#ws;
		if (!ws) return;
		if (this.#connected) this.#send('41');
		this.#closed(ws, 'io client disconnect');
		ws.close();
	}

	on<E extends keyof SocketEvents>(event: E, listener: Listener<E>): void {
		const list = this.#listeners.get(event) ?? [];
		list.push(listener);
		this.#listeners.set(event, list);
	}

	removeAllListeners(): void {
		this.#listeners.clear();
	}

	request<E extends RequestName>(
		event: E,
		payload: RequestPayload<E>,
		timeoutMs: number
	): Promise<Ack<RequestReply<E>>> {
		// The server acknowledges `event` with the reply its entry in the event map names (it is
		// typed by the same map): the one place an acknowledgement takes its type.
		return this.#ask(event, payload, timeoutMs) as Promise<Ack<RequestReply<E>>>;
	}

	#ask(event: RequestName, payload: unknown, timeoutMs: number): Promise<Ack<unknown>> {
		if (this.#fallback) return this.#fallback.timeout(timeoutMs).emitWithAck(event, payload);
		if (!this.#connected) return Promise.reject(new Error('disconnected'));
		const id = this.#nextAckId++;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#pending.delete(id);
				reject(new Error('operation has timed out'));
			}, timeoutMs);
			this.#pending.set(id, { resolve, reject, timer });
			this.#send(`42${id}${JSON.stringify([event, payload])}`);
		});
	}

	#emit<E extends keyof SocketEvents>(event: E, ...args: SocketArgs[E]): void {
		for (const listener of [...(this.#listeners.get(event) ?? [])]) listener(...args);
	}

	/**
	 * A frame from the server, as it came off the wire. The server is the authority on its own
	 * frames (it builds them from the same types), so this is the one place where a frame's JSON
	 * takes its type from the event map; an event nobody listens to finds no listener.
	 */
	#received(event: string, args: unknown[]): void {
		type Frame = keyof ServerToClientEvents;
		this.#emit(event as Frame, ...(args as SocketArgs[Frame]));
	}

	#open(): void {
		const origin = this.#options.origin ?? location.origin;
		const url = `${origin.replace(/^http/, 'ws')}${SOCKET_PATH}/?EIO=4&transport=websocket`;
		const Ws = this.#options.WebSocket ?? WebSocket;
		const ws = new Ws(url);
		this.#ws = ws;
		this.#connectTimer = setTimeout(() => {
			this.#closed(ws, 'timeout');
			ws.close();
		}, RECONNECT.connectTimeoutMs);
		ws.onmessage = (message) => {
			if (ws === this.#ws) this.#frame(String(message.data));
		};
		ws.onclose = () => this.#closed(ws, 'transport close');
	}

	/** One engine.io frame: open, ping, close, or a socket.io packet inside a message. */
	#frame(data: string): void {
		switch (data[0]) {
			case '0': {
				const handshake = JSON.parse(data.slice(1)) as {
					pingInterval: number;
					pingTimeout: number;
				};
				this.#heartbeatMs = handshake.pingInterval + handshake.pingTimeout;
				this.#alive();
				this.#send('40');
				return;
			}
			case '2':
				this.#alive();
				this.#send('3');
				return;
			case '1':
				this.#drop('transport close');
				return;
			case '4':
				this.#packet(data);
				return;
		}
	}

	/** A socket.io packet: `40{sid}` connected, `42[…]` event, `43<id>[…]` ack, `41` disconnect. */
	#packet(data: string): void {
		const type = data[1];
		if (type === '0') {
			if (this.#connectTimer) clearTimeout(this.#connectTimer);
			this.#connectTimer = null;
			this.#connected = true;
			this.#everOpened = true;
			this.#attempts = 0;
			this.#failures = 0;
			this.#emit('connect');
		} else if (type === '2' || type === '3') {
			const start = data.indexOf('[');
			const id = start > 2 ? Number(data.slice(2, start)) : null;
			const args = JSON.parse(data.slice(start)) as unknown[];
			if (type === '2') {
				this.#received(String(args[0]), args.slice(1));
			} else if (id !== null) {
				const pending = this.#pending.get(id);
				if (!pending) return;
				this.#pending.delete(id);
				clearTimeout(pending.timer);
				pending.resolve(args[0] as Ack<unknown>);
			}
		} else if (type === '1') {
			this.#wanted = false; // the server ended the session (a kicked player): stay away
			this.#drop('io server disconnect');
		} else if (type === '4') {
			this.#drop('connect error');
		}
	}

	#send(frame: string): void {
		if (this.#ws?.readyState === 1) this.#ws.send(frame);
	}

	/** Any sign of life from the server; silence past ping interval + timeout means a dead link. */
	#alive(): void {
		if (this.#heartbeat) clearTimeout(this.#heartbeat);
		this.#heartbeat = setTimeout(() => this.#drop('ping timeout'), this.#heartbeatMs);
	}

	#drop(reason: string): void {
		const ws = this.#ws;
		if (!ws) return;
		this.#closed(ws, reason);
		ws.close();
	}

	/** The WebSocket `ws` is gone: tell the page, fail pending requests, plan the next attempt. */
	#closed(ws: WebSocket, reason: string): void {
		if (ws !== this.#ws) return;
		this.#ws = null;
		ws.onmessage = null;
		ws.onclose = null;
		for (const timer of [this.#connectTimer, this.#heartbeat]) if (timer) clearTimeout(timer);
		this.#connectTimer = this.#heartbeat = null;
		for (const pending of this.#pending.values()) {
			clearTimeout(pending.timer);
			pending.reject(new Error('socket has been disconnected'));
		}
		this.#pending.clear();
		if (this.#connected) {
			this.#connected = false;
			this.#emit('disconnect', reason);
		} else if (reason !== 'io client disconnect') {
			this.#failures++;
			this.#emit('connect_error', new Error(reason));
		}
		if (!this.#wanted) return;
		const fallbackAfter = this.#options.fallbackAfter ?? 2;
		if (!this.#everOpened && this.#failures >= fallbackAfter) void this.#useFallback();
		else this.#scheduleRetry();
	}

	/** socket.io-client's back-off: delay × 2^attempt, ± randomization, capped. */
	#scheduleRetry(): void {
		const base = RECONNECT.delayMs * 2 ** this.#attempts++;
		const rand = Math.random();
		const deviation = Math.floor(rand * RECONNECT.randomization * base);
		const delay = Math.min(
			(Math.floor(rand * 10) & 1) === 0 ? base - deviation : base + deviation,
			RECONNECT.delayMaxMs
		);
		this.#retry = setTimeout(() => {
			this.#retry = null;
			if (this.#wanted && !this.#ws) this.#open();
		}, delay);
	}

	#clearRetry(): void {
		if (this.#retry) clearTimeout(this.#retry);
		this.#retry = null;
	}

	/** Hand the connection to socket.io-client over HTTP long-polling (loaded only now). */
	async #useFallback(): Promise<void> {
		this.#loadingFallback = true;
		try {
			const { openPollingSocket } = await import('./socket-polling');
			const socket = openPollingSocket(this.#options.origin);
			socket.onAny((event, ...args) => this.#received(event, args));
			socket.on('connect', () => this.#emit('connect'));
			socket.on('disconnect', (reason) => this.#emit('disconnect', reason));
			socket.on('connect_error', (error) => this.#emit('connect_error', error));
			this.#fallback = socket;
			if (this.#wanted) socket.connect();
		} catch {
			this.#scheduleRetry(); // the module did not load either: the network is down, retry
		} finally {
			this.#loadingFallback = false;
		}
	}
}
