/**
 * A phone's Wi-Fi link, simulated at the TCP level (this kernel has no netem): a proxy on
 * 127.0.0.1 between one phone and the server. Every chunk, in both directions, is delayed by
 * `latencyMs ± jitterMs` (uniform) while keeping its order, like a congested radio link; `reset()`
 * tears down the phone's connections with a TCP RST (a dropped association); `blackhole(ms)`
 * holds every byte for that long and then delivers it (a link that goes silent: TCP
 * retransmits what it sent once the radio is back, so nothing is lost unless a side gives up).
 */
import net from 'node:net';

export interface LinkOptions {
	/** Where the server listens. */
	upstreamPort: number;
	latencyMs: number;
	jitterMs: number;
	random?: () => number;
}

interface Pipe {
	phone: net.Socket;
	server: net.Socket;
}

export class FaultyLink {
	readonly #options: LinkOptions;
	readonly #server: net.Server;
	readonly #pipes = new Set<Pipe>();
	#silentUntil = 0;
	resets = 0;
	connections = 0;

	private constructor(options: LinkOptions) {
		this.#options = options;
		this.#server = net.createServer((phone) => this.#accept(phone));
	}

	/** Opens the link on a free port of 127.0.0.1. */
	static async open(options: LinkOptions): Promise<FaultyLink> {
		const link = new FaultyLink(options);
		await new Promise<void>((resolve) => link.#server.listen(0, '127.0.0.1', resolve));
		return link;
	}

	get port(): number {
		return (this.#server.address() as net.AddressInfo).port;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Drops every connection of this phone now (RST), as a Wi-Fi disassociation does. */
	reset(): void {
		this.resets++;
		for (const pipe of [...this.#pipes]) {
			pipe.phone.resetAndDestroy();
			pipe.server.destroy();
			this.#pipes.delete(pipe);
		}
	}

	/** Nothing gets through for `ms`; what was sent meanwhile arrives afterwards. */
	blackhole(ms: number): void {
		this.#silentUntil = Math.max(this.#silentUntil, Date.now() + ms);
	}

	async close(): Promise<void> {
		for (const pipe of this.#pipes) {
			pipe.phone.destroy();
			pipe.server.destroy();
		}
		this.#pipes.clear();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
	}

	#accept(phone: net.Socket): void {
		this.connections++;
		const server = net.connect(this.#options.upstreamPort, '127.0.0.1');
		const pipe = { phone, server };
		this.#pipes.add(pipe);
		phone.setNoDelay(true);
		server.setNoDelay(true);
		const end = () => {
			if (!this.#pipes.delete(pipe)) return;
			phone.destroy();
			server.destroy();
		};
		this.#forward(phone, server, end);
		this.#forward(server, phone, end);
	}

	/** Copies `from` → `to` with each chunk delayed, in order; either side closing ends both. */
	#forward(from: net.Socket, to: net.Socket, end: () => void): void {
		const random = this.#options.random ?? Math.random;
		const queue: Array<{ at: number; chunk: Buffer }> = [];
		let timer: ReturnType<typeof setTimeout> | null = null;
		let closing = false;
		const pump = () => {
			timer = null;
			for (;;) {
				const head = queue[0];
				if (!head) {
					if (closing) end();
					return;
				}
				const wait = Math.max(head.at, this.#silentUntil) - Date.now();
				if (wait > 0) {
					timer = setTimeout(pump, wait);
					return;
				}
				queue.shift();
				if (!to.destroyed) to.write(head.chunk);
			}
		};
		from.on('data', (chunk) => {
			const { latencyMs, jitterMs } = this.#options;
			const delay = Math.max(0, latencyMs + (2 * random() - 1) * jitterMs);
			const last = queue.length ? queue[queue.length - 1].at : 0;
			queue.push({ at: Math.max(last, Date.now() + delay), chunk });
			if (!timer) pump();
		});
		const finish = () => {
			closing = true;
			if (!timer) pump();
		};
		from.on('end', finish);
		from.on('close', finish);
		from.on('error', () => undefined); // followed by 'close'
	}
}
