/**
 * Two nodes, one game: two production servers (`node server.js` over the existing build) share one
 * database and Redis, behind HAProxy with the checked-in deploy/haproxy.cfg. The suite runs twice
 * (multinode.test.ts, multinode-postgres.test.ts): on PostgreSQL, the deployment of
 * docs/deploy.md, and on one SQLite file (nodes on one machine). Needs Redis on 127.0.0.1:6379
 * (TEST_REDIS_URL overrides), the Debian package `haproxy` and, for the PostgreSQL run,
 * PostgreSQL (PG_TEST_URL); fails with one line saying how to get any that is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { io as ioClient } from 'socket.io-client';
import {
	SOCKET_PATH,
	type AnswerReply,
	type GameEndedFrame,
	type HostAttachReply,
	type HostCommandReply,
	type JoinReply,
	type PlayerResultFrame,
	type QuestionOpenedFrame,
	type RejoinReply
} from '../../src/lib/protocol';
import { eq } from 'drizzle-orm';
import { closeDatabase, openDatabase, openSqlite, type Db } from '../../src/lib/server/db';
import { answer } from '../../src/lib/server/db/schema';
import { createPgDatabase } from '../../src/lib/server/db/test-databases';
import { startServer, type ServerHandle } from '../../bench/live/server';
import { freePort } from '../../bench/live/cluster';
import { ensureBuild } from '../../scripts/build-stamp.js';
import { TestClient, createGame, makeStaff, q1, q2 } from './live-harness';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = path.resolve('.');
const RUN = `mn${process.pid}x${Date.now().toString(36)}`;

let redis: ReturnType<typeof createClient>;
let db: Db;
let file: string;
/** The nodes' database: DATABASE_URL (PostgreSQL) or DATABASE_PATH (the SQLite file). */
let databaseEnv: Record<string, string>;
const nodes: Record<'a' | 'b', ServerHandle> = {} as Record<'a' | 'b', ServerHandle>;
let proxy: ChildProcess;
let proxyUrl: string;
const sockets: TestClient[] = [];

async function requireRedis(): Promise<void> {
	const client = createClient({ url: REDIS_URL, socket: { reconnectStrategy: false } });
	client.on('error', () => undefined);
	try {
		await client.connect();
	} catch {
		throw new Error(
			`Redis is not reachable at ${REDIS_URL}: start it with \`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\``
		);
	}
	redis = client;
}

function startNode(name: 'a' | 'b'): Promise<ServerHandle> {
	return startServer({
		root: ROOT,
		dir: ROOT,
		databasePath: file,
		port: 0,
		cpu: null,
		env: {
			...databaseEnv,
			REDIS_URL,
			NODE_ID: `${RUN}-${name}`,
			LIVE_JOIN_LIMIT: '10000',
			LIVE_REJOIN_LIMIT: '10000'
		}
	});
}

