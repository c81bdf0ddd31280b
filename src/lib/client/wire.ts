/**
 * A small socket.io client speaking the socket.io v5 / engine.io v4 protocol over a WebSocket
 * only, for the default namespace and JSON payloads: the full socket.io-client (≈ 13 KB gzipped,
 * with HTTP long-polling we do not need on a hall's own Wi-Fi) would take a quarter of a phone
 * page's JavaScript budget. Same wire format, so the server is plain socket.io.
 *
 * Behaviour kept from socket.io-client: `connect`/`disconnect`/`connect_error` events, automatic
 * reconnection with jittered exponential back-off (except after a server-side disconnect, e.g. a
 * kick), acknowledgements, heartbeat (a silent server is dropped after pingInterval + pingTimeout).
 */

type Handler = (...args: never[]) => void;

/** Engine.io packet types (first character of a frame). */
const EIO = { open: '0', close: '1', ping: '2', pong: '3', message: '4' } as const;
/** Socket.io packet types (first character after the engine.io "message" type). */
const SIO = { connect: '0', disconnect: '1', event: '2', ack: '3', connectError: '4' } as const;

export interface WireOptions {
	/** Absolute ws(s):// URL of the socket.io endpoint, e.g. ws://10.0.0.2:3000/socket.io/. */
	url: string;
	reconnectDelayMs?: number;
	reconnectDelayMaxMs?: number;
	/** 0.6 = each delay varies ±60 % so hundreds of phones do not come back in the same instant. */
	jitter?: number;
	/** Gives up on a connection attempt that has not opened after this long. */
	connectTimeoutMs?: number;
}

/** The socket.io endpoint of the page's own origin, as a WebSocket URL. */
export function socketUrl(path: string): string {
	const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
	return `${scheme}://${location.host}${path}/?EIO=4&transport=websocket`;
}

export class AckTimeoutError extends Error {
	override name = 'AckTimeoutError';
}

/** Encode a socket.io EVENT frame (with an ack id when one is wanted). */
export function encodeEvent(event: string, args: unknown[], ackId?: number): string {
	return `${EIO.message}${SIO.event}${ackId ?? ''}${JSON.stringify([event, ...args])}`;
}

export type DecodedFrame =
	| { kind: 'open'; pingIntervalMs: number; pingTimeoutMs: number }
	| { kind: 'close' }
	| { kind: 'ping' }
	| { kind: 'connect' }
	| { kind: 'disconnect' }
	| { kind: 'connectError'; data: unknown }
	| { kind: 'event'; event: string; args: unknown[]; ackId: number | null }
	| { kind: 'ack'; ackId: number; args: unknown[] }
	| { kind: 'ignored' };

/** Decode one text frame from the server (default namespace only). */
export function decodeFrame(frame: string): DecodedFrame {
	const eio = frame[0];
	if (eio === EIO.open) {
		const info = JSON.parse(frame.slice(1)) as { pingInterval?: number; pingTimeout?: number };
		return {
			kind: 'open',
			pingIntervalMs: info.pingInterval ?? 25_000,
			pingTimeoutMs: info.pingTimeout ?? 20_000
		};
	}
	if (eio === EIO.close) return { kind: 'close' };
	if (eio === EIO.ping) return { kind: 'ping' };
	if (eio !== EIO.message) return { kind: 'ignored' };
	const type = frame[1];
	const rest = frame.slice(2);
	if (rest.startsWith('/')) return { kind: 'ignored' }; // another namespace
	if (type === SIO.connect) return { kind: 'connect' };
	if (type === SIO.disconnect) return { kind: 'disconnect' };
	if (type === SIO.connectError)
		return { kind: 'connectError', data: rest ? JSON.parse(rest) : null };
	if (type === SIO.event || type === SIO.ack) {
		const digits = /^\d*/.exec(rest)?.[0] ?? '';
		const args = JSON.parse(rest.slice(digits.length)) as unknown[];
		if (type === SIO.ack) return { kind: 'ack', ackId: Number(digits), args };
		const [event, ...eventArgs] = args;
		return {
			kind: 'event',
			event: String(event),
			args: eventArgs,
			ackId: digits ? Number(digits) : null
		};
	}
	return { kind: 'ignored' };
}

/**
 * The connection. `Listen` maps server→client events, `Emit` client→server events; the
 * reserved events `connect`, `disconnect` and `connect_error` may be listened to as well.
 */
export class Wire<Listen extends { [K in keyof Listen]: Handler }, Emit> {
	#options: Required<WireOptions>;
	#ws: WebSocket | null = null;
	#connected = false;
	/** False after `disconnect()` or a server-side disconnect: no automatic reconnection. */
	#wanted = false;
	#attempt = 0;
	#nextAckId = 0;
	#acks = new Map<number, (args: unknown[]) => void>();
	#listeners = new Map<string, Set<(...args: unknown[]) => void>>();
	#heartbeat: ReturnType<typeof setTimeout> | undefined;
	#retry: ReturnType<typeof setTimeout> | undefined;
	#openTimer: ReturnType<typeof setTimeout> | undefined;
	#silenceMs = 45_000;

