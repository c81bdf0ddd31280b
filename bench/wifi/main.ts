/**
 * npm run bench:wifi -- [--players 300] [--questions 5] [--latency 300] [--jitter 200]
 *   [--reset-share 0.05] [--blackhole-share 0.33] [--blackhole-ms 10000] [--no-crash] [--seed 1]
 *
 * Flaky Wi-Fi, proven: a live game whose phones each reach the server through their own faulty
 * link (bench/wifi/faulty-link.ts, a TCP proxy on 127.0.0.1): every chunk delayed by latency ±
 * jitter, random connection resets for a share of the phones (each of them, on every question),
 * a blackhole of `--blackhole-ms` for a third of the phones in the middle of question 2, and a
 * `kill -9` of the server in the middle of question 3, restarted on the same database and port.
 * Phones behave like the app (src/lib/client/player-game.svelte.ts): join once, rejoin with the
 * token after every reconnection, resend an answer on an acknowledgement time-out (8 s) or after
 * the rejoin. The host's screen is wired (no faults).
 *
 * Printed summary, checked against the database after the game: every acknowledged answer
 * counted, every phone back in the game and on the final results with its score, no duplicated
 * player. Exit code 1 when a check fails. Last line: one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createFixtures } from '../live/setup';
import { snapshotBuild, startServer, type ServerHandle } from '../live/server';
import { BenchHost } from '../live/host';
import { createPhoneSocket, type Ack, type PhoneSocket } from '../live/phone-socket';
import { formatPercentiles, percentiles } from '../live/stats';
import { FaultyLink } from './faulty-link';
import { eq } from 'drizzle-orm';
import { closeDatabase, openDatabase } from '../../src/lib/server/db';
import { listPlayerRows } from '../../src/lib/server/db/queries/games';
import { answer } from '../../src/lib/server/db/schema';
import { getResults } from '../../src/lib/server/live/service';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
	options: {
		players: { type: 'string', default: '300' },
		questions: { type: 'string', default: '5' },
		'time-limit': { type: 'string', default: '30' },
		latency: { type: 'string', default: '300' },
		jitter: { type: 'string', default: '200' },
		'reset-share': { type: 'string', default: '0.05' },
		'blackhole-share': { type: 'string', default: '0.3334' },
		'blackhole-ms': { type: 'string', default: '10000' },
		'no-crash': { type: 'boolean', default: false },
		seed: { type: 'string', default: '1' },
		verbose: { type: 'boolean', default: false },
		help: { type: 'boolean', default: false }
	}
});
if (args.help) {
	console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
	process.exit(0);
}

const PLAYERS = Number(args.players);
const QUESTIONS = Number(args.questions);
const TIME_LIMIT_SEC = Number(args['time-limit']);
const BLACKHOLE_MS = Number(args['blackhole-ms']);
const CRASH = !args['no-crash'];
/** The app's acknowledgement time-out (src/lib/client/live-connection.svelte.ts). */
const ACK_TIMEOUT_MS = 8_000;
/** Phones answer at a random moment this long after the question reached them. */
const ANSWER_FROM_MS = 500;
const ANSWER_TO_MS = 6_000;
const BLACKHOLE_QUESTION = 1;
const CRASH_QUESTION = 2;
if (QUESTIONS < 3) throw new Error('--questions must be ≥ 3 (blackhole on 2, crash on 3)');
if (TIME_LIMIT_SEC * 1000 < BLACKHOLE_MS + ANSWER_TO_MS + 4_000)
	throw new Error('--time-limit too short for the blackhole and the answers');

/** mulberry32: repeatable runs. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = seeded(Number(args.seed));
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(line);

interface OpenedFrame {
	questionIndex: number;
	question: { options?: string[] };
}
interface ViewLike {
	me: { playerId: string; score: number };
	question: OpenedFrame | null;
	answered: boolean;
	result: { questionIndex: number } | null;
	ended: unknown;
}

interface Phone {
	index: number;
	nickname: string;
	link: FaultyLink;
	socket: PhoneSocket;
	token: string | null;
	playerId: string | null;
	/** Joined or rejoined on the current connection. */
	live: boolean;
	question: number | null;
	answerTimer: ReturnType<typeof setTimeout> | null;
	/** The answer chosen per question (a resend sends the same one). */
	choice: Map<number, number>;
	/** Questions the server acknowledged (answer accepted), by ack or by the rejoin view. */
	acked: Set<number>;
	/** Questions this phone is done with (acknowledged or refused). */
	settled: Set<number>;
	sending: boolean;
	score: number;
	results: Set<number>;
	ended: boolean;
	joins: number;
	rejoins: number;
	rejoinFailures: Record<string, number>;
	disconnects: number;
	answerErrors: Record<string, number>;
	ackTimeouts: number;
}

