/**
 * The bench's host: one socket with the host's session cookie, attached to the game, that sends
 * host commands and follows the game's phase, answered count and lobby count. Re-attaches by
 * itself after a reconnect (server restart).
 */
import { io, type Socket } from 'socket.io-client';
import type { Transport } from './messages';

type Ack = { ok: true; data: unknown } | { ok: false; error: string };
interface HostStateLike {
	state: { phase: string };
	answered: number;
	counts: { joined: number };
}

const now = () => performance.timeOrigin + performance.now();

export class BenchHost {
	readonly socket: Socket;
	phase = 'unknown';
	joined = 0;
	answered = 0;
	attaches = 0;
	/** Arrival times of host:answered frames, per question: the throttle is checked from them. */
	readonly answeredFrames = new Map<number, number[]>();
	#gameId: number;

	private constructor(url: string, cookie: string, gameId: number, transport: Transport) {
		this.#gameId = gameId;
		this.socket = io(url, {
			path: '/socket.io',
			transports: transport === 'websocket' ? ['websocket'] : ['polling', 'websocket'],
			extraHeaders: { cookie },
			forceNew: true,
			reconnectionDelay: 500,
			reconnectionDelayMax: 2000
		});
		this.socket.on('host:state', (state: HostStateLike) => this.#apply(state));
		this.socket.on('host:answered', (frame: { questionIndex: number; answered: number }) => {
			this.answered = frame.answered;
			const list = this.answeredFrames.get(frame.questionIndex) ?? [];
			list.push(now());
			this.answeredFrames.set(frame.questionIndex, list);
		});
		this.socket.on('lobby:players', (frame: { count: number }) => {
			this.joined = frame.count;
		});
	}

	/** Connects and attaches; resolves once the first attach succeeded. */
	static connect(url: string, cookie: string, gameId: number, transport: Transport) {
		const host = new BenchHost(url, cookie, gameId, transport);
		return new Promise<BenchHost>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('host: no attach within 30 s')), 30_000);
			host.socket.on('connect', async () => {
				const ack = await host.#call('host:attach', { gameId });
				if (!ack.ok) {
					clearTimeout(timer);
					reject(new Error(`host:attach refused: ${ack.error}`));
					return;
				}
				host.attaches++;
				host.#apply((ack.data as { state: HostStateLike }).state);
				clearTimeout(timer);
				resolve(host);
			});
		});
	}

	#apply(state: HostStateLike): void {
		this.phase = state.state.phase;
		this.answered = state.answered;
		this.joined = state.counts.joined;
	}

	#call(event: string, payload: unknown): Promise<Ack> {
		return new Promise((resolve) => {
			this.socket.timeout(30_000).emit(event, payload, (err: Error | null, ack: Ack) => {
				resolve(err ? { ok: false, error: 'ACK_TIMEOUT' } : ack);
			});
		});
	}

	/** Sends one host command; the ack's state updates the phase. */
	async command(command: Record<string, unknown>): Promise<Ack> {
		const ack = await this.#call('host:command', { gameId: this.#gameId, command });
		if (ack.ok) this.#apply((ack.data as { state: HostStateLike }).state);
		return ack;
	}

	/** Waits until `predicate` holds (checked every 50 ms) or the timeout passes. */
	async until(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
		const end = Date.now() + timeoutMs;
		while (!predicate()) {
			if (Date.now() > end) return false;
			await new Promise((r) => setTimeout(r, 50));
		}
		return true;
	}

	close(): void {
		this.socket.io.reconnection(false);
		this.socket.disconnect();
	}
}
