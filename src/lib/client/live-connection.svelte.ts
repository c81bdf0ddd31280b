/**
 * One socket.io connection to the live server, as a runes class: connection status, the server
 * clock and acknowledged requests with a timeout. Created per page (never a module singleton) and
 * closed when the page goes away.
 */
import type { RequestName, RequestPayload, RequestReply } from '$lib/protocol';
import { ServerClock } from './server-clock.svelte';
import { createSocket, type LiveSocket, type Reply } from './socket';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

/** How long a request waits for its acknowledgement before it counts as lost. */
export const ACK_TIMEOUT_MS = 8_000;
/** After the app comes back from the background, a connection that cannot answer this fast is dead. */
const WAKE_PROBE_MS = 3_000;

export class LiveConnection {
	readonly clock = new ServerClock();
	#status = $state<ConnectionStatus>('connecting');
	/** True once the first connection succeeded: later drops show "reconnecting", not "connecting". */
	#wasOnline = $state(false);
	#socket: LiveSocket | null = null;
	#cleanup: Array<() => void> = [];

	get status(): ConnectionStatus {
		return this.#status;
	}
	get wasOnline(): boolean {
		return this.#wasOnline;
	}
	get socket(): LiveSocket | null {
		return this.#socket;
	}

	/**
	 * Connect; `onConnect` runs after every (re)connection, before anything else is sent, so the
	 * page can re-attach or re-join. Listeners are added by `on`.
	 */
	open(onConnect: () => void | Promise<void>): LiveSocket {
		const socket: LiveSocket = createSocket();
		this.#socket = socket;
		socket.on('connect', async () => {
			this.#status = 'online';
			this.#wasOnline = true;
			void this.syncClock();
			await onConnect();
		});
		socket.on('disconnect', () => (this.#status = 'offline'));
		socket.on('connect_error', () => (this.#status = this.#wasOnline ? 'offline' : 'connecting'));
		socket.connect();

		const wake = () => {
			if (document.visibilityState === 'visible') void this.#probe();
		};
		document.addEventListener('visibilitychange', wake);
		window.addEventListener('online', wake);
		this.#cleanup.push(() => {
			document.removeEventListener('visibilitychange', wake);
			window.removeEventListener('online', wake);
		});
		return socket;
	}

	/** Send a request and wait for its acknowledgement; never throws. */
	async request<E extends RequestName>(
		event: E,
		payload: RequestPayload<E>,
		timeoutMs = ACK_TIMEOUT_MS
	): Promise<Reply<RequestReply<E>>> {
		const socket = this.#socket;
		if (!socket?.connected) return { ok: false, error: 'OFFLINE' };
		try {
			return await socket.request(event, payload, timeoutMs);
		} catch {
			return { ok: false, error: 'TIMEOUT' };
		}
	}

	/** Ask the server for its time and correct the clock offset. */
	async syncClock(): Promise<void> {
		const sentAt = Date.now();
		const reply = await this.request('time:sync', {}, WAKE_PROBE_MS);
		if (reply.ok) this.clock.sample(reply.data.serverNow, sentAt);
	}

	/** A phone waking from the background may hold a dead socket: probe it and reconnect if silent. */
	async #probe(): Promise<void> {
		const socket = this.#socket;
		if (!socket) return;
		if (!socket.connected) {
			socket.connect();
			return;
		}
		const sentAt = Date.now();
		const reply = await this.request('time:sync', {}, WAKE_PROBE_MS);
		if (reply.ok) this.clock.sample(reply.data.serverNow, sentAt);
		else if (reply.error === 'TIMEOUT' && socket === this.#socket) {
			socket.disconnect();
			socket.connect();
		}
	}

	close(): void {
		for (const fn of this.#cleanup) fn();
		this.#cleanup = [];
		this.#socket?.removeAllListeners();
		this.#socket?.disconnect();
		this.#socket = null;
		this.#status = 'offline';
	}
}
