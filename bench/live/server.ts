/**
 * Runs the production server (server.js + the SvelteKit build) for a bench: from a private copy
 * of the build so that a rebuild in the working tree cannot pull files from under a long run,
 * pinned to one CPU, over a given database; and reads its CPU time and memory from /proc.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ServerOptions {
	/** The project root (the server's working directory). */
	root: string;
	/** A folder holding server.js and build/ (see snapshotBuild). */
	dir: string;
	databasePath: string;
	/** 0 = any free port. */
	port: number;
	/** Pin the server to this CPU (taskset), or null. */
	cpu: number | null;
	/** Scheduling niceness (negative: ahead of other work on a shared machine; needs root). */
	nice?: number;
	/** Write a V8 CPU profile here when the server exits normally (SIGTERM). */
	cpuProfDir?: string;
	env?: Record<string, string>;
	/** Print the server's output. */
	verbose?: boolean;
}

export interface ServerHandle {
	pid: number;
	port: number;
	url: string;
	process: ChildProcess;
	/** SIGTERM and wait (the CPU profile is written on this path). */
	stop(): Promise<void>;
	/** SIGKILL and wait: a crash. */
	kill(): Promise<void>;
}

/** Build the app when there is no build yet (a clean clone). */
export function ensureBuild(root: string): void {
	if (fs.existsSync(path.join(root, 'build/handler.js'))) return;
	console.log('No build/ yet: running `npm run build`…');
	const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('npm run build failed');
}

/**
 * Copies build/, drizzle/ (the migrations that build expects) and server.js into a temporary
 * folder (node_modules linked back), so the bench runs the code as it was when it started even
 * if the working tree is rebuilt meanwhile. `from` is a folder prepared the same way earlier
 * (holding build/ and drizzle/), e.g. `npm run build && mkdir /tmp/cv-app && cp -r build drizzle /tmp/cv-app`.
 */
export function snapshotBuild(root: string, from?: string): string {
	if (!from) ensureBuild(root);
	const source = from ?? root;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-bench-server-'));
	fs.cpSync(path.join(source, 'build'), path.join(dir, 'build'), { recursive: true });
	fs.cpSync(path.join(source, 'drizzle'), path.join(dir, 'drizzle'), { recursive: true });
	fs.copyFileSync(path.join(root, 'server.js'), path.join(dir, 'server.js'));
	fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return dir;
}

export function startServer(options: ServerOptions): Promise<ServerHandle> {
	const nodeArgs: string[] = [];
	if (options.cpuProfDir) {
		fs.mkdirSync(options.cpuProfDir, { recursive: true });
		nodeArgs.push('--cpu-prof', '--cpu-prof-dir', options.cpuProfDir);
	}
	const serverJs = path.join(options.dir, 'server.js');
	let argv = ['node', ...nodeArgs, serverJs];
	if (options.cpu !== null) argv = ['taskset', '-c', String(options.cpu), ...argv];
	if (options.nice) argv = ['nice', '-n', String(options.nice), ...argv];
	const [command, ...args] = argv;
	// Its own session: its own scheduling autogroup, which `nice` then applies to (niceProcess).
	const detached = Boolean(options.nice);
	const child = spawn(command, args, {
		cwd: options.root,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(options.port),
			HOST: '127.0.0.1',
			DATABASE_PATH: options.databasePath,
			UPLOAD_DIR: path.join(path.dirname(options.databasePath), 'uploads'),
			MIGRATIONS_DIR: path.join(options.dir, 'drizzle'),
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		detached
	});
	if (detached) {
		// A detached server would outlive a crashed bench: take it down with us.
		const reap = () => child.exitCode === null && child.kill('SIGKILL');
		process.once('exit', reap);
		child.once('exit', () => process.off('exit', reap));
		if (options.nice && child.pid) niceProcess(child.pid, options.nice);
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`the server did not start in 60 s:\n${output}`));
		}, 60_000);
		child.stderr!.on('data', (chunk: Buffer) => {
			if (!listening) output += chunk;
			if (options.verbose) process.stderr.write(`[server] ${chunk}`);
		});
		const onEarlyExit = (code: number | null) => {
			clearTimeout(timer);
			reject(new Error(`the server exited (${code}) before listening:\n${output}`));
		};
		child.once('exit', onEarlyExit);
		let listening = false;
		child.stdout!.on('data', (chunk: Buffer) => {
			if (options.verbose) process.stdout.write(`[server] ${chunk}`);
			if (listening) return;
			output += chunk;
			// "Listening on http://…:PORT", or the start banner "… is running at http://…:PORT".
			const match = /(?:Listening on|is running at) http:\/\/[^\s:]+:(\d+)/.exec(output);
			if (!match) return;
			listening = true;
			clearTimeout(timer);
			child.off('exit', onEarlyExit);
			const port = Number(match[1]);
			resolve({
				pid: child.pid!,
				port,
				url: `http://127.0.0.1:${port}`,
				process: child,
				async stop() {
					if (child.exitCode === null) child.kill('SIGTERM');
					await exited;
				},
				async kill() {
					if (child.exitCode === null) child.kill('SIGKILL');
					await exited;
				}
			});
		});
	});
}

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim()) || 100;