const phones: Phone[] = [];
const ackMs: number[] = [];
const resumeMs: number[] = [];
let pin = '';
let server: ServerHandle | null = null;

function count(record: Record<string, number>, key: string) {
	record[key] = (record[key] ?? 0) + 1;
}

function call(phone: Phone, event: string, payload: unknown): Promise<Ack> {
	return phone.socket.call(event, payload, ACK_TIMEOUT_MS);
}

function onOpened(phone: Phone, frame: OpenedFrame) {
	const qi = frame.questionIndex;
	if (phone.question === qi) return;
	phone.question = qi;
	if (!phone.choice.has(qi))
		phone.choice.set(qi, Math.floor(random() * (frame.question.options?.length ?? 4)));
	if (phone.answerTimer) clearTimeout(phone.answerTimer);
	const delay = ANSWER_FROM_MS + random() * (ANSWER_TO_MS - ANSWER_FROM_MS);
	phone.answerTimer = setTimeout(() => {
		phone.answerTimer = null;
		void submit(phone, qi);
	}, delay);
}

/** Like the app: retry on a time-out, stop when offline (the rejoin resends), stop on a refusal. */
async function submit(phone: Phone, qi: number): Promise<void> {
	if (phone.sending || phone.acked.has(qi) || phone.settled.has(qi)) return;
	phone.sending = true;
	try {
		while (phone.question === qi && phone.live) {
			const sentAt = now();
			const ack = await call(phone, 'answer:submit', {
				questionIndex: qi,
				answer: { type: 'single', choice: phone.choice.get(qi) }
			});
			if (ack.ok) {
				ackMs.push(now() - sentAt);
				phone.acked.add(qi);
				phone.settled.add(qi);
				return;
			}
			if (ack.error === 'ACK_TIMEOUT') {
				phone.ackTimeouts++;
				continue;
			}
			if (ack.error === 'DISCONNECTED') return; // the rejoin resends it
			count(phone.answerErrors, ack.error);
			phone.settled.add(qi);
			return;
		}
	} finally {
		phone.sending = false;
	}
}

/** The phone's screen after a (re)join: the open question, answered or not, or the end. */
function applyView(phone: Phone, view: ViewLike) {
	phone.score = view.me.score;
	if (view.result) phone.results.add(view.result.questionIndex);
	if (view.ended) phone.ended = true;
	const q = view.question;
	if (!q) {
		phone.question = null;
		return;
	}
	if (view.answered) {
		phone.acked.add(q.questionIndex);
		phone.settled.add(q.questionIndex);
		phone.question = q.questionIndex;
		return;
	}
	if (phone.question !== q.questionIndex) onOpened(phone, q);
	else if (!phone.answerTimer) void submit(phone, q.questionIndex);
}

async function join(phone: Phone): Promise<void> {
	for (;;) {
		if (!phone.socket.connected)
			await new Promise<void>((r) => phone.socket.once('connect', () => r()));
		const ack = await call(phone, 'player:join', { pin, nickname: phone.nickname });
		if (ack.ok) {
			const data = ack.data as { playerToken: string; view: ViewLike };
			phone.token = data.playerToken;
			phone.playerId = data.view.me.playerId;
			phone.joins++;
			phone.live = true;
			applyView(phone, data.view);
			return;
		}
		if (ack.error === 'DISCONNECTED' || ack.error === 'ACK_TIMEOUT') continue;
		throw new Error(`${phone.nickname}: join refused: ${ack.error}`);
	}
}

async function rejoin(phone: Phone, droppedAt: number | null): Promise<void> {
	for (;;) {
		const ack = await call(phone, 'player:rejoin', { pin, playerToken: phone.token });
		if (ack.ok) {
			phone.rejoins++;
			phone.live = true;
			if (droppedAt !== null) resumeMs.push(now() - droppedAt);
			applyView(phone, (ack.data as { view: ViewLike }).view);
			return;
		}
		count(phone.rejoinFailures, ack.error);
		if (ack.error === 'DISCONNECTED') return; // the next connect rejoins
		if (ack.error !== 'ACK_TIMEOUT') await sleep(1_000);
	}
}

