/**
 * npm run bench:live -- --players N [--questions Q] [--workers W] [--url U --db PATH]
 *   [--transport websocket|polling] [--reconnect-storm] [--crash] [--cpu-prof]
 *   [--import-xlsx [--import-rows R]] [--nodes 2 [--via-proxy] [--bus-breakdown] [--move-lease]] …
 *
 * Starts the production server (or targets --url), creates a game as a host, connects N
 * simulated phones spread over W worker processes, joins them, plays Q questions with answers at
 * random moments inside the time limit, and prints the figures; the last line is one JSON
 * object. --import-xlsx: during question 2 an organizer uploads an R-question workbook (default
 * 5,000) to the import preview over and over; compare that question's answer ack with the others'.
 * --nodes 2: two servers over the same SQLite file and a private Redis (REDIS_URL, NODE_ID), the
 * game owned by node A where the host is, the phones' workers alternating between A and B (or all
 * through HAProxy with deploy/haproxy.cfg: --via-proxy); adds each node's CPU and the Redis bus's
 * cost per question (bench/live/cluster.ts); --bus-breakdown sorts the bus's messages by kind,
 * --move-lease hands the game's lease A → B → A after question 1.
 * See docs/performance.md ("Live game at event scale") for the method and the results.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createFixtures, type BenchFixtures } from './setup';
import {
	cpuPercent,
	pinSelf,
	sampleMachine,
	sampleProcess,
	sampleProcesses,
	snapshotBuild,
	startServer,
	type ProcSample,
	type ServerHandle
} from './server';
import { BenchHost } from './host';
import { DEFAULT_SOCKETS_PER_ADDRESS } from '../../src/lib/server/realtime/connection-gate';
import { PhoneWorkers } from './workers';
import {
	busDelta,
	BusMeter,
	startProxy,
	startRedis,
	type BusDelta,
	type BusBreakdown,
	BusTap,
	type BusSample,
	type Spawned
} from './cluster';
import { describeImportLoad, ImportLoad, type ImportLoadReport } from './import-load';
import { formatPercentiles, mergeCounts, percentiles, type Percentiles } from './stats';
import type { QuestionReport, ResumeReport, Transport } from './messages';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * Environment the bench gives the server it starts: the per-address join and rejoin limits
 * (src/lib/server/realtime/index.ts, per 10 s) must not throttle a load generator that sends
 * every phone from 127.0.0.1. The server's defaults are unchanged.
 */
const BENCH_SERVER_ENV: Record<string, string> = {
	LIVE_JOIN_LIMIT: '1000000',
	LIVE_REJOIN_LIMIT: '1000000'
};