export interface ProcSample {
	/** The process sampled (0 for sums over several or the whole machine). */
	pid: number;
	/** Wall clock, ms. */
	at: number;
	/** User + system CPU time, ms. */
	cpuMs: number;
	rssMb: number;
	/** Peak RSS so far (VmHWM), MB. */
	peakRssMb: number;
}

/** CPU time and memory of a process, or null once it is gone. */
export function sampleProcess(pid: number): ProcSample | null {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]);
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
		return {
			pid,
			at: Date.now(),
			cpuMs: (ticks * 1000) / CLK_TCK,
			rssMb: kb('VmRSS') / 1024,
			peakRssMb: kb('VmHWM') / 1024
		};
	} catch {
		return null;
	}
}

/** Share of one CPU used between two samples, in percent. */
export function cpuPercent(from: ProcSample | null, to: ProcSample | null): number | null {
	if (!from || !to || to.at <= from.at || from.pid !== to.pid) return null;
	return Math.round(((to.cpuMs - from.cpuMs) / (to.at - from.at)) * 1000) / 10;
}

/** Sum of the samples of several processes (the load generator: orchestrator + workers). */
export function sampleProcesses(pids: number[]): ProcSample | null {
	const samples = pids.map(sampleProcess).filter((s): s is ProcSample => s !== null);
	if (samples.length === 0) return null;
	return {
		pid: 0,
		at: Date.now(),
		cpuMs: samples.reduce((sum, s) => sum + s.cpuMs, 0),
		rssMb: samples.reduce((sum, s) => sum + s.rssMb, 0),
		peakRssMb: samples.reduce((sum, s) => sum + s.peakRssMb, 0)
	};
}

/** CPU time used by the whole machine (all CPUs, all processes), as a ProcSample. */
export function sampleMachine(): ProcSample | null {
	try {
		const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
		// cpu user nice system idle iowait irq softirq steal …
		const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
		const ticks = user + nice + system + irq + softirq + (steal || 0);
		return { pid: 0, at: Date.now(), cpuMs: (ticks * 1000) / CLK_TCK, rssMb: 0, peakRssMb: 0 };
	} catch {
		return null;
	}
}

/** Pins the calling process (all its threads) to one CPU; children inherit it. */
export function pinSelf(cpu: number): boolean {
	return spawnSync('taskset', ['-a', '-cp', String(cpu), String(process.pid)]).status === 0;
}

/**
 * Gives a process that leads its own session (spawned `detached`) a scheduling niceness. With
 * autogroup scheduling (kernel.sched_autogroup_enabled=1, the default on many distributions)
 * CPU time is shared between sessions first, so the session's autogroup gets the niceness too;
 * the threads themselves are reniced as well. Negative values need root.
 */
export function niceProcess(pid: number, nice: number): boolean {
	let ok = true;
	try {
		fs.writeFileSync(`/proc/${pid}/autogroup`, String(nice));
	} catch (err) {
		ok = (err as NodeJS.ErrnoException).code === 'ENOENT'; // no autogroup support: renice only
	}
	const tids = fs.readdirSync(`/proc/${pid}/task`);
	return ok && spawnSync('renice', ['-n', String(nice), '-p', ...tids]).status === 0;
}
