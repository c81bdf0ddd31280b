/**
 * The pieces `bench:live --nodes 2` adds around the servers: a private Redis (its own
 * redis-server on a free port, so that the game's leases, the cluster bus and socket.io's
 * adapter channels cannot meet those of other processes using the machine's shared Redis, and
 * so that Redis's global counters measure this run only), a meter of the bus's cost read from
 * that Redis's INFO, and optionally HAProxy with the checked-in deploy/haproxy.cfg.
 *
 * Why not the shared Redis on 6379 with another key prefix or database index: the app's Redis
 * names are fixed (`cv:lease:game:<id>`, `cv:bus:*`, `cv:socket.io#…`), a fresh bench database
 * numbers its game 1 like every other fresh database, and Redis pub/sub channels ignore the
 * database index; INFO's counters are global to the server as well.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createClient } from 'redis';

type Client = ReturnType<typeof createClient>;

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Spawned {
	pid: number;
	url: string;
	stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const reap = () => child.exitCode === null && child.kill('SIGKILL');
	process.once('exit', reap);
	return async () => {
		process.off('exit', reap);
		if (child.exitCode === null) child.kill('SIGTERM');
		await exited;
	};
}

/** A redis-server of our own: no persistence, loopback only, pinned like the servers. */
export async function startRedis(cpu: number | null): Promise<Spawned> {
	if (spawnSync('redis-server', ['--version']).error)
		throw new Error('--nodes 2 needs redis-server (apt-get install -y redis-server)');
	const port = await freePort();
	let argv = ['redis-server', '--port', String(port), '--bind', '127.0.0.1'];
	argv.push('--save', '', '--appendonly', 'no', '--protected-mode', 'yes');
	if (cpu !== null) argv = ['taskset', '-c', String(cpu), ...argv];
	const child = spawn(argv[0], argv.slice(1), { stdio: 'ignore' });
	const url = `redis://127.0.0.1:${port}`;
	const stop = stopper(child);
	for (let i = 0; i < 100; i++) {
		const client = createClient({ url, socket: { reconnectStrategy: false } });
		client.on('error', () => undefined);
		const ok = await client.connect().then(
			async () => (await client.ping()) === 'PONG',
			() => false
		);
		if (client.isOpen) await client.quit();
		if (ok) return { pid: child.pid!, url, stop };
		await sleep(50);
	}
	await stop();
	throw new Error(`redis-server did not start on port ${port}`);
}

/** HAProxy with deploy/haproxy.cfg in front of two nodes (as tests/integration/multinode.test.ts). */
export async function startProxy(root: string, nodeA: number, nodeB: number): Promise<Spawned> {
	if (spawnSync('haproxy', ['-v']).error)
		throw new Error('--via-proxy needs haproxy (apt-get install -y haproxy)');
	const port = await freePort();
	const child = spawn('haproxy', ['-db', '-f', path.join(root, 'deploy/haproxy.cfg')], {
		env: {
			...process.env,
			CV_PROXY_BIND: `127.0.0.1:${port}`,
			CV_NODE_A: `127.0.0.1:${nodeA}`,
			CV_NODE_B: `127.0.0.1:${nodeB}`
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let log = '';
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk));
	const url = `http://127.0.0.1:${port}`;
	const stop = stopper(child);
	for (let i = 0; i < 100; i++) {
		const ok = await fetch(`${url}/healthz`).then(
			(res) => res.ok,
			() => false
		);
		// Both servers marked up (rise 2, inter 1s) before phones arrive, or all go to one node.
		if (ok && i >= 25) return { pid: child.pid!, url, stop };
		await sleep(100);
	}
	await stop();
	throw new Error(`haproxy did not start: ${log}`);
}

/** Redis's own counters at one moment (INFO stats and commandstats). */
export interface BusSample {
	at: number;
	commands: number;
	netInBytes: number;
	netOutBytes: number;
	/** PUBLISH calls: messages put on the bus (the adapter's room frames and the cluster's). */
	publishes: number;
	/** Redis's CPU time spent in PUBLISH (delivery to subscribers included), µs. */
	publishUsec: number;
}

export interface BusDelta {
	commands: number;
	netInBytes: number;
	netOutBytes: number;
	publishes: number;
	publishUsec: number;
}

const field = (info: string, name: string) =>
	Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);

/**
 * Reads the private Redis's counters. Its own INFO calls are counted by Redis too: the meter
 * subtracts the bytes of its replies and requests and its commands, so a delta is the app's.
 */
export class BusMeter {
	readonly #client: Client;
	/** Bytes and commands of the meter's own INFO calls so far. */
	#ownOut = 0;
	#ownIn = 0;
	#ownCommands = 0;

