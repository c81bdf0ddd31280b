/**
 * The connection a simulated phone uses. Two implementations of one small interface:
 *
 * - `socket.io-client` itself (any transport, the browser default long-polling → websocket
 *   upgrade included);
 * - a lite client speaking the socket.io v4 / engine.io v4 wire protocol directly over `ws`
 *   (websocket only). On a real phone each client's decoding runs on its own CPU; in the bench
 *   thousands share one core, and socket.io-client's per-message cost (~20–30 µs) would put the
 *   load generator, not the server, on the critical path of the fan-out figure. The lite client
 *   does one JSON.parse per message and nothing else.
 *
 * Wire format (engine.io packet type, then socket.io packet type for messages):
 *   server "0{sid,pingInterval,…}" open → client "40" connect → server "40{sid}" connected;
 *   server "2" ping → client "3" pong; client "42<id>[event,payload]" → server "43<id>[ack]";
 *   server "42[event,payload]" event; "41" disconnect; "44{message}" connect error.
 */
import WebSocket from 'ws';
import { io } from 'socket.io-client';
import type { Transport } from './messages';

export type Ack =
	{ ok: true; data: unknown } | { ok: false; error: string; retryAfterSec?: number };
type Listener = (...args: never[]) => void;

export interface PhoneSocket {
	readonly connected: boolean;
	connect(): void;
	/** Closes on purpose (no automatic reconnection until `connect()`). */
	disconnect(): void;
	/** Server events, plus 'connect', 'disconnect' (reason) and 'connect_error'. */
	on(event: string, listener: Listener): void;
	once(event: string, listener: Listener): void;
	/** Emits with an acknowledgement; resolves ACK_TIMEOUT or DISCONNECTED on failure. */
	call(event: string, payload: unknown, timeoutMs: number): Promise<Ack>;
	/** Stops reconnecting for good. */
	close(): void;
}

export interface PhoneSocketOptions {
	url: string;
	transport: Transport;
	client: 'lite' | 'socket.io';
	reconnectionDelayMs?: number;
	reconnectionDelayMaxMs?: number;
	/** ± share of each delay (socket.io's randomizationFactor). */
	randomization?: number;
}

/** The app's own phone settings (src/lib/client/socket.ts), so resume times match real phones. */
const APP_RECONNECTION = { delayMs: 500, delayMaxMs: 4_000, randomization: 0.6 };

export function createPhoneSocket(options: PhoneSocketOptions): PhoneSocket {
	if (options.client === 'lite') {
		if (options.transport !== 'websocket') throw new Error('the lite client speaks websocket only');
		return new LiteSocket(options);
	}
	return new SocketIoPhone(options);
}

class SocketIoPhone implements PhoneSocket {
	readonly #socket;
	constructor(options: PhoneSocketOptions) {
		this.#socket = io(options.url, {
			path: '/socket.io',
			transports: options.transport === 'websocket' ? ['websocket'] : ['polling', 'websocket'],
			forceNew: true, // one connection per phone: never multiplex phones over one Manager
			autoConnect: false,
			reconnection: true,
			reconnectionDelay: options.reconnectionDelayMs ?? APP_RECONNECTION.delayMs,
			reconnectionDelayMax: options.reconnectionDelayMaxMs ?? APP_RECONNECTION.delayMaxMs,
			randomizationFactor: options.randomization ?? APP_RECONNECTION.randomization,
			timeout: 10_000
		});
	}
	get connected() {
		return this.#socket.connected;
	}
	connect() {
		this.#socket.connect();
	}
	disconnect() {
		this.#socket.disconnect();
	}
	on(event: string, listener: Listener) {
		this.#socket.on(event, listener as (...args: unknown[]) => void);
	}
	once(event: string, listener: Listener) {
		this.#socket.once(event, listener as (...args: unknown[]) => void);
	}
	call(event: string, payload: unknown, timeoutMs: number): Promise<Ack> {
		return new Promise((resolve) => {
			this.#socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: Ack) => {
				if (err)
					resolve({ ok: false, error: this.#socket.connected ? 'ACK_TIMEOUT' : 'DISCONNECTED' });
				else if (!ack || typeof ack !== 'object') resolve({ ok: false, error: 'BAD_ACK' });
				else resolve(ack);
			});
		});
	}
	close() {
		this.#socket.io.reconnection(false);
		this.#socket.disconnect();
	}
}

class LiteSocket implements PhoneSocket {
	#ws: WebSocket | null = null;
	#connected = false;
	/** The phone wants to be connected (reconnect after a drop). */
	#wanted = false;
	#closed = false;
	#attempt = 0;
	#reconnectTimer: ReturnType<typeof setTimeout> | null = null;
	#nextId = 0;
	readonly #acks = new Map<number, (ack: Ack) => void>();
	readonly #listeners = new Map<string, Set<Listener>>();
	readonly #wsUrl: string;
	readonly #delay: number;
	readonly #delayMax: number;
	readonly #randomization: number;