	constructor(options: WireOptions) {
		this.#options = {
			reconnectDelayMs: 500,
			reconnectDelayMaxMs: 4_000,
			jitter: 0.6,
			connectTimeoutMs: 10_000,
			...options
		};
	}

	get connected(): boolean {
		return this.#connected;
	}

	on<E extends keyof Listen & string>(event: E, handler: Listen[E]): void;
	on(event: 'connect' | 'disconnect' | 'connect_error', handler: () => void): void;
	on(event: string, handler: Handler): void {
		let set = this.#listeners.get(event);
		if (!set) this.#listeners.set(event, (set = new Set()));
		set.add(handler as (...args: unknown[]) => void);
	}

	removeAllListeners(): void {
		this.#listeners.clear();
	}

	/** Open the connection (again); reconnects by itself until `disconnect()`. */
	connect(): void {
		this.#wanted = true;
		if (this.#ws) return;
		clearTimeout(this.#retry);
		const ws = new WebSocket(this.#options.url);
		this.#ws = ws;
		this.#openTimer = setTimeout(() => ws.close(), this.#options.connectTimeoutMs);
		ws.onmessage = (message) => {
			if (typeof message.data === 'string') this.#receive(message.data);
		};
		ws.onclose = () => {
			if (this.#ws !== ws) return;
			this.#dropped();
		};
		ws.onerror = () => {
			if (!this.#connected) this.#dispatch('connect_error', []);
		};
	}

	/** Close for good (no reconnection) until `connect()` is called again. */
	disconnect(): void {
		this.#wanted = false;
		const ws = this.#ws;
		if (ws && ws.readyState === WebSocket.OPEN) ws.send(`${EIO.message}${SIO.disconnect}`);
		this.#teardown();
		ws?.close();
		if (this.#connected) {
			this.#connected = false;
			this.#dispatch('disconnect', []);
		}
	}

	/** Emit an event and wait for its acknowledgement; rejects with AckTimeoutError. */
	emitWithAck<E extends keyof Emit & string>(
		event: E,
		payload: unknown,
		timeoutMs: number
	): Promise<unknown> {
		return new Promise((resolve, reject) => {
			const ws = this.#ws;
			if (!ws || !this.#connected) {
				reject(new AckTimeoutError('not connected'));
				return;
			}
			const id = this.#nextAckId++;
			const timer = setTimeout(() => {
				this.#acks.delete(id);
				reject(new AckTimeoutError(event));
			}, timeoutMs);
			this.#acks.set(id, (args) => {
				clearTimeout(timer);
				resolve(args[0]);
			});
			ws.send(encodeEvent(event, [payload], id));
		});
	}

	#receive(frame: string): void {
		let packet: DecodedFrame;
		try {
			packet = decodeFrame(frame);
		} catch {
			return; // a frame we cannot read changes nothing
		}
		switch (packet.kind) {
			case 'open':
				clearTimeout(this.#openTimer);
				this.#silenceMs = packet.pingIntervalMs + packet.pingTimeoutMs;
				this.#armHeartbeat();
				this.#ws?.send(`${EIO.message}${SIO.connect}`);
				break;
			case 'ping':
				this.#armHeartbeat();
				this.#ws?.send(EIO.pong);
				break;
			case 'connect':
				this.#connected = true;
				this.#attempt = 0;
				this.#dispatch('connect', []);
				break;
			case 'connectError':
				this.#dispatch('connect_error', [packet.data]);
				break;
			case 'event':
				this.#dispatch(packet.event, packet.args);
				break;
			case 'ack':
				this.#acks.get(packet.ackId)?.(packet.args);
				this.#acks.delete(packet.ackId);
				break;
			case 'disconnect':
				// The server closed our socket on purpose (a kick): like socket.io, stay away.
				this.#wanted = false;
				this.#ws?.close();
				this.#dropped();
				break;
			case 'close':
				this.#ws?.close();
				this.#dropped();
				break;
		}
	}

	#armHeartbeat(): void {
		clearTimeout(this.#heartbeat);
		this.#heartbeat = setTimeout(() => {
			this.#ws?.close();
			this.#dropped();
		}, this.#silenceMs);
	}

	#teardown(): void {
		clearTimeout(this.#heartbeat);
		clearTimeout(this.#openTimer);
		clearTimeout(this.#retry);
		const ws = this.#ws;
		if (ws) ws.onmessage = ws.onclose = ws.onerror = null;
		this.#ws = null;
		// Requests in flight will never be answered by this connection.
		this.#acks.clear();
	}

	#dropped(): void {
		const wasConnected = this.#connected;
		this.#teardown();
		this.#connected = false;
		if (wasConnected) this.#dispatch('disconnect', []);
		if (!this.#wanted) return;
		const { reconnectDelayMs, reconnectDelayMaxMs, jitter } = this.#options;
		const base = Math.min(reconnectDelayMaxMs, reconnectDelayMs * 2 ** this.#attempt++);
		const delay = base * (1 - jitter + Math.random() * 2 * jitter);
		this.#retry = setTimeout(() => this.connect(), delay);
	}

	#dispatch(event: string, args: unknown[]): void {
		for (const handler of this.#listeners.get(event) ?? []) handler(...args);
	}
}
