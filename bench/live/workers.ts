/** The phone worker processes seen from the orchestrator: fork, broadcast, collect replies. */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromPhones, PhonesConfig, ToPhones } from './messages';
import { niceProcess } from './server';

const PHONES_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'phones.ts');

type Kind = FromPhones['type'];
type Of<K extends Kind> = Extract<FromPhones, { type: K }>;

export class PhoneWorkers {
	readonly children: ChildProcess[] = [];
	/** Messages not yet consumed, per worker. */
	#inbox: FromPhones[][] = [];
	#wake = new Set<() => void>();
	onProgress?: (worker: number, message: Of<'progress'>) => void;

	/** Forks `workers` processes and hands each its share of `players` phones. */
	static async start(
		workers: number,
		players: number,
		base: Omit<PhonesConfig, 'first' | 'count' | 'concurrency'>,
		totalConcurrency: number,
		nice = 0,
		/** Write a CPU profile of each worker here (the load generator's own cost). */
		cpuProfDir?: string,
		/** Several nodes: worker w's phones connect to urls[w % urls.length] instead of base.url. */
		urls: string[] = [base.url]
	): Promise<PhoneWorkers> {
		const pool = new PhoneWorkers();
		let first = 0;
		for (let w = 0; w < workers; w++) {
			const count = Math.floor(players / workers) + (w < players % workers ? 1 : 0);
			const child = fork(PHONES_ENTRY, [], {
				execArgv: [
					'--import',
					'tsx',
					'--max-old-space-size=4096',
					...(cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfDir] : [])
				],
				stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
				// With a niceness, each worker leads its own session (scheduling autogroup).
				detached: nice !== 0
			});
			if (nice !== 0 && child.pid) niceProcess(child.pid, nice);
			pool.#inbox.push([]);
			child.on('message', (message: FromPhones) => {
				if (message.type === 'progress') pool.onProgress?.(w, message);
				else pool.#inbox[w].push(message);
				for (const wake of pool.#wake) wake();
			});
			pool.children.push(child);
			child.send({
				type: 'init',
				config: {
					...base,
					url: urls[w % urls.length],
					first,
					count,
					concurrency: Math.max(1, Math.round(totalConcurrency / workers))
				}
			} satisfies ToPhones);
			first += count;
		}
		await pool.collect('ready', () => true, 60_000);
		return pool;
	}

	get pids(): number[] {
		return this.children.map((c) => c.pid!).filter(Boolean);
	}

	broadcast(message: ToPhones): void {
		for (const child of this.children) child.send(message);
	}

	/**
	 * One message of `type` matching `match` from every worker (consumed from the inbox), or
	 * whatever arrived when the timeout passed (`complete: false`).
	 */
	async collect<K extends Kind>(
		type: K,
		match: (message: Of<K>) => boolean,
		timeoutMs: number
	): Promise<{ messages: Of<K>[]; complete: boolean }> {
		const found: (Of<K> | undefined)[] = this.children.map(() => undefined);
		const take = () => {
			this.#inbox.forEach((inbox, w) => {
				if (found[w]) return;
				const i = inbox.findIndex((m) => m.type === type && match(m as Of<K>));
				if (i >= 0) found[w] = inbox.splice(i, 1)[0] as Of<K>;
			});
			return found.every(Boolean);
		};
		let complete = take();
		if (!complete) {
			complete = await new Promise<boolean>((resolve) => {
				const timer = setTimeout(() => {
					this.#wake.delete(wake);
					resolve(false);
				}, timeoutMs);
				const wake = () => {
					if (!take()) return;
					clearTimeout(timer);
					this.#wake.delete(wake);
					resolve(true);
				};
				this.#wake.add(wake);
			});
		}
		return { messages: found.filter((m): m is Of<K> => m !== undefined), complete };
	}

	/** Sends `request` to every worker and collects the matching replies. */
	async ask<K extends Kind>(
		request: ToPhones,
		type: K,
		match: (message: Of<K>) => boolean = () => true,
		timeoutMs = 30_000
	): Promise<Of<K>[]> {
		this.broadcast(request);
		return (await this.collect(type, match, timeoutMs)).messages;
	}

	async close(): Promise<void> {
		const exits = this.children.map(
			(child) =>
				new Promise<void>((resolve) => {
					if (child.exitCode !== null) return resolve();
					child.once('exit', () => resolve());
					setTimeout(() => {
						child.kill('SIGKILL');
						resolve();
					}, 5000);
				})
		);
		this.broadcast({ type: 'close' });
		await Promise.all(exits);
	}
}