	private constructor(client: Client) {
		this.#client = client;
	}

	static async connect(url: string): Promise<BusMeter> {
		const client = createClient({ url });
		client.on('error', () => undefined);
		await client.connect();
		return new BusMeter(client);
	}

	async owner(gameId: number): Promise<string | null> {
		this.#ownCommands++;
		this.#ownIn += 40;
		this.#ownOut += 40;
		return this.#client.get(`cv:lease:game:${gameId}`);
	}

	/**
	 * Hands the game's lease to `node` behind its holder's back, as when a starved owner's lease
	 * expires and another node takes it (--move-lease).
	 */
	async setOwner(gameId: number, node: string): Promise<void> {
		this.#ownCommands++;
		this.#ownIn += 60;
		this.#ownOut += 5;
		await this.#client.set(`cv:lease:game:${gameId}`, node, { PX: 3_000 });
	}

	async sample(): Promise<BusSample> {
		const stats = await this.#client.info('stats');
		const commandstats = await this.#client.info('commandstats');
		const publish = /^cmdstat_publish:calls=(\d+),usec=(\d+)/m.exec(commandstats);
		const sample: BusSample = {
			at: Date.now(),
			// The counters were read before this call's own replies were written.
			commands: field(stats, 'total_commands_processed') - this.#ownCommands,
			netInBytes: field(stats, 'total_net_input_bytes') - this.#ownIn,
			netOutBytes: field(stats, 'total_net_output_bytes') - this.#ownOut,
			publishes: Number(publish?.[1] ?? 0),
			publishUsec: Number(publish?.[2] ?? 0)
		};
		// RESP: "*2\r\n$4\r\nINFO\r\n$5\r\nstats\r\n" ≈ 30 bytes in; "$<len>\r\n…\r\n" out.
		this.#ownCommands += 2;
		this.#ownIn += 60;
		this.#ownOut += Buffer.byteLength(stats) + Buffer.byteLength(commandstats) + 20;
		return sample;
	}

	async close(): Promise<void> {
		await this.#client.quit().catch(() => undefined);
	}
}

/** Bytes and messages on the bus by kind, e.g. `call answer:submit`, `emit player:result`, `room`. */
export type BusBreakdown = Record<string, { messages: number; bytes: number }>;

/**
 * --bus-breakdown: a subscriber to every channel of the private Redis that sorts the bus's
 * messages by kind. It is one more subscriber, so Redis's output bytes grow by what it receives
 * (the meter's figures then include the tap: read them from a run without it).
 */
export class BusTap {
	readonly #client: Client;
	counts: BusBreakdown = {};

	private constructor(client: Client) {
		this.#client = client;
	}

	static async connect(url: string): Promise<BusTap> {
		const client = createClient({ url });
		client.on('error', () => undefined);
		await client.connect();
		const tap = new BusTap(client);
		await client.pSubscribe(
			'cv:*',
			(message: Buffer, channel: Buffer) => tap.#count(message, channel.toString()),
			true
		);
		return tap;
	}

	#count(message: Buffer, channel: string): void {
		let kind = 'other';
		if (channel.startsWith('cv:socket.io')) {
			// The adapter's messages (msgpack): a broadcast names its event in clear text; socketsJoin
			// and the like go through its request/response channels.
			const text = message.toString('latin1');
			if (/-re(quest|sponse)#/.test(channel))
				kind = `adapter ${/-(request|response)#/.exec(channel)![1]}`;
			else kind = `adapter room ${/([a-z]+:[a-z]+)/.exec(text)?.[1] ?? '?'}`;
		} else if (channel.startsWith('cv:bus')) {
			try {
				const m = JSON.parse(message.toString()) as { t: string; event?: string };
				kind = `${m.t}${m.event ? ` ${m.event}` : ''}`;
			} catch {
				kind = 'bus ?';
			}
		}
		const entry = (this.counts[kind] ??= { messages: 0, bytes: 0 });
		entry.messages++;
		entry.bytes += message.length + channel.length;
	}

	take(): BusBreakdown {
		const counts = this.counts;
		this.counts = {};
		return counts;
	}

	async close(): Promise<void> {
		await this.#client.quit().catch(() => undefined);
	}
}

export function busDelta(from: BusSample | null, to: BusSample | null): BusDelta | null {
	if (!from || !to) return null;
	return {
		commands: to.commands - from.commands,
		netInBytes: to.netInBytes - from.netInBytes,
		netOutBytes: to.netOutBytes - from.netOutBytes,
		publishes: to.publishes - from.publishes,
		publishUsec: to.publishUsec - from.publishUsec
	};
}