async function startProxy(): Promise<void> {
	if (spawnSync('haproxy', ['-v']).error)
		throw new Error('haproxy is not installed: apt-get install -y haproxy');
	const port = await freePort();
	proxy = spawn('haproxy', ['-db', '-f', path.join(ROOT, 'deploy/haproxy.cfg')], {
		env: {
			...process.env,
			CV_PROXY_BIND: `127.0.0.1:${port}`,
			CV_NODE_A: `127.0.0.1:${nodes.a.port}`,
			CV_NODE_B: `127.0.0.1:${nodes.b.port}`
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	proxyUrl = `http://127.0.0.1:${port}`;
	let log = '';
	proxy.stderr?.on('data', (chunk: Buffer) => (log += chunk));
	for (let i = 0; i < 100; i++) {
		const ok = await fetch(`${proxyUrl}/healthz`).then(
			(res) => res.ok,
			() => false
		);
		if (ok) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`haproxy did not start: ${log}`);
}

/**
 * A WebSocket client (no pinning needed). Phones reconnect by themselves like the app's client;
 * a host screen (with its session cookie) does not.
 */
async function open(url: string, cookie?: string): Promise<TestClient> {
	const socket = ioClient(url, {
		path: SOCKET_PATH,
		transports: ['websocket'],
		forceNew: true,
		reconnection: !cookie,
		reconnectionDelay: 100,
		reconnectionDelayMax: 300,
		extraHeaders: cookie ? { cookie } : {}
	});
	const client = new TestClient(socket);
	sockets.push(client);
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return client;
}

const phone = (url: string) => open(url);
const screen = (url: string, cookie: string) => open(url, cookie);

async function command(host: TestClient, gameId: number, type: string) {
	const reply = await host.emit<HostCommandReply>('host:command', { gameId, command: { type } });
	if (!reply.ok) throw new Error(`${type}: ${reply.error}`);
	return reply.data.state;
}

async function ownerOf(gameId: number): Promise<string | null> {
	return redis.get(`cv:lease:game:${gameId}`);
}

/** The node that runs the game (each node takes free leases within a second). */
async function waitForOwner(gameId: number): Promise<'a' | 'b'> {
	for (let i = 0; i < 100; i++) {
		const owner = await ownerOf(gameId);
		if (owner === `${RUN}-a`) return 'a';
		if (owner === `${RUN}-b`) return 'b';
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`no node took game ${gameId}`);
}

const answerRows = (gameId: number) =>
	db
		.select({ playerId: answer.playerId, q: answer.questionIndex })
		.from(answer)
		.where(eq(answer.gameId, gameId));

/** Hands the game's lease to `node` behind its holder's back, as when a starved owner's lease expires. */
async function moveLease(gameId: number, node: 'a' | 'b'): Promise<void> {
	await redis.set(`cv:lease:game:${gameId}`, `${RUN}-${node}`, { PX: 3_000 });
	for (let i = 0; i < 100; i++) {
		const reply = await fetch(`${nodes[node].url}/healthz`).then((r) => r.ok);
		if (reply && (await ownerOf(gameId)) === `${RUN}-${node}`) break;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	// The old holder finds out at its next heartbeat (1 s) and evicts the game; the new one adopts
	// it at its next scan and asks the other node for its players' sockets.
	await new Promise((resolve) => setTimeout(resolve, 2_500));
}

export function defineMultinodeSuite(database: 'sqlite' | 'pg'): void {
	beforeAll(async () => {
		await requireRedis();
		ensureBuild(ROOT);
		file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cv-live-')), 'test.db');
		if (database === 'pg') {
			const url = await createPgDatabase();
			databaseEnv = { DATABASE_URL: url };
			db = await openDatabase(url);
		} else {
			databaseEnv = {};
			db = openSqlite(file);
		}
		nodes.a = await startNode('a');
		nodes.b = await startNode('b');
		await startProxy();
	}, 600_000);

	afterAll(async () => {
		for (const client of sockets) client.disconnect();
		proxy?.kill('SIGKILL');
		await Promise.all(Object.values(nodes).map((node) => node.kill()));
		if (db) await closeDatabase(db);
		await redis?.quit();
	});

	describe(`two nodes behind HAProxy, one game (${database === 'pg' ? 'PostgreSQL' : 'one SQLite file'})`, () => {
		it('serves the host on one node and players on both: every question, the podium, answers counted once', async () => {
			const staff = await makeStaff(db, 'host');
			const { gameId, pin } = await createGame(db, staff, [q1(), q2()]);
			const owner = await waitForOwner(gameId);
			const other = owner === 'a' ? 'b' : 'a';
			// The host screen is on the other node than the game: its commands are forwarded.
			const host = await screen(nodes[other].url, staff.cookie);
			const attached = await host.emit<HostAttachReply>('host:attach', { gameId });
			expect(attached.ok).toBe(true);

			const urls = [nodes.a.url, nodes.a.url, nodes.b.url, nodes.b.url, proxyUrl, proxyUrl];
			const players: Array<{ client: TestClient; playerId: string; nickname: string }> = [];
			for (const [i, url] of urls.entries()) {
				const client = await phone(url);
				const nickname = `Người chơi ${i + 1}`;
				const reply = await client.emit<JoinReply>('player:join', { pin, nickname });
				if (!reply.ok) throw new Error(reply.error);
				players.push({ client, playerId: reply.data.view.me.playerId, nickname });
			}

			const answers = [
				{ type: 'single', choice: 1 },
				{ type: 'truefalse', value: true }
			];
			for (const [questionIndex, answer] of answers.entries()) {
				await command(host, gameId, questionIndex === 0 ? 'start' : 'next');
				for (const { client } of players)
					await client.next<QuestionOpenedFrame>(
						'question:opened',
						(f) => f.questionIndex === questionIndex
					);
				for (const { client } of players) {
					const first = await client.emit<AnswerReply>('answer:submit', { questionIndex, answer });
					expect(first).toMatchObject({ ok: true, data: { duplicate: false } });
					const again = await client.emit<AnswerReply>('answer:submit', { questionIndex, answer });
					expect(again).toMatchObject({ ok: true, data: { duplicate: true } });
				}
				const closed = await command(host, gameId, 'close');
				expect(closed.closed?.distribution).toMatchObject({ answered: 6, correct: 6 });
				for (const { client } of players) {
					const result = await client.next<PlayerResultFrame>(
						'player:result',
						(f) => f.questionIndex === questionIndex
					);
					expect(result).toMatchObject({ answered: true, correct: true });
				}
				await command(host, gameId, 'next'); // leaderboard
			}
			await command(host, gameId, 'next'); // podium
			const podiums = await Promise.all(
				players.map(({ client }) => client.next<GameEndedFrame>('game:ended'))
			);
			for (const podium of podiums) expect(podium.podium.length).toBeGreaterThanOrEqual(3);

			const rows = await answerRows(gameId);
			expect(rows).toHaveLength(players.length * 2);
			expect(new Set(rows.map((r) => `${r.playerId}/${r.q}`)).size).toBe(rows.length);
		}, 120_000);

		it('keeps every phone’s own results when the lease moves to the other node and back', async () => {
			const staff = await makeStaff(db, 'host');
			const { gameId, pin } = await createGame(db, staff, [q1(), q2()]);
			const first = await waitForOwner(gameId);
			const second = first === 'a' ? 'b' : 'a';
			const host = await screen(proxyUrl, staff.cookie);
			expect((await host.emit<HostAttachReply>('host:attach', { gameId })).ok).toBe(true);
			const players: TestClient[] = [];
			for (const [i, url] of [nodes.a.url, nodes.a.url, nodes.b.url, nodes.b.url].entries()) {
				const client = await phone(url);
				const reply = await client.emit<JoinReply>('player:join', { pin, nickname: `Máy ${i}` });
				if (!reply.ok) throw new Error(reply.error);
				players.push(client);
			}
			const answers = [
				{ type: 'single', choice: 1 },
				{ type: 'truefalse', value: true }
			];
			for (const [questionIndex, given] of answers.entries()) {
				// Before each question the game changes hands: first → second, then back to first (a
				// node that ran it before, whose stand-ins for the other node's phones already exist).
				await moveLease(gameId, questionIndex === 0 ? second : first);
				await command(host, gameId, questionIndex === 0 ? 'start' : 'next');
				for (const client of players)
					await client.next<QuestionOpenedFrame>(
						'question:opened',
						(f) => f.questionIndex === questionIndex
					);
				for (const client of players) {
					const ack = await client.emit<AnswerReply>('answer:submit', {
						questionIndex,
						answer: given
					});
					expect(ack).toMatchObject({ ok: true, data: { duplicate: false } });
				}
				await command(host, gameId, 'close');
				for (const client of players) {
					const result = await client.next<PlayerResultFrame>(
						'player:result',
						(f) => f.questionIndex === questionIndex
					);
					expect(result).toMatchObject({ answered: true, correct: true });
				}
				await command(host, gameId, 'next'); // leaderboard
			}
			expect(await ownerOf(gameId)).toBe(`${RUN}-${first}`);
			expect(await answerRows(gameId)).toHaveLength(8);
		}, 120_000);

		it('resumes on the other node within 5 s after kill -9 of the owner mid-question, with every acknowledged answer and score', async () => {
			const staff = await makeStaff(db, 'host');
			const { gameId, pin } = await createGame(db, staff, [q1(), q2()]);
			const owner = await waitForOwner(gameId);
			const survivor = owner === 'a' ? 'b' : 'a';
			const host = await screen(nodes[owner].url, staff.cookie);
			expect((await host.emit<HostAttachReply>('host:attach', { gameId })).ok).toBe(true);

			// Two phones through the proxy (spread over both nodes) and two pinned to the survivor:
			// each rejoins with its token after a reconnection, like the app.
			const urls = [proxyUrl, proxyUrl, nodes[survivor].url, nodes[survivor].url];
			const players = [];
			for (const [i, url] of urls.entries()) {
				const client = await phone(url);
				const reply = await client.emit<JoinReply>('player:join', { pin, nickname: `Phone ${i}` });
				if (!reply.ok) throw new Error(reply.error);
				const token = reply.data.playerToken;
				const player = { client, rejoined: Promise.resolve(), score: 0 };
				client.socket.on('connect', () => {
					player.rejoined = client
						.emit<RejoinReply>('player:rejoin', { pin, playerToken: token })
						.then((ack) => {
							if (!ack.ok) throw new Error(`rejoin: ${ack.error}`);
						});
				});
				players.push(player);
			}
			const single = { type: 'single', choice: 1 };
			const truefalse = { type: 'truefalse', value: true };
			await command(host, gameId, 'start');
			for (const { client } of players) {
				await client.next<QuestionOpenedFrame>('question:opened', (f) => f.questionIndex === 0);
				const ack = await client.emit<AnswerReply>('answer:submit', {
					questionIndex: 0,
					answer: single
				});
				expect(ack.ok).toBe(true);
			}
			await command(host, gameId, 'close');
			for (const player of players) {
				const result = await player.client.next<PlayerResultFrame>('player:result');
				expect(result.correct).toBe(true);
				player.score = result.me.score;
			}
			await command(host, gameId, 'next'); // leaderboard
			await command(host, gameId, 'next'); // question 2
			for (const { client } of players)
				await client.next<QuestionOpenedFrame>('question:opened', (f) => f.questionIndex === 1);
			// Half the phones answer (acknowledged), then the owner dies.
			for (const { client } of [players[0], players[2]]) {
				const ack = await client.emit<AnswerReply>('answer:submit', {
					questionIndex: 1,
					answer: truefalse
				});
				expect(ack).toMatchObject({ ok: true, data: { duplicate: false } });
			}
			const killedAt = Date.now();
			await nodes[owner].kill();

			// The survivor takes the lease and rebuilds the game from the database.
			let tookOverMs = Infinity;
			for (let i = 0; i < 100; i++) {
				if ((await ownerOf(gameId)) === `${RUN}-${survivor}`) {
					tookOverMs = Date.now() - killedAt;
					break;
				}
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			expect(tookOverMs).toBeLessThan(5_000);
			const again = await screen(proxyUrl, staff.cookie);
			const attached = await again.emit<HostAttachReply>('host:attach', { gameId });
			if (!attached.ok) throw new Error(attached.error);
			expect(attached.data.state).toMatchObject({
				state: { phase: 'question', questionIndex: 1 },
				answered: 2
			});
			console.log(`multinode: lease taken over ${tookOverMs} ms after kill -9`);

			// Phones that were on the dead node reconnect through the proxy and rejoin.
			for (const player of players) {
				if (!player.client.socket.connected)
					await new Promise<void>((resolve) =>
						player.client.socket.once('connect', () => resolve())
					);
				await player.rejoined;
				// The acknowledged answers survived: sending one again is a duplicate.
				const ack = await player.client.emit<AnswerReply>('answer:submit', {
					questionIndex: 1,
					answer: truefalse
				});
				expect(ack).toMatchObject({ ok: true, data: { questionIndex: 1 } });
			}
			const closed = await command(again, gameId, 'close');
			expect(closed.closed?.distribution).toMatchObject({ answered: 4, correct: 4 });
			for (const player of players) {
				const result = await player.client.next<PlayerResultFrame>(
					'player:result',
					(f) => f.questionIndex === 1
				);
				expect(result.me.score).toBe(player.score + result.points);
				expect(result.points).toBeGreaterThan(0);
			}
			const rows = await answerRows(gameId);
			expect(rows).toHaveLength(8);
			expect(new Set(rows.map((r) => `${r.playerId}/${r.q}`)).size).toBe(8);
		}, 120_000);
	});
}
