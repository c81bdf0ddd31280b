/**
 * npm run bench:fuzz -- [--count 10000] [--seed N] [--concurrency 32] [--url U --db PATH]
 *
 * Starts the production server (or targets --url), then sends `count` malformed, oversized,
 * wrongly typed and out-of-order payloads to every socket event, raw frames to the socket.io
 * endpoint and malformed posts/queries to the login action and the join page, while real games
 * (a host and four phones with known answers) are played beside them. Exits 1 when a payload
 * went unanswered, a real game ended wrong, or the server stopped answering. The last line is
 * one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createFixtures } from '../live/setup';
import {
	pinSelf,
	sampleProcess,
	snapshotBuild,
	startServer,
	type ServerHandle
} from '../live/server';
import { failureCount, runFuzz } from './fuzz';
import { playRealGamesUntil } from './real-game';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { values: args } = parseArgs({
	options: {
		count: { type: 'string', default: '10000' },
		seed: { type: 'string' },
		concurrency: { type: 'string', default: '32' },
		url: { type: 'string' },
		db: { type: 'string' },
		/** A prepared copy of the app (see bench/live/server.ts snapshotBuild). */
		build: { type: 'string' },
		verbose: { type: 'boolean', default: false }
	}
});
if (args.url && !args.db)
	throw new Error('--url needs --db <the server DATABASE_PATH> for the fixtures');

const seed = Number(args.seed ?? Date.now() % 2 ** 31);
/** The server this run started (stopped on the way out, also after a failure). */
let server: ServerHandle | null = null;
const count = Number(args.count);

async function main() {
	const pinned = os.cpus().length >= 2 && pinSelf(1);
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-fuzz-'));
	const databasePath = args.db ?? path.join(workDir, 'fuzz.db');
	let serverDir = '';
	let url = args.url ?? '';
	if (!url) {
		serverDir = snapshotBuild(ROOT, args.build);
		server = await startServer({
			root: ROOT,
			dir: serverDir,
			databasePath,
			port: 0,
			cpu: pinned ? 0 : null,
			// One address sends everything: let joins and logins reach validation instead of the limiters.
			env: {
				LIVE_JOIN_LIMIT: '1000000',
				LIVE_REJOIN_LIMIT: '1000000',
				LOGIN_LIMIT_PER_IP: '1000000'
			},
			verbose: args.verbose
		});
		url = server.url;
	}
	const fuzzGame = await createFixtures(databasePath, {
		questions: 3,
		timeLimitSec: 20,
		orgSlug: 'fuzz'
	});
	const firstReal = await createFixtures(databasePath, {
		questions: 3,
		timeLimitSec: 20,
		label: 'r0'
	});
	console.log(
		`fuzz: ${count} payloads, seed ${seed}, server ${url}${server ? ` (pid ${server.pid})` : ''}`
	);

	let fuzzDone = false;
	let games = 0;
	const real = playRealGamesUntil(
		url,
		async () => {
			const f =
				games++ === 0
					? firstReal
					: await createFixtures(databasePath, {
							questions: 3,
							timeLimitSec: 20,
							label: `r${games}`
						});
			return { gameId: f.gameId, pin: f.pin, cookie: f.cookie, questions: 3, correct: 1 };
		},
		() => fuzzDone
	);
	const started = Date.now();
	const summary = await runFuzz({
		url,
		hostCookie: fuzzGame.cookie,
		count,
		seed,
		concurrency: Number(args.concurrency),
		targets: {
			pin: fuzzGame.pin,
			fuzzGameId: fuzzGame.gameId,
			realGameId: firstReal.gameId,
			forms: [
				{ method: 'POST', path: '/login', fields: ['username', 'password'] },
				{ method: 'GET', path: '/join', fields: ['pin'] },
				{ method: 'GET', path: '/join/{value}', fields: [] }
			]
		},
		onProgress: (done, total) => console.log(`  ${done}/${total} payloads`)
	}).finally(() => {
		fuzzDone = true;
	});
	const seconds = (Date.now() - started) / 1000;
	const verdict = await real;
	const alive = server
		? server.process.exitCode === null && sampleProcess(server.pid) !== null
		: true;
	const rss = server ? sampleProcess(server.pid)?.peakRssMb : undefined;

	console.log(
		`payloads ${summary.payloads} in ${summary.cases} cases, ${seconds.toFixed(1)} s: ${JSON.stringify(summary.byKind)}`
	);
	console.log(
		`answered with an error code ${summary.answeredWithError}: ${JSON.stringify(summary.errorCodes)}`
	);
	console.log(
		`accepted (valid by chance) ${JSON.stringify(summary.accepted)}; sent without ack ${summary.sentWithoutAck}; unsendable ${summary.unsendable}`
	);
	console.log(
		`oversized → connection closed ${summary.oversizedClosed}; raw frames ${JSON.stringify(summary.rawFrames)}`
	);
	console.log(`forms/pages by status ${JSON.stringify(summary.forms)}`);
	console.log(`failures ${JSON.stringify(summary.failures)}`);
	for (const sample of summary.samples) console.log(`  ✗ ${sample}`);
	console.log(`real games beside: ${verdict.finished}/${verdict.games} finished correctly`);
	for (const problem of verdict.problems.slice(0, 20)) console.log(`  ✗ ${problem}`);
	console.log(`server alive: ${alive}${rss ? `, peak RSS ${Math.round(rss)} MB` : ''}`);

	if (server) await server.stop();
	if (serverDir) fs.rmSync(serverDir, { recursive: true, force: true });
	if (!args.db) fs.rmSync(workDir, { recursive: true, force: true });
	const ok =
		failureCount(summary) === 0 &&
		verdict.problems.length === 0 &&
		verdict.finished === verdict.games &&
		alive;
	console.log(
		JSON.stringify({
			bench: 'fuzz',
			ok,
			seconds,
			...summary,
			realGames: verdict,
			serverAlive: alive
		})
	);
	process.exit(ok ? 0 : 1);
}

// Ctrl-C or a kill: take the server (possibly in its own session, see --nice) down with us.
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