	constructor(options: PhoneSocketOptions) {
		this.#wsUrl = options.url.replace(/^http/, 'ws') + '/socket.io/?EIO=4&transport=websocket';
		this.#delay = options.reconnectionDelayMs ?? APP_RECONNECTION.delayMs;
		this.#delayMax = options.reconnectionDelayMaxMs ?? APP_RECONNECTION.delayMaxMs;
		this.#randomization = options.randomization ?? APP_RECONNECTION.randomization;
	}

	get connected() {
		return this.#connected;
	}

	on(event: string, listener: Listener) {
		let set = this.#listeners.get(event);
		if (!set) this.#listeners.set(event, (set = new Set()));
		set.add(listener);
	}

	once(event: string, listener: Listener) {
		const wrapped = ((...args: never[]) => {
			this.#listeners.get(event)?.delete(wrapped);
			listener(...args);
		}) as Listener;
		this.on(event, wrapped);
	}

	#fire(event: string, ...args: unknown[]) {
		const set = this.#listeners.get(event);
		if (!set) return;
		for (const listener of [...set]) (listener as (...a: unknown[]) => void)(...args);
	}

	connect() {
		if (this.#closed) return;
		this.#wanted = true;
		if (this.#ws) return;
		const ws = new WebSocket(this.#wsUrl, { perMessageDeflate: false });
		this.#ws = ws;
		ws.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
			if (!isBinary) this.#onPacket(data.toString());
		});
		ws.on('error', () => undefined); // followed by 'close', handled there
		ws.on('close', () => this.#onClose(this.#connected ? 'transport close' : null));
	}

	#onPacket(packet: string) {
		switch (packet.charCodeAt(0)) {
			case 48: // '0' open
				this.#ws?.send('40');
				return;
			case 50: // '2' ping
				this.#ws?.send('3');
				return;
			case 49: // '1' close
				this.#ws?.close();
				return;
			case 52: // '4' message → socket.io packet
				break;
			default:
				return;
		}
		const type = packet.charCodeAt(1);
		if (type === 48) {
			// '40{sid}' connected to the namespace
			this.#connected = true;
			this.#attempt = 0;
			this.#fire('connect');
		} else if (type === 50) {
			// '42[event, ...args]'
			const start = packet.indexOf('[');
			const [event, ...args] = JSON.parse(packet.slice(start)) as [string, ...unknown[]];
			this.#fire(event, ...args);
		} else if (type === 51) {
			// '43<id>[ack]'
			const start = packet.indexOf('[');
			const id = Number(packet.slice(2, start));
			const resolve = this.#acks.get(id);
			if (resolve) {
				this.#acks.delete(id);
				resolve((JSON.parse(packet.slice(start)) as [Ack])[0]);
			}
		} else if (type === 49) {
			// '41' the server disconnected this socket
			this.#ws?.close();
		} else if (type === 52) {
			this.#fire('connect_error');
			this.#ws?.close();
		}
	}

	#onClose(reason: string | null) {
		this.#ws = null;
		const wasConnected = this.#connected;
		this.#connected = false;
		for (const resolve of this.#acks.values()) resolve({ ok: false, error: 'DISCONNECTED' });
		this.#acks.clear();
		if (wasConnected) this.#fire('disconnect', reason ?? 'io client disconnect');
		else if (reason === null && this.#wanted) this.#fire('connect_error');
		if (this.#wanted && !this.#closed) {
			// socket.io-client's backoff: delay × 2^attempt, ± randomization, capped.
			const base = Math.min(this.#delayMax, this.#delay * 2 ** this.#attempt++);
			const jitter = 1 + this.#randomization * (2 * Math.random() - 1);
			const wait = Math.min(this.#delayMax, base * jitter);
			this.#reconnectTimer = setTimeout(() => {
				this.#reconnectTimer = null;
				if (this.#wanted) this.connect();
			}, wait);
		}
	}

	disconnect() {
		this.#wanted = false;
		if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
		this.#reconnectTimer = null;
		const ws = this.#ws;
		if (!ws) return;
		if (this.#connected) {
			this.#connected = false;
			for (const resolve of this.#acks.values()) resolve({ ok: false, error: 'DISCONNECTED' });
			this.#acks.clear();
			this.#fire('disconnect', 'io client disconnect');
			if (ws.readyState === WebSocket.OPEN) ws.send('41');
		}
		this.#ws = null;
		ws.removeAllListeners('close');
		ws.on('close', () => undefined);
		ws.close();
	}

	call(event: string, payload: unknown, timeoutMs: number): Promise<Ack> {
		const ws = this.#ws;
		if (!ws || !this.#connected) return Promise.resolve({ ok: false, error: 'DISCONNECTED' });
		const id = this.#nextId++;
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.#acks.delete(id);
				resolve({ ok: false, error: 'ACK_TIMEOUT' });
			}, timeoutMs);
			this.#acks.set(id, (ack) => {
				clearTimeout(timer);
				resolve(ack && typeof ack === 'object' ? ack : { ok: false, error: 'BAD_ACK' });
			});
			ws.send(`42${id}${JSON.stringify([event, payload])}`);
		});
	}

	close() {
		this.#closed = true;
		this.disconnect();
	}
}