const { values: args } = parseArgs({
	options: {
		players: { type: 'string', default: '500' },
		questions: { type: 'string', default: '3' },
		workers: { type: 'string' },
		url: { type: 'string' },
		db: { type: 'string' },
		transport: { type: 'string', default: 'websocket' },
		/** Phone client: lite (lean websocket client, default for websocket) or socket.io. */
		client: { type: 'string' },
		'reconnect-storm': { type: 'boolean', default: false },
		'storm-window': { type: 'string', default: '5000' },
		crash: { type: 'boolean', default: false },
		/** An organizer imports a large xlsx during question 2 (see import-load.ts). */
		'import-xlsx': { type: 'boolean', default: false },
		'import-rows': { type: 'string', default: '5000' },
		'time-limit': { type: 'string', default: '20' },
		'answer-window': { type: 'string', default: '5000' },
		'answer-rate': { type: 'string', default: '1' },
		'join-concurrency': { type: 'string', default: '200' },
		'cpu-prof': { type: 'boolean', default: false },
		/** Profile the load generator's workers too (bench/results/profiles/loadgen). */
		'loadgen-prof': { type: 'boolean', default: false },
		'server-env': { type: 'string', multiple: true, default: [] },
		'no-pin': { type: 'boolean', default: false },
		/** Niceness of the server and the load generator (e.g. -10 on a machine others are using). */
		nice: { type: 'string', default: '0' },
		seed: { type: 'string', default: '1' },
		out: { type: 'string' },
		/** A prepared copy of the app to run instead of ./build (see bench/live/server.ts snapshotBuild). */
		build: { type: 'string' },
		/** 2: two nodes sharing the game through Redis (see the header). */
		nodes: { type: 'string', default: '1' },
		/** With --nodes 2: phones connect through HAProxy (deploy/haproxy.cfg), not to a node each. */
		'via-proxy': { type: 'boolean', default: false },
		/** With --nodes 2: sort the bus's messages by kind (one more subscriber: inflates Redis's output bytes). */
		'bus-breakdown': { type: 'boolean', default: false },
		/** With --nodes 2: after question 1, move the game's lease A → B → A (a starved owner's lease expiring). */
		'move-lease': { type: 'boolean', default: false },
		verbose: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});

if (args.help) {
	console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
	process.exit(0);
}

const players = Number(args.players);
const questions = Number(args.questions);
const nodes = Number(args.nodes);
if (nodes !== 1 && nodes !== 2) throw new Error('--nodes 1|2');
const viaProxy = args['via-proxy'];
if (viaProxy && nodes !== 2) throw new Error('--via-proxy needs --nodes 2');
if (nodes === 2 && (args.url || args.crash || args['reconnect-storm'] || args['import-xlsx']))
	throw new Error('--nodes 2 runs without --url, --crash, --reconnect-storm and --import-xlsx');
// Two nodes without the proxy: workers alternate between them, so an even number splits evenly.
const defaultWorkers = Math.max(1, Math.ceil(players / 2500));
const workersCount = Number(
	args.workers ?? (nodes === 2 ? 2 * Math.ceil(defaultWorkers / 2) : defaultWorkers)
);
if (nodes === 2 && !viaProxy && workersCount % 2 !== 0)
	throw new Error('--nodes 2: give an even --workers (they alternate between the nodes)');
const transport = args.transport as Transport;
const client = (args.client ?? (transport === 'websocket' ? 'lite' : 'socket.io')) as
	'lite' | 'socket.io';
if (client !== 'lite' && client !== 'socket.io') throw new Error('--client lite|socket.io');
const timeLimitSec = Number(args['time-limit']);
const answerWindowMs = Number(args['answer-window']);
if (!(players > 0) || !(questions > 0) || !(workersCount > 0)) throw new Error('bad numbers');
if (transport !== 'websocket' && transport !== 'polling')
	throw new Error('--transport websocket|polling');
if (args.url && !args.db)
	throw new Error('--url needs --db <the server DATABASE_PATH> for the fixtures');
if (args.crash && args.url) throw new Error('--crash needs a server the bench starts itself');
if (answerWindowMs > timeLimitSec * 1000 - 1000)
	throw new Error('--answer-window must end ≥ 1 s before the time limit');

const now = () => performance.timeOrigin + performance.now();
/** Moments of the run on the monotonic clock (µs), to line them up with a --cpu-prof profile. */
const markers: Array<{ name: string; atUs: number }> = [];
const marker = (name: string) =>
	markers.push({ name, atUs: Number(process.hrtime.bigint() / 1000n) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(line);
const mb = (x: number | null | undefined) => (x == null ? null : Math.round(x));

const pinned = !args['no-pin'] && os.cpus().length >= 2 && pinSelf(1);
const serverCpu = pinned ? 0 : null;
const nice = Number(args.nice);
const serverEnv: Record<string, string> = { ...BENCH_SERVER_ENV };
// Every phone comes from 127.0.0.1, like a hall behind one NAT: up to 2,000 phones (plus a full
// reconnect storm) the server's default cap of sockets per address is what is measured; beyond
// it the bench raises the cap as an organizer of such an event would.
if (players * 2 + 100 > DEFAULT_SOCKETS_PER_ADDRESS)
	serverEnv.LIVE_SOCKETS_PER_ADDRESS = String(players * 2 + 100);
for (const pair of args['server-env']) {
	const i = pair.indexOf('=');
	if (i > 0) serverEnv[pair.slice(0, i)] = pair.slice(i + 1);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-bench-'));
const databasePath = args.db ?? path.join(workDir, 'bench.db');
const profileDir = path.join(ROOT, 'bench/results/profiles');
let server: ServerHandle | null = null;
/** --nodes 2: the second node (not the game's owner), the private Redis, HAProxy. */
let peer: ServerHandle | null = null;
let redis: Spawned | null = null;
let proxy: Spawned | null = null;
let bus: BusMeter | null = null;
let tap: BusTap | null = null;
let serverDir = '';
/** --nodes 2: the game's lease holder whenever it changed (a starved owner loses its lease). */
const ownerChanges: Array<{ atMs: number; owner: string | null }> = [];
let ownerWatch: ReturnType<typeof setInterval> | null = null;
function watchOwner(gameId: number, first: string | null): void {
	const start = Date.now();
	let last = first;
	let busy = false;
	ownerWatch = setInterval(() => {
		if (busy || !bus) return;
		busy = true;
		bus
			.owner(gameId)
			.then((owner) => {
				if (owner === last) return;
				last = owner;
				ownerChanges.push({ atMs: Date.now() - start, owner });
				log(`  ! game ${gameId} lease now held by ${owner ?? 'nobody'}`);
			})
			.catch(() => undefined)
			.finally(() => (busy = false));
	}, 200);
}

async function stopAll(): Promise<void> {
	if (ownerWatch) clearInterval(ownerWatch);
	await workers?.close().catch(() => undefined);
	await server?.stop().catch(() => undefined);
	await peer?.stop().catch(() => undefined);
	await proxy?.stop().catch(() => undefined);
	await bus?.close();
	await tap?.close();
	await redis?.stop().catch(() => undefined);
}

async function launch(port: number, env: Record<string, string> = {}): Promise<ServerHandle> {
	return startServer({
		root: ROOT,
		dir: serverDir,
		databasePath,
		port,
		cpu: serverCpu,
		nice,
		cpuProfDir: args['cpu-prof'] ? profileDir : undefined,
		env: { ...serverEnv, ...env },
		verbose: args.verbose
	});
}

/** CPU and RSS of the server and of the load generator at one moment. */
interface Mark {
	server: ProcSample | null;
	/** --nodes 2: node B and the private Redis. */
	peer: ProcSample | null;
	redis: ProcSample | null;
	loadgen: ProcSample | null;
	machine: ProcSample | null;
}
let workers: PhoneWorkers;
/** Highest server RSS seen (over restarts too), MB. */
let serverPeakRss = 0;
let peerPeakRss = 0;
function mark(): Mark {
	const serverSample = server ? sampleProcess(server.pid) : null;
	serverPeakRss = Math.max(serverPeakRss, serverSample?.peakRssMb ?? 0);
	const peerSample = peer ? sampleProcess(peer.pid) : null;
	peerPeakRss = Math.max(peerPeakRss, peerSample?.peakRssMb ?? 0);
	return {
		server: serverSample,
		peer: peerSample,
		redis: redis ? sampleProcess(redis.pid) : null,
		loadgen: sampleProcesses([process.pid, ...(workers?.pids ?? [])]),
		machine: sampleMachine()
	};
}

/**
 * CPU used by processes other than the server and the load generator between two marks, in %
 * of one CPU: a busy machine (builds, tests) makes the figures pessimistic.
 */
function otherCpu(from: Mark, to: Mark): number | null {
	const all = cpuPercent(from.machine, to.machine);
	if (all === null) return null;
	const ours =
		(cpuPercent(from.server, to.server) ?? 0) +
		(cpuPercent(from.peer, to.peer) ?? 0) +
		(cpuPercent(from.redis, to.redis) ?? 0) +
		(cpuPercent(from.loadgen, to.loadgen) ?? 0);
	return Math.max(0, Math.round((all - ours) * 10) / 10);
}

async function main() {
	log(
		`Chuông Vàng live bench: ${players} phones, ${questions} questions, ${workersCount} workers, ` +
			`${transport} (${client} client)${pinned ? ', server on CPU 0, load generator on CPU 1' : ', not pinned'}${nice ? `, nice ${nice}` : ''}`
	);
	log(
		`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}`
	);

	let url = args.url ?? '';
	const nodeEnv = (name: string): Record<string, string> =>
		redis ? { REDIS_URL: redis.url, NODE_ID: `bench-${name}` } : {};
	if (nodes === 2) {
		redis = await startRedis(serverCpu);
		bus = await BusMeter.connect(redis.url);
		if (args['bus-breakdown']) tap = await BusTap.connect(redis.url);
		log(`private redis-server ${redis.url} (pid ${redis.pid})`);
	}
	if (!args.url) {
		serverDir = snapshotBuild(ROOT, args.build);
		server = await launch(0, nodeEnv('a')); // applies the build's migrations to the new database
		url = server.url;
	}
	const fixtures: BenchFixtures = await createFixtures(databasePath, { questions, timeLimitSec });
	log(
		`server ${url}${server ? ` (pid ${server.pid})` : ''}, game ${fixtures.gameId}, PIN ${fixtures.pin}`
	);
	await fetch(url + '/').catch(() => undefined); // warm the page handler like a first visitor

	// Idle: server up, host attached, nobody joined.
	const host = await BenchHost.connect(url, fixtures.cookie, fixtures.gameId, transport);
	let phoneUrls = [url];
	let owner: string | null = null;
	if (nodes === 2 && bus) {
		// The host's attach made node A take the game's lease; B starts only then, so A owns it.
		owner = await bus.owner(fixtures.gameId);
		if (owner !== 'bench-a') throw new Error(`game ${fixtures.gameId} is owned by ${owner}`);
		peer = await launch(0, nodeEnv('b'));
		await fetch(peer.url + '/').catch(() => undefined);
		phoneUrls = [url, peer.url];
		if (viaProxy) {
			proxy = await startProxy(ROOT, server!.port, peer.port);
			phoneUrls = [proxy.url];
		}
		watchOwner(fixtures.gameId, owner);
		log(
			`node B ${peer.url} (pid ${peer.pid}); game owner ${owner} (node A, with the host); phones ` +
				(viaProxy ? `through HAProxy ${proxy!.url}` : `alternate A/B by worker`)
		);
	}
	workers = await PhoneWorkers.start(
		workersCount,
		players,
		{
			url,
			pin: fixtures.pin,
			transport,
			client,
			answerMinMs: 200,
			answerWindowMs,
			answerRate: Number(args['answer-rate']),
			seed: Number(args.seed)
		},
		Number(args['join-concurrency']),
		nice,
		args['loadgen-prof'] ? path.join(profileDir, 'loadgen') : undefined,
		phoneUrls
	);
	const idleFrom = mark();
	await sleep(3000);
	const idleTo = mark();
	const runFrom = idleFrom;

	// Join.
	const progress = new Map<number, { connected: number; joined: number; failed: number }>();
	let lastProgressLog = 0;
	workers.onProgress = (w, m) => {
		progress.set(w, m);
		if (Date.now() - lastProgressLog < 2000) return;
		lastProgressLog = Date.now();
		const sum = [...progress.values()].reduce(
			(a, p) => ({ c: a.c + p.connected, j: a.j + p.joined, f: a.f + p.failed }),
			{ c: 0, j: 0, f: 0 }
		);
		log(`  joining… connected ${sum.c}, joined ${sum.j}, failed ${sum.f}`);
	};
	const joinFrom = mark();
	const joinBusFrom = await bus?.sample();
	const joinStart = now();
	marker('join start');
	const joinedReplies = await workers.ask({ type: 'join' }, 'joined', () => true, 600_000);
	const joinTo = mark();
	const joinBus = busDelta(joinBusFrom ?? null, (await bus?.sample()) ?? null);
	marker('join end');
	const joinErrors: Record<string, number> = {};
	let joined = 0;
	let joinFailed = 0;
	let rateLimitedRetries = 0;
	let lastJoinAck = joinStart;
	const joinAck: number[] = [];
	const connectMs: number[] = [];
	for (const { summary } of joinedReplies) {
		joined += summary.joined;
		joinFailed += summary.failed;
		rateLimitedRetries += summary.rateLimitedRetries;
		mergeCounts(joinErrors, summary.errors);
		lastJoinAck = Math.max(lastJoinAck, summary.lastAckAt);
		joinAck.push(...summary.joinAckMs);
		connectMs.push(...summary.connectMs);
	}
	const joinSeconds = (lastJoinAck - joinStart) / 1000;
	const joinRate = Math.round(joined / joinSeconds);
	await host.until(() => host.joined >= joined, 10_000);
	log(
		`joined ${joined}/${players} in ${joinSeconds.toFixed(1)} s (${joinRate}/s); failed ${joinFailed} ${JSON.stringify(joinErrors)}; ` +
			`host sees ${host.joined}; rate-limited retries ${rateLimitedRetries}`
	);
	log(`  connect ${formatPercentiles(percentiles(connectMs))}`);
	log(`  join ack ${formatPercentiles(percentiles(joinAck))}`);
	await sleep(3000);
	const afterJoin = mark();

	// Questions.
	const fanout: number[] = [];
	const closeFanout: number[] = [];
	const resultLatency: number[] = [];
	const ackMs: number[] = [];
	const answerErrors: Record<string, number> = {};
	const perQuestion: Array<{
		questionIndex: number;
		fanout: Percentiles;
		ack: Percentiles;
		accepted: number;
		serverCpuPct: number | null;
		otherCpuPct: number | null;
		hostAnsweredPerSec: number;
		hostAnsweredMinGapMs: number | null;
		peerCpuPct?: number | null;
		redisCpuPct?: number | null;
		/** Open → every result delivered (the whole question's cycle); B, redis and bus: --nodes 2. */
		cycle?: {
			ms: number;
			cpuMs: { a: number | null; b: number | null; redis: number | null };
			bus: BusDelta | null;
			breakdown?: BusBreakdown;
		};
	}> = [];
	/** --nodes 2: fan-out and ack per phone address (node A, node B, or the proxy). */
	const byUrl = new Map<string, { fanout: number[]; ack: number[] }>();
	const peerQuestionCpu: number[] = [];
	const redisQuestionCpu: number[] = [];
	let accepted = 0;
	let sent = 0;
	let lostInResults = 0;
	const questionCpu: number[] = [];
	let questionRss = 0;
	let storm: (ResumeReport & { resumeMsP: Percentiles; rejoinAckMsP: Percentiles }) | null = null;
	let crash: Record<string, unknown> | null = null;
	const eventQuestion = Math.min(questions - 1, 1);
	const importLoad = args['import-xlsx']
		? await ImportLoad.prepare(
				url,
				databasePath,
				fixtures.organizationId,
				Number(args['import-rows'])
			)
		: null;
	let importReport: ImportLoadReport | null = null;

	for (let qi = 0; qi < questions; qi++) {
		const openFrom = mark();
		const busFrom: BusSample | null = (await bus?.sample()) ?? null;
		tap?.take();
		const openAt = now();
		marker(`open q${qi}`);
		const opened = await host.command({ type: qi === 0 ? 'start' : 'next' });
		if (!opened.ok) throw new Error(`cannot open question ${qi}: ${opened.error}`);

		if (args['reconnect-storm'] && qi === eventQuestion) {
			storm = await runStorm(host, joined);
		}
		if (args.crash && qi === eventQuestion) {
			crash = await runCrash(host, fixtures, qi, joined);
		}
		if (importLoad && qi === eventQuestion) importLoad.start();

		const settled = await workers.collect(
			'answersSettled',
			(m) => m.questionIndex === qi,
			timeLimitSec * 1000 + 10_000
		);
		if (importLoad && qi === eventQuestion) {
			importReport = await importLoad.stop();
			log(describeImportLoad(importReport));
		}
		const openTo = mark();
		const cpu = cpuPercent(openFrom.server, openTo.server);
		if (cpu !== null) questionCpu.push(cpu);
		const peerCpu = cpuPercent(openFrom.peer, openTo.peer);
		const redisCpu = cpuPercent(openFrom.redis, openTo.redis);
		if (peerCpu !== null) peerQuestionCpu.push(peerCpu);
		if (redisCpu !== null) redisQuestionCpu.push(redisCpu);
		questionRss = Math.max(questionRss, openTo.server?.rssMb ?? 0);

		const closeAt = now();
		marker(`close q${qi}`);
		if (host.phase === 'question') {
			const closed = await host.command({ type: 'close' });
			if (!closed.ok && closed.error !== 'WRONG_PHASE') log(`  close refused: ${closed.error}`);
		}
		const reports = await collectReports(qi, joined);
		const cycleTo = mark();
		const busTo: BusSample | null = (await bus?.sample()) ?? null;
		const cpuMs = (from: ProcSample | null, to: ProcSample | null) =>
			from && to && from.pid === to.pid ? Math.round(to.cpuMs - from.cpuMs) : null;
		// The whole question on the server side (one node too: the CPU a question costs).
		const cycle =
			openFrom.server && cycleTo.server
				? {
						ms: Math.round(cycleTo.server.at - openFrom.server.at),
						cpuMs: {
							a: cpuMs(openFrom.server, cycleTo.server),
							b: cpuMs(openFrom.peer, cycleTo.peer),
							redis: cpuMs(openFrom.redis, cycleTo.redis)
						},
						bus: busDelta(busFrom, busTo),
						...(tap ? { breakdown: tap.take() } : {})
					}
				: undefined;
		const qFanout: number[] = [];
		const qAck: number[] = [];
		let qAccepted = 0;
		for (const r of reports) {
			for (const t of r.opened) qFanout.push(t - openAt);
			for (const t of r.closed) closeFanout.push(t - closeAt);
			for (const t of r.results) resultLatency.push(t - closeAt);
			qAck.push(...r.ackMs);
			qAccepted += r.accepted;
			sent += r.sent;
			lostInResults += r.lostInResults;
			mergeCounts(answerErrors, r.errors);
			if (nodes === 2 && r.url) {
				const entry = byUrl.get(r.url) ?? { fanout: [], ack: [] };
				for (const t of r.opened) entry.fanout.push(t - openAt);
				entry.ack.push(...r.ackMs);
				byUrl.set(r.url, entry);
			}
		}
		// The storm and the crash delay some arrivals by design: keep them out of the fan-out figure.
		const disturbed = (args['reconnect-storm'] || args.crash) && qi === eventQuestion;
		if (!disturbed) fanout.push(...qFanout);
		ackMs.push(...qAck);
		accepted += qAccepted;
		const frames = host.answeredFrames.get(qi) ?? [];
		const rate = answeredRate(frames);
		perQuestion.push({
			questionIndex: qi,
			fanout: percentiles(qFanout),
			ack: percentiles(qAck),
			accepted: qAccepted,
			serverCpuPct: cpu,
			otherCpuPct: otherCpu(openFrom, openTo),
			hostAnsweredPerSec: rate.perSec,
			hostAnsweredMinGapMs: rate.minGapMs,
			cycle,
			...(nodes === 2 ? { peerCpuPct: peerCpu, redisCpuPct: redisCpu } : {})
		});
		log(
			`question ${qi + 1}: ${qAccepted} answers accepted${settled.complete ? '' : ' (some phones never settled)'}; ` +
				`fan-out ${formatPercentiles(percentiles(qFanout))}${disturbed ? ' [storm/crash question]' : ''}`
		);
		log(
			`  answer ack ${formatPercentiles(percentiles(qAck))}${importLoad && qi === eventQuestion ? ' [import question]' : ''}; server CPU ${cpu ?? '?'} %; host:answered ${rate.perSec}/s (min gap ${rate.minGapMs} ms)`
		);
		if (cycle) log(`  ${describeCycle(cycle, peerCpu, redisCpu)}`);
		if (cycle?.breakdown) {
			const kinds = Object.entries(cycle.breakdown).sort((x, y) => y[1].bytes - x[1].bytes);
			for (const [kind, c] of kinds)
				log(
					`    ${kind}: ${c.messages} messages, ${kb(c.bytes)} (${Math.round(c.bytes / c.messages)} B each)`
				);
		}

		marker(`leaderboard q${qi}`);
		await host.command({ type: 'showLeaderboard' });
		await sleep(500);
		if (args['move-lease'] && bus && qi === 0) {
			for (const node of ['bench-b', 'bench-a']) {
				log(`  moving the lease of game ${fixtures.gameId} to ${node}`);
				await bus.setOwner(fixtures.gameId, node);
				await sleep(4000); // the old holder's heartbeat drops it, the new one's scan adopts it
			}
		}
	}
	const podium = await host.command({ type: 'next' });
	const ended = await host.command({ type: 'next' });
	await sleep(1000);
	const endMark = mark();
	const statuses = await workers.ask({ type: 'status' }, 'status');
	const disconnects: Record<string, number> = {};
	let connectErrors = 0;
	let stillConnected = 0;
	for (const { status } of statuses) {
		mergeCounts(disconnects, status.disconnects);
		connectErrors += status.connectErrors;
		stillConnected += status.connected;
	}

	const fan = percentiles(fanout);
	const ack = percentiles(ackMs);
	/** --nodes 2: where phones were, each node's CPU, and the bus per question (means over questions). */
	function clusterReport(): ClusterReport {
		const name = (u: string) =>
			u === server?.url ? 'A (owner)' : u === peer?.url ? 'B' : `proxy ${u}`;
		const cycles = perQuestion.map((q) => q.cycle).filter((c) => c !== undefined);
		const mean = (values: Array<number | null | undefined>) => {
			const known = values.filter((v): v is number => typeof v === 'number');
			return known.length ? Math.round(known.reduce((a, b) => a + b, 0) / known.length) : null;
		};
		const remotePhones = viaProxy
			? null
			: (byUrl.get(peer?.url ?? '')?.fanout.length ?? 0) / Math.max(1, questions);
		const perQ = {
			commands: mean(cycles.map((c) => c.bus?.commands)),
			publishes: mean(cycles.map((c) => c.bus?.publishes)),
			netInBytes: mean(cycles.map((c) => c.bus?.netInBytes)),
			netOutBytes: mean(cycles.map((c) => c.bus?.netOutBytes)),
			publishUsec: mean(cycles.map((c) => c.bus?.publishUsec))
		};
		return {
			nodes: 2,
			viaProxy,
			owner,
			ownerChanges,
			phones: [...byUrl].map(([u, e]) => ({
				node: name(u),
				phones: Math.round(e.fanout.length / questions),
				fanoutMs: percentiles(e.fanout),
				answerAckMs: percentiles(e.ack)
			})),
			cpuPct: {
				a: { join: cpuPercent(joinFrom.server, joinTo.server), question: maxOf(questionCpu) },
				b: { join: cpuPercent(joinFrom.peer, joinTo.peer), question: maxOf(peerQuestionCpu) },
				redis: { join: cpuPercent(joinFrom.redis, joinTo.redis), question: maxOf(redisQuestionCpu) }
			},
			peerRssMb: { afterJoin: mb(afterJoin.peer?.rssMb), peak: mb(peerPeakRss) },
			perQuestion: {
				cycleMs: mean(cycles.map((c) => c.ms)),
				cpuMs: {
					a: mean(cycles.map((c) => c.cpuMs.a)),
					b: mean(cycles.map((c) => c.cpuMs.b)),
					redis: mean(cycles.map((c) => c.cpuMs.redis))
				},
				bus: perQ,
				remotePhones,
				busOutBytesPerRemotePhone:
					remotePhones && perQ.netOutBytes !== null
						? Math.round(perQ.netOutBytes / remotePhones)
						: null,
				busOutBytesPerPhone:
					perQ.netOutBytes !== null ? Math.round(perQ.netOutBytes / Math.max(1, joined)) : null
			},
			join: joinBus
		};
	}
	const result = {
		bench: 'live',
		players,
		questions,
		workers: workersCount,
		transport,
		client,
		pinned,
		nice,
		joined,
		joinFailed,
		joinSeconds: Math.round(joinSeconds * 10) / 10,
		joinRatePerSec: joinRate,
		joinAckMs: percentiles(joinAck),
		fanoutMs: fan,
		answerAckMs: ack,
		closeFanoutMs: percentiles(closeFanout),
		resultMs: percentiles(resultLatency),
		answersSent: sent,
		answersAccepted: accepted,
		answerErrors,
		lostInResults,
		perQuestion,
		server: {
			rssMb: {
				idle: mb(idleTo.server?.rssMb),
				afterJoin: mb(afterJoin.server?.rssMb),
				question: mb(questionRss),
				peak: mb(serverPeakRss)
			},
			cpuPct: {
				idle: cpuPercent(idleFrom.server, idleTo.server),
				join: cpuPercent(joinFrom.server, joinTo.server),
				afterJoin: cpuPercent(joinTo.server, afterJoin.server),
				question: questionCpu.length ? Math.max(...questionCpu) : null
			}
		},
		loadgen: {
			cpuPctDuringJoin: cpuPercent(joinFrom.loadgen, joinTo.loadgen),
			rssMb: mb(endMark.loadgen?.rssMb)
		},
		otherProcessesCpuPct: {
			idle: otherCpu(idleFrom, idleTo),
			join: otherCpu(joinFrom, joinTo),
			wholeRun: otherCpu(runFrom, endMark)
		},
		loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
		disconnects,
		connectErrors,
		stillConnected,
		gameFinished: podium.ok && ended.ok,
		storm,
		crash,
		importLoad: importReport,
		cluster: nodes === 2 ? clusterReport() : null,
		markers,
		targets: {
			allJoined: joined === players,
			fanoutP99Le250: fan.p99 !== null && fan.p99 <= 250,
			ackP99Le150: ack.p99 !== null && ack.p99 <= 150,
			rssLe1GB: serverPeakRss <= 1024,
			stormAllResumed: storm
				? storm.resumed === storm.expected && storm.scoreIntact === storm.expected
				: undefined,
			crashNoAckLost: crash ? crash.ackedLost === 0 && lostInResults === 0 : undefined
		}
	};

	log(`fan-out (host next → phone has the question): ${formatPercentiles(fan)}`);
	log(`answer ack: ${formatPercentiles(ack)}`);
	log(
		`close → question:closed: ${formatPercentiles(result.closeFanoutMs)}; close → player:result: ${formatPercentiles(result.resultMs)}`
	);
	log(
		`server RSS MB idle ${result.server.rssMb.idle}, after join ${result.server.rssMb.afterJoin}, question ${result.server.rssMb.question}, peak ${result.server.rssMb.peak}`
	);
	log(
		`server CPU % idle ${result.server.cpuPct.idle}, join ${result.server.cpuPct.join}, after join ${result.server.cpuPct.afterJoin}, question (max) ${result.server.cpuPct.question}`
	);
	log(
		`load generator CPU % during join ${result.loadgen.cpuPctDuringJoin}, RSS ${result.loadgen.rssMb} MB`
	);
	log(
		`answers sent ${sent}, accepted ${accepted}, errors ${JSON.stringify(answerErrors)}; disconnects ${JSON.stringify(disconnects)}; connect errors ${connectErrors}`
	);
	if (result.cluster) for (const line of describeCluster(result.cluster)) log(line);
	log(`game finished: ${result.gameFinished}; targets ${JSON.stringify(result.targets)}`);

	host.close();
	await stopAll();
	if (args.out) fs.writeFileSync(args.out, JSON.stringify(result, null, '\t') + '\n');
	if (!args.db) fs.rmSync(workDir, { recursive: true, force: true });
	if (serverDir) fs.rmSync(serverDir, { recursive: true, force: true });
	console.log(JSON.stringify(result));
}

interface ClusterReport {
	nodes: number;
	viaProxy: boolean;
	owner: string | null;
	ownerChanges: Array<{ atMs: number; owner: string | null }>;
	phones: Array<{ node: string; phones: number; fanoutMs: Percentiles; answerAckMs: Percentiles }>;
	cpuPct: Record<'a' | 'b' | 'redis', { join: number | null; question: number | null }>;
	peerRssMb: { afterJoin: number | null; peak: number | null };
	perQuestion: {
		cycleMs: number | null;
		cpuMs: Record<'a' | 'b' | 'redis', number | null>;
		bus: Record<keyof BusDelta, number | null>;
		remotePhones: number | null;
		busOutBytesPerRemotePhone: number | null;
		busOutBytesPerPhone: number | null;
	};
	join: BusDelta | null;
}

const maxOf = (values: number[]) => (values.length ? Math.max(...values) : null);
const kb = (bytes: number | null | undefined) =>
	bytes == null ? '?' : `${Math.round(bytes / 102.4) / 10} KB`;

function describeCycle(
	cycle: { ms: number; cpuMs: Record<'a' | 'b' | 'redis', number | null>; bus: BusDelta | null },
	peerCpu: number | null,
	redisCpu: number | null
): string {
	const b = cycle.bus;
	if (!b) return `open → results ${cycle.ms} ms: server CPU ${cycle.cpuMs.a} ms`;
	return (
		`node B CPU ${peerCpu ?? '?'} %, redis CPU ${redisCpu ?? '?'} %; open → results ${cycle.ms} ms: ` +
		`CPU ms A ${cycle.cpuMs.a}, B ${cycle.cpuMs.b}, redis ${cycle.cpuMs.redis}; ` +
		`bus ${b.publishes} publishes, ${b.commands} commands, in ${kb(b.netInBytes)}, out ${kb(b.netOutBytes)}`
	);
}

function describeCluster(c: ClusterReport): string[] {
	const q = c.perQuestion;
	const lines = [
		`two nodes (game owner ${c.owner}${c.viaProxy ? ', phones through HAProxy' : ''}; lease changed hands ${c.ownerChanges.length} times):`,
		'  node        phones  fan-out p50/p99 ms  ack p50/p99 ms'
	];
	for (const p of c.phones)
		lines.push(
			`  ${p.node.padEnd(10)}  ${String(p.phones).padStart(6)}  ${`${p.fanoutMs.p50} / ${p.fanoutMs.p99}`.padStart(18)}  ${`${p.answerAckMs.p50} / ${p.answerAckMs.p99}`.padStart(14)}`
		);
	lines.push(
		`  CPU % during join: A ${c.cpuPct.a.join}, B ${c.cpuPct.b.join}, redis ${c.cpuPct.redis.join}; ` +
			`question (max): A ${c.cpuPct.a.question}, B ${c.cpuPct.b.question}, redis ${c.cpuPct.redis.question}`,
		`  per question (open → every result, mean): CPU ms A ${q.cpuMs.a}, B ${q.cpuMs.b}, redis ${q.cpuMs.redis}; ` +
			`bus ${q.bus.publishes} publishes, ${q.bus.commands} commands, in ${kb(q.bus.netInBytes)}, out ${kb(q.bus.netOutBytes)}` +
			(q.busOutBytesPerRemotePhone !== null
				? `; out per phone on B ${q.busOutBytesPerRemotePhone} B (${q.remotePhones} phones on B)`
				: '') +
			`; out per phone ${q.busOutBytesPerPhone} B`,
		`  join: bus ${c.join?.publishes} publishes, in ${kb(c.join?.netInBytes)}, out ${kb(c.join?.netOutBytes)}`
	);
	return lines;
}

/**
 * host:answered frames per second while they flowed (arrival jitter aside, the throttle keeps
 * this ≤ HOST_ANSWERED_PER_SEC), and the smallest gap between two of them.
 */
function answeredRate(times: number[]): { perSec: number; minGapMs: number | null } {
	if (times.length < 2) return { perSec: times.length, minGapMs: null };
	let minGap = Infinity;
	for (let i = 1; i < times.length; i++) minGap = Math.min(minGap, times[i] - times[i - 1]);
	const span = (times[times.length - 1] - times[0]) / 1000;
	return {
		perSec: Math.round(((times.length - 1) / span) * 10) / 10,
		minGapMs: Math.round(minGap)
	};
}

/** Question statistics from every worker, once every joined phone has its result (≤ 20 s). */
async function collectReports(qi: number, joined: number): Promise<QuestionReport[]> {
	const end = Date.now() + 20_000;
	for (;;) {
		await sleep(500);
		const reports = (
			await workers.ask(
				{ type: 'report', questionIndex: qi },
				'report',
				(m) => m.report.questionIndex === qi
			)
		).map((m) => m.report);
		const results = reports.reduce((sum, r) => sum + r.results.length, 0);
		if (results >= joined || Date.now() > end) return reports;
	}
}

async function resumeReports(expected: number, timeoutMs: number): Promise<ResumeReport> {
	const end = Date.now() + timeoutMs;
	for (;;) {
		await sleep(500);
		const total: ResumeReport = {
			expected: 0,
			resumed: 0,
			scoreIntact: 0,
			answerLost: 0,
			errors: {},
			resumeMs: [],
			rejoinAckMs: []
		};
		for (const { report } of await workers.ask({ type: 'resumeReport' }, 'resumeReport')) {
			total.expected += report.expected;
			total.resumed += report.resumed;
			total.scoreIntact += report.scoreIntact;
			total.answerLost += report.answerLost;
			mergeCounts(total.errors, report.errors);
			total.resumeMs.push(...report.resumeMs);
			total.rejoinAckMs.push(...report.rejoinAckMs);
		}
		const failed = Object.values(total.errors).reduce((a, b) => a + b, 0);
		if (total.resumed + failed >= expected || Date.now() > end) return total;
	}
}

/** Mid-question: every phone drops and reconnects within the storm window. */
async function runStorm(host: BenchHost, joined: number) {
	await sleep(1000);
	const windowMs = Number(args['storm-window']);
	log(`reconnect storm: ${joined} phones drop and come back within ${windowMs / 1000} s`);
	const from = mark();
	await workers.ask({ type: 'storm', windowMs }, 'stormDone');
	const report = await resumeReports(joined, windowMs + 30_000);
	const to = mark();
	const resumeMsP = percentiles(report.resumeMs);
	log(
		`  resumed ${report.resumed}/${report.expected}, score intact ${report.scoreIntact}, acknowledged answer lost ${report.answerLost}, ` +
			`errors ${JSON.stringify(report.errors)}; drop → rejoined ${formatPercentiles(resumeMsP)}; server CPU ${cpuPercent(from.server, to.server)} %`
	);
	void host;
	const rejoinAckMsP = percentiles(report.rejoinAckMs);
	log(`  rejoin ack ${formatPercentiles(rejoinAckMsP)}`);
	return { ...report, resumeMs: [], rejoinAckMs: [], resumeMsP, rejoinAckMsP };
}

/** Mid-question: SIGKILL the server, check what reached the disk, restart it, let phones resume. */
async function runCrash(host: BenchHost, fixtures: BenchFixtures, qi: number, joined: number) {
	if (!server) throw new Error('no server to crash');
	await host.until(() => host.answered >= joined * 0.4, 10_000);
	const port = server.port;
	mark(); // the peak RSS of the process about to die
	await server.kill();
	const killedAt = now();
	log(`crash: SIGKILL with ${host.answered} answers counted by the host`);
	await sleep(300);
	const acked = new Set<string>();
	for (const m of await workers.ask({ type: 'acked', questionIndex: qi }, 'acked')) {
		for (const id of m.playerIds) acked.add(id);
	}
	// What is on disk after the kill, before any restart touches the file.
	const db = new Database(databasePath, { readonly: true });
	const answerRows = new Set(
		(
			db
				.prepare('SELECT player_id AS id FROM answer WHERE game_id = ? AND question_index = ?')
				.all(fixtures.gameId, qi) as { id: string }[]
		).map((r) => r.id)
	);
	const commandRows = new Set(
		(
			db
				.prepare(
					`SELECT json_extract(command, '$.playerId') AS id FROM game_command
					 WHERE game_id = ? AND json_extract(command, '$.type') = 'submitAnswer' AND json_extract(command, '$.questionIndex') = ?`
				)
				.all(fixtures.gameId, qi) as { id: string }[]
		).map((r) => r.id)
	);
	db.close();
	const missingRows = [...acked].filter((id) => !answerRows.has(id) && !commandRows.has(id)).length;
	log(
		`  acknowledged ${acked.size}; on disk: ${answerRows.size} answer rows, ${commandRows.size} logged submitAnswer commands; acknowledged but missing ${missingRows}`
	);
	workers.broadcast({ type: 'resetResume' });
	const restartFrom = now();
	server = await launch(port);
	const restartMs = Math.round(now() - restartFrom);
	log(`  restarted in ${restartMs} ms (pid ${server.pid})`);
	const report = await resumeReports(joined, 60_000);
	await host.until(() => host.attaches >= 2, 10_000);
	const resumeMsP = percentiles(report.resumeMs);
	log(
		`  phones resumed ${report.resumed}/${report.expected}, score intact ${report.scoreIntact}, acknowledged answer missing from the engine ${report.answerLost}; ` +
			`host re-attached ${host.attaches >= 2}; outage → rejoined ${formatPercentiles(resumeMsP)}`
	);
	return {
		acked: acked.size,
		answerRows: answerRows.size,
		commandRows: commandRows.size,
		ackedLost: missingRows + report.answerLost,
		restartMs,
		outageToResumeMs: resumeMsP,
		rejoinAckMs: percentiles(report.rejoinAckMs),
		resumed: report.resumed,
		expected: report.expected,
		scoreIntact: report.scoreIntact,
		resumeErrors: report.errors,
		killedAt
	};
}

// Ctrl-C or a kill: take the server (possibly in its own session, see --nice) down with us.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, async () => {
		await stopAll();
		process.exit(130);
	});
}

main().catch(async (err) => {
	console.error(err);
	await stopAll();
	process.exit(1);
});