async function makePhone(index: number, upstreamPort: number): Promise<Phone> {
	const link = await FaultyLink.open({
		upstreamPort,
		latencyMs: Number(args.latency),
		jitterMs: Number(args.jitter),
		random
	});
	const socket = createPhoneSocket({ url: link.url, transport: 'websocket', client: 'lite' });
	const phone: Phone = {
		index,
		nickname: `Máy ${String(index + 1).padStart(3, '0')}`,
		link,
		socket,
		token: null,
		playerId: null,
		live: false,
		question: null,
		answerTimer: null,
		choice: new Map(),
		acked: new Set(),
		settled: new Set(),
		sending: false,
		score: 0,
		results: new Set(),
		ended: false,
		joins: 0,
		rejoins: 0,
		rejoinFailures: {},
		disconnects: 0,
		answerErrors: {},
		ackTimeouts: 0
	};
	let droppedAt: number | null = null;
	socket.on('connect', () => {
		if (phone.token) void rejoin(phone, droppedAt);
	});
	socket.on('disconnect', () => {
		phone.live = false;
		phone.disconnects++;
		droppedAt = now();
	});
	socket.on('question:opened', ((frame: OpenedFrame) => {
		if (phone.live) onOpened(phone, frame);
	}) as never);
	socket.on('player:result', ((frame: { questionIndex: number; me: { score: number } }) => {
		phone.results.add(frame.questionIndex);
		phone.score = frame.me.score;
	}) as never);
	socket.on('player:me', ((me: { score: number }) => (phone.score = me.score)) as never);
	socket.on('game:ended', (() => (phone.ended = true)) as never);
	socket.connect();
	return phone;
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
	const end = Date.now() + timeoutMs;
	while (!predicate()) {
		if (Date.now() > end) return false;
		await sleep(100);
	}
	return true;
}

async function main() {
	const started = now();
	log(
		`Chuông Vàng flaky Wi-Fi soak: ${PLAYERS} phones, ${QUESTIONS} questions; each phone on its own link ` +
			`(${args.latency} ± ${args.jitter} ms per chunk); resets for ${Math.round(Number(args['reset-share']) * 100)} % of phones; ` +
			`${BLACKHOLE_MS / 1000} s blackhole for ${Math.round(Number(args['blackhole-share']) * 100)} % in question ${BLACKHOLE_QUESTION + 1}` +
			(CRASH ? `; kill -9 of the server in question ${CRASH_QUESTION + 1}` : '')
	);
	log(
		`machine: load average ${os
			.loadavg()
			.map((x) => x.toFixed(2))
			.join(' ')}, ${os.cpus().length} CPUs`
	);
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-wifi-'));
	const databasePath = path.join(workDir, 'wifi.db');
	const serverDir = snapshotBuild(ROOT);
	const launch = (port: number) =>
		startServer({
			root: ROOT,
			dir: serverDir,
			databasePath,
			port,
			cpu: null,
			nice: 0,
			env: { LIVE_JOIN_LIMIT: '1000000', LIVE_REJOIN_LIMIT: '1000000' },
			verbose: Boolean(args.verbose)
		});
	server = await launch(0);
	const port = server.port;
	const fixtures = await createFixtures(databasePath, {
		questions: QUESTIONS,
		timeLimitSec: TIME_LIMIT_SEC,
		orgSlug: 'wifi'
	});
	pin = fixtures.pin;
	const host = await BenchHost.connect(server.url, fixtures.cookie, fixtures.gameId, 'websocket');

	// Join (latency and jitter already apply; faults start with the game).
	for (let i = 0; i < PLAYERS; i++) phones.push(await makePhone(i, port));
	const joinStart = now();
	for (let i = 0; i < PLAYERS; i += 50) await Promise.all(phones.slice(i, i + 50).map(join));
	await host.until(() => host.joined >= PLAYERS, 20_000);
	log(
		`joined ${phones.filter((p) => p.playerId).length}/${PLAYERS} in ${((now() - joinStart) / 1000).toFixed(1)} s; host sees ${host.joined}`
	);

	const shuffled = [...phones].sort(() => random() - 0.5);
	const resetPhones = shuffled.slice(0, Math.round(PLAYERS * Number(args['reset-share'])));
	const blackholed = shuffled.slice(
		resetPhones.length,
		resetPhones.length + Math.round(PLAYERS * Number(args['blackhole-share']))
	);
	const crash: { acked: number; restartMs: number; onDiskMissing: number } = {
		acked: 0,
		restartMs: 0,
		onDiskMissing: 0
	};
	const perQuestion: Array<{ question: number; acked: number; settled: number; results: number }> =
		[];

	for (let qi = 0; qi < QUESTIONS; qi++) {
		const opened = await host.command({ type: qi === 0 ? 'start' : 'next' });
		if (!opened.ok) throw new Error(`cannot open question ${qi + 1}: ${opened.error}`);
		const openedAt = Date.now();
		// Random resets: every phone of the reset share loses its connection once per question.
		const resetTimers = resetPhones.map((phone) =>
			setTimeout(() => phone.link.reset(), 500 + random() * (ANSWER_TO_MS + 1_000))
		);
		if (qi === BLACKHOLE_QUESTION) {
			await sleep(1_500);
			for (const phone of blackholed) phone.link.blackhole(BLACKHOLE_MS);
			log(
				`  question ${qi + 1}: ${blackholed.length} phones in a ${BLACKHOLE_MS / 1000} s blackhole`
			);
		}
		if (qi === CRASH_QUESTION && CRASH && server) {
			await host.until(() => host.answered >= PLAYERS * 0.4, 15_000);
			await server.kill();
			const acked = phones.flatMap((p) => (p.acked.has(qi) ? [p.playerId] : []));
			const db = new Database(databasePath, { readonly: true });
			const rows = new Set(
				(
					db
						.prepare('SELECT player_id AS id FROM answer WHERE game_id = ? AND question_index = ?')
						.all(fixtures.gameId, qi) as { id: string }[]
				).map((r) => r.id)
			);
			db.close();
			crash.acked = acked.length;
			crash.onDiskMissing = acked.filter((id) => !rows.has(id!)).length;
			const restartFrom = now();
			server = await launch(port);
			crash.restartMs = Math.round(now() - restartFrom);
			log(
				`  question ${qi + 1}: kill -9 with ${acked.length} answers acknowledged (${crash.onDiskMissing} not on disk); restarted in ${crash.restartMs} ms`
			);
		}
		// Every phone settles (its answer acknowledged or refused) or the time runs out.
		const settled = await waitFor(
			() => phones.every((p) => p.settled.has(qi)),
			Math.max(0, TIME_LIMIT_SEC * 1000 - (Date.now() - openedAt)) + 2_000
		);
		for (const t of resetTimers) clearTimeout(t);
		if (host.phase === 'question') await host.command({ type: 'close' });
		await waitFor(() => phones.every((p) => p.results.has(qi)), 30_000);
		const row = {
			question: qi + 1,
			acked: phones.filter((p) => p.acked.has(qi)).length,
			settled: phones.filter((p) => p.settled.has(qi)).length,
			results: phones.filter((p) => p.results.has(qi)).length
		};
		perQuestion.push(row);
		log(
			`question ${qi + 1}: ${row.acked} answers acknowledged, ${row.settled} phones settled${settled ? '' : ' (time ran out)'}, ${row.results} results received`
		);
		await host.command({ type: 'showLeaderboard' });
		await sleep(300);
	}
	await host.command({ type: 'next' }); // podium
	await host.command({ type: 'next' }); // end
	const allEnded = await waitFor(() => phones.every((p) => p.ended), 30_000);
	await sleep(500);

	// The checks, against the database.
	const db = await openDatabase(databasePath);
	const players = (await listPlayerRows(db, fixtures.gameId)).map((p) => ({
		id: p.playerId,
		nickname: p.nickname
	}));
	const answerRows = await db
		.select({ id: answer.playerId, qi: answer.questionIndex })
		.from(answer)
		.where(eq(answer.gameId, fixtures.gameId));
	const results = await getResults(db, fixtures.organizationId, fixtures.gameId);
	await closeDatabase(db);
	const stored = new Set(answerRows.map((r) => `${r.id}:${r.qi}`));
	const ackedTotal = phones.reduce((sum, p) => sum + p.acked.size, 0);
	const ackedMissing = phones.flatMap((p) =>
		[...p.acked]
			.filter((qi) => !stored.has(`${p.playerId}:${qi}`))
			.map((qi) => `${p.nickname} q${qi + 1}`)
	);
	const byId = new Map((results?.players ?? []).map((r) => [r.playerId, r]));
	const notOnBoard = phones.filter((p) => byId.get(p.playerId ?? '')?.rank == null);
	const wrongScore = phones.filter((p) => byId.get(p.playerId ?? '')?.score !== p.score);
	const wrongCount = phones.filter((p) => byId.get(p.playerId ?? '')?.answered !== p.acked.size);
	const nicknames = new Set(players.map((p) => p.nickname));
	const duplicates = players.length - nicknames.size + (players.length - PLAYERS);
	const notBack = phones.filter((p) => !p.ended || !p.socket.connected);
	const disconnects = phones.reduce((sum, p) => sum + p.disconnects, 0);
	const rejoinFailures: Record<string, number> = {};
	const answerErrors: Record<string, number> = {};
	for (const p of phones) {
		for (const [k, v] of Object.entries(p.rejoinFailures))
			rejoinFailures[k] = (rejoinFailures[k] ?? 0) + v;
		for (const [k, v] of Object.entries(p.answerErrors))
			answerErrors[k] = (answerErrors[k] ?? 0) + v;
	}
	const checks = {
		everyAcknowledgedAnswerCounted: ackedMissing.length === 0,
		everyPhoneBackInTheGame: allEnded && notBack.length === 0,
		everyPhoneOnTheFinalResults: notOnBoard.length === 0,
		scoresMatch: wrongScore.length === 0 && wrongCount.length === 0,
		noDuplicatedPlayer: duplicates === 0 && phones.every((p) => p.joins === 1),
		noAcknowledgedAnswerLostInTheCrash: crash.onDiskMissing === 0
	};
	const summary = {
		bench: 'wifi',
		players: PLAYERS,
		questions: QUESTIONS,
		latencyMs: Number(args.latency),
		jitterMs: Number(args.jitter),
		resetPhones: resetPhones.length,
		resets: phones.reduce((sum, p) => sum + p.link.resets, 0),
		blackholed: blackholed.length,
		blackholeMs: BLACKHOLE_MS,
		crash: CRASH ? crash : null,
		perQuestion,
		answersAcknowledged: ackedTotal,
		answerRows: answerRows.length,
		ackedMissing: ackedMissing.slice(0, 10),
		ackTimeoutsRetried: phones.reduce((sum, p) => sum + p.ackTimeouts, 0),
		answerErrors,
		answerAckMs: percentiles(ackMs),
		disconnects,
		rejoins: phones.reduce((sum, p) => sum + p.rejoins, 0),
		rejoinFailures,
		dropToRejoinedMs: percentiles(resumeMs),
		playersInDb: players.length,
		notBack: notBack.map((p) => p.nickname).slice(0, 10),
		notOnBoard: notOnBoard.map((p) => p.nickname).slice(0, 10),
		wrongScore: wrongScore.map((p) => p.nickname).slice(0, 10),
		checks,
		seconds: Math.round((now() - started) / 1000),
		loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100)
	};
	log('');
	log(
		`answers acknowledged ${ackedTotal}; answer rows in the database ${answerRows.length}; acknowledged but not counted ${ackedMissing.length}`
	);
	log(
		`answer ack (through the link) ${formatPercentiles(summary.answerAckMs)}; ack time-outs retried ${summary.ackTimeoutsRetried}; refusals ${JSON.stringify(answerErrors)}`
	);
	log(
		`connection drops ${disconnects} (resets ${summary.resets}${CRASH ? ', one server crash' : ''}); rejoins ${summary.rejoins}; drop → rejoined ${formatPercentiles(summary.dropToRejoinedMs)}; rejoin errors ${JSON.stringify(rejoinFailures)}`
	);
	log(
		`phones back in the game at the end ${PLAYERS - notBack.length}/${PLAYERS}; on the final results ${PLAYERS - notOnBoard.length}/${PLAYERS}; score and answer count as the phone knows them ${PLAYERS - Math.max(wrongScore.length, wrongCount.length)}/${PLAYERS}`
	);
	log(
		`players in the database ${players.length} (${nicknames.size} distinct nicknames); phones that joined more than once ${phones.filter((p) => p.joins !== 1).length}`
	);
	for (const [name, ok] of Object.entries(checks)) log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
	log(`${summary.seconds} s; load average ${summary.loadAverage.join(' ')}`);

	host.close();
	for (const phone of phones) phone.socket.close();
	await Promise.all(phones.map((p) => p.link.close()));
	await server?.stop();
	fs.rmSync(workDir, { recursive: true, force: true });
	fs.rmSync(serverDir, { recursive: true, force: true });
	console.log(JSON.stringify(summary));
	process.exit(Object.values(checks).every(Boolean) ? 0 : 1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, async () => {
		await server?.stop().catch(() => undefined);
		process.exit(130);
	});
}

main().catch(async (err) => {
	console.error(err);
	await server?.stop().catch(() => undefined);
	process.exit(1);
});
