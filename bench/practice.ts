/**
 * npm run bench:practice -- [--url http://host:port] [--duration 10] [--connections 50]
 *   [--guests 200] [--sessions N] [--entries 1000] [--json]
 *
 * Drives the practice and online-contest answer endpoints over HTTP with autocannon and prints
 * throughput and latency percentiles. Without --url it copies the production build (run
 * `npm run build` first) to a temporary folder, starts it on a fresh database with the rate
 * limits raised (BENCH_SERVER_ENV), and uses the demo bank and demo contest the server seeds.
 * With DATABASE_URL=postgres://… in the environment the server it starts runs on that PostgreSQL
 * database instead (give it an empty one: the server migrates and seeds it).
 * Everything it needs (guests, sessions, registrations, attempts) is created through the JSON
 * endpoints. Practice answers go where a player's answer goes: the session page's `answer` form
 * action, posted the way `use:enhance` posts it. See docs/performance.md ("Practice and contests").
 *
 * Phases: practice answers · contest answer saves · both at once · contest hand-in burst ·
 * public contest leaderboard reads.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What the bench gives the server it starts: every limit is per participant, attempt or IP, and
 * all the load comes from one IP with a few hundred participants answering as fast as the
 * machine allows. The server's defaults are unchanged (see limits.ts).
 */
const BENCH_SERVER_ENV: Record<string, string> = {
	PRACTICE_ANSWER_PER_MIN: '100000000',
	PRACTICE_NEW_PLAYER_PER_IP: '100000000',
	CONTEST_REGISTER_PER_IP: '100000000',
	CONTEST_SAVE_PER_MIN: '100000000',
	CONTEST_SAVE_PER_ADDRESS_PER_MIN: '100000000'
};

/**
 * The contest's anti-cheat settings the bench turns off on its own database: every entry comes
 * from one address and every attempt is handed in within milliseconds, which a real contest
 * flags (and then skips the ranking work the hand-in burst is meant to measure).
 */
const BENCH_CONTEST_SQL = 'UPDATE contest SET min_ms_per_question = 0, entries_per_address = 0';

const { values: args } = parseArgs({
	options: {
		url: { type: 'string' },
		duration: { type: 'string', default: '10' },
		connections: { type: 'string', default: '50' },
		guests: { type: 'string', default: '200' },
		/** Practice sessions to prepare (default: enough for ~8,000 answers a second). */
		sessions: { type: 'string' },
		entries: { type: 'string', default: '1000' },
		/** With --url: the server's process id, to report its CPU time per request. */
		pid: { type: 'string' },
		json: { type: 'boolean', default: false }
	}
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const GUESTS = Number(args.guests);
const ENTRIES = Number(args.entries);

// autocannon ships no types; these are the parts used here.
interface Request {
	method?: string;
	path?: string;
	headers?: Record<string, string>;
	body?: string;
}
interface Options {
	url: string;
	connections: number;
	duration?: number;
	amount?: number;
	requests?: Array<{
		method: string;
		setupRequest: (req: Request, context: Record<string, unknown>) => Request;
		onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
	}>;
}
interface Histogram {
	p50: number;
	p90: number;
	p99: number;
	max: number;
}
interface Result {
	requests: { total: number };
	duration: number;
	latency: Histogram;
	non2xx: number;
	errors: number;
	timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
	options: Options,
	done: (err: Error | null, result: Result) => void
) => unknown;

// ——— Server ———

interface Server {
	url: string;
	pid: number;
	stop: () => Promise<void>;
}

/** Copy build/ (so a rebuild by someone else cannot change it under us) and start it. */
async function startServer(): Promise<Server> {
	if (!fs.existsSync(path.join(ROOT, 'build/handler.js'))) {
		throw new Error('no production build: run `npm run build` first (or pass --url)');
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-bench-practice-'));
	fs.cpSync(path.join(ROOT, 'build'), path.join(dir, 'build'), { recursive: true });
	fs.cpSync(path.join(ROOT, 'drizzle'), path.join(dir, 'drizzle'), { recursive: true });
	fs.copyFileSync(path.join(ROOT, 'server.js'), path.join(dir, 'server.js'));
	fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	const child: ChildProcess = spawn('node', [path.join(dir, 'server.js')], {
		cwd: dir,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: '0',
			HOST: '127.0.0.1',
			DATABASE_PATH: path.join(dir, 'data/bench.db'),
			UPLOAD_DIR: path.join(dir, 'data/uploads'),
			MIGRATIONS_DIR: path.join(dir, 'drizzle'),
			...BENCH_SERVER_ENV
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const url = await new Promise<string>((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
		const onData = (chunk: Buffer) => {
			output += chunk;
			// "Listening on http://…:PORT", or the start banner "… is running at http://…:PORT".
			const match = /(?:Listening on|is running at) http:\/\/[^\s:]+:(\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(`http://127.0.0.1:${match[1]}`);
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
	});
	// The server has migrated and seeded by now (it listens after start-up): relax anti-cheat.
	await relaxContests(path.join(dir, 'data/bench.db'));
	return {
		url,
		pid: child.pid!,
		stop: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Runs BENCH_CONTEST_SQL on the server's database: DATABASE_URL's PostgreSQL, else `sqliteFile`. */
async function relaxContests(sqliteFile: string): Promise<void> {
	const url = process.env.DATABASE_URL;
	if (url && /^postgres(ql)?:\/\//i.test(url)) {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			await client.query(BENCH_CONTEST_SQL);
		} finally {
			await client.end();
		}
		return;
	}
	const sqlite = new Database(sqliteFile);
	sqlite.pragma('busy_timeout = 5000');
	sqlite.exec(BENCH_CONTEST_SQL);
	sqlite.close();
}

// ——— HTTP helpers (setup goes through the same JSON endpoints as phones) ———

interface Reply<T> {
	status: number;
	body: { ok: true; data: T } | { ok: false; error: string; message: string };
	cookie: string | null;
}

async function call<T>(
	base: string,
	method: string,
	route: string,
	body?: unknown,
	cookie?: string
): Promise<Reply<T>> {
	const res = await fetch(base + route, {
		method,
		headers: {
			'content-type': 'application/json',
			...(cookie ? { cookie } : {})
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const setCookie = res.headers.get('set-cookie');
	const match = setCookie ? /cv_player=([^;]+)/.exec(setCookie) : null;
	return {
		status: res.status,
		body: (await res.json()) as Reply<T>['body'],
		cookie: match ? `cv_player=${match[1]}` : null
	};
}

function data<T>(reply: Reply<T>, what: string): T {
	if (!reply.body.ok)
		throw new Error(`${what}: ${reply.status} ${reply.body.error} ${reply.body.message}`);
	return reply.body.data;
}

/** Run `task` for 0..n-1 with at most `width` at once. */
async function inParallel<T>(
	n: number,
	width: number,
	task: (i: number) => Promise<T>
): Promise<T[]> {
	const out: T[] = new Array(n);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(width, n) }, async () => {
			while (next < n) {
				const i = next++;
				out[i] = await task(i);
			}
		})
	);
	return out;
}

interface PublicQuestion {
	type: string;
	options?: string[];
	items?: Array<{ id: number }>;
}

/** The same answer as the session page's form fields (see server/practice/answer-form.ts). */
function formFor(q: PublicQuestion, questionId: number, salt: number): string {
	const form = new URLSearchParams({ questionId: String(questionId) });
	const answer = answerFor(q, salt) as Record<string, unknown>;
	switch (q.type) {
		case 'single':
			form.set('choice', String(answer.choice));
			break;
		case 'multiple':
			for (const c of answer.choices as number[]) form.append('choices', String(c));
			break;
		case 'truefalse':
		case 'numeric':
			form.set('value', String(answer.value));
			break;
		case 'typeanswer':
			form.set('text', String(answer.text));
			break;
		default:
			(q.items ?? []).forEach((item, i) => form.set(`pos-${item.id}`, String(i + 1)));
	}
	return form.toString();
}

/**
 * The `data` of a form action's JSON reply, which SvelteKit encodes with devalue: a flat array
 * where objects and arrays hold indices of their members (enough for the plain data used here).
 */
function parseActionData(text: string): unknown {
	const flat = JSON.parse(text) as unknown[];
	const hydrate = (index: number): unknown => {
		if (index < 0) return undefined;
		const value = flat[index];
		if (Array.isArray(value)) return value.map(hydrate);
		if (value && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([k, i]) => [k, hydrate(i as number)]));
		return value;
	};
	return hydrate(0);
}

/** A well-formed answer of the right shape (right or wrong does not matter to the server's work). */
function answerFor(q: PublicQuestion, salt: number): unknown {
	switch (q.type) {
		case 'single':
			return { type: 'single', choice: salt % (q.options?.length ?? 1) };
		case 'multiple':
			return { type: 'multiple', choices: [salt % (q.options?.length ?? 1)] };
		case 'truefalse':
			return { type: 'truefalse', value: salt % 2 === 0 };
		case 'typeanswer':
			return { type: 'typeanswer', text: 'tám giờ' };
		case 'numeric':
			return { type: 'numeric', value: 48 + (salt % 3) };
		default:
			return { type: 'ordering', order: (q.items ?? []).map((item) => item.id) };
	}
}

// ——— Fixtures ———

interface Session {
	cookie: string;
	id: number;
	questionId: number;
	question: PublicQuestion;
	/**
	 * An answer was sent and no reply read (a phase ended with it in flight: the server may have
	 * recorded it, so `questionId` may be stale), or the session is over: later phases skip it.
	 */
	unusable?: boolean;
}

interface Attempt {
	cookie: string;
	id: number;
	questions: Array<{ id: number; question: PublicQuestion }>;
}

async function makeSessions(base: string, count: number): Promise<Session[]> {
	const banks = data(
		await call<Array<{ id: number; questionCount: number }>>(base, 'GET', '/api/practice/banks'),
		'banks'
	);
	if (banks.length === 0) throw new Error('no published bank to practise');
	const guests = await inParallel(GUESTS, 16, async (i) => {
		const reply = await call(base, 'POST', '/api/practice/guest', { nickname: `Bench ${i}` });
		data(reply, 'guest');
		return reply.cookie!;
	});
	return inParallel(count, 16, async (i) => {
		const cookie = guests[i % guests.length];
		const started = data(
			await call<{ sessionId: number; current: { id: number; question: PublicQuestion } }>(
				base,
				'POST',
				'/api/practice/sessions',
				{ bankId: banks[i % banks.length].id },
				cookie
			),
			'start session'
		);
		return {
			cookie,
			id: started.sessionId,
			questionId: started.current.id,
			question: started.current.question
		};
	});
}

async function makeAttempts(
	base: string,
	count: number
): Promise<{ contestId: number; attempts: Attempt[] }> {
	const open = data(await call<Array<{ id: number }>>(base, 'GET', '/api/contests'), 'contests');
	if (open.length === 0)
		throw new Error('no open contest (the demo contest needs the published demo bank)');
	const contestId = open[0].id;
	const info = data(
		await call<{ units: Array<{ id: number }>; currentRoundId: number | null }>(
			base,
			'GET',
			`/api/contests/${contestId}`
		),
		'contest'
	);
	if (!info.currentRoundId) throw new Error(`contest ${contestId} has no open round`);
	const stamp = Date.now() % 1_000_000;
	const attempts = await inParallel(count, 16, async (i) => {
		const phone = `09${String(stamp * 1000 + i)
			.padStart(8, '0')
			.slice(-8)}`;
		const registered = await call(base, 'POST', `/api/contests/${contestId}/entries`, {
			fullName: `Người thi ${i}`,
			phone,
			unitId: info.units[i % info.units.length].id
		});
		data(registered, `register ${phone}`);
		const cookie = registered.cookie!;
		const started = data(
			await call<{
				attempt: { id: number };
				questions: Array<{ id: number; question: PublicQuestion }>;
			}>(base, 'POST', `/api/contests/${contestId}/attempts`, {}, cookie),
			'start attempt'
		);
		return { cookie, id: started.attempt.id, questions: started.questions };
	});
	return { contestId, attempts };
}

// ——— Load ———

interface Figures {
	name: string;
	requests: number;
	rps: number;
	/** Server CPU (user + system) per request, ms: what the machine's load does not distort. */
	cpuMs: number | null;
	p50: number;
	p90: number;
	p99: number;
	max: number;
	non2xx: number;
	errors: number;
}

/** CPU seconds (user + system) the process has used, from /proc (Linux), or null. */
function cpuSeconds(pid: number | null): number | null {
	if (!pid) return null;
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		// utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return null;
	}
}

let serverPid: number | null = null;

function run(name: string, options: Options): Promise<Figures> {
	const cpuBefore = cpuSeconds(serverPid);
	return new Promise((resolve, reject) => {
		autocannon(options, (err, result) => {
			if (err) return reject(err);
			const cpuAfter = cpuSeconds(serverPid);
			const total = result.requests.total;
			resolve({
				name,
				requests: total,
				rps: Math.round(total / (result.duration || 1)),
				cpuMs:
					cpuBefore !== null && cpuAfter !== null && total > 0
						? Math.round(((cpuAfter - cpuBefore) * 1000 * 1000) / total) / 1000
						: null,
				p50: result.latency.p50,
				p90: result.latency.p90,
				p99: result.latency.p99,
				max: result.latency.max,
				non2xx: result.non2xx,
				errors: result.errors + result.timeouts
			});
		});
	});
}

/** Practice answers the form action refused, by reply type and status (autocannon sees a 200). */
const actionRefusals = new Map<string, number>();

/**
 * Practice answers: each request answers a session's current question through the page's form
 * action, as `use:enhance` sends it (same origin, `x-sveltekit-action`); the reply names the next.
 */
function practiceLoad(
	base: string,
	sessions: Session[],
	connections: number,
	duration: number
): Options {
	const idle = sessions.filter((s) => !s.unusable);
	let salt = 0;
	return {
		url: base,
		connections,
		duration,
		requests: [
			{
				method: 'POST',
				setupRequest: (req, context) => {
					const s = idle.shift();
					if (!s) throw new Error('practice sessions ran out: raise --guests or lower --duration');
					context.s = s;
					s.unusable = true;
					return {
						...req,
						path: `/practice/s/${s.id}?/answer`,
						headers: {
							'content-type': 'application/x-www-form-urlencoded',
							'x-sveltekit-action': 'true',
							origin: base,
							cookie: s.cookie
						},
						body: formFor(s.question, s.questionId, salt++)
					};
				},
				onResponse: (status, body, context) => {
					const s = context.s as Session;
					if (status !== 200) return;
					const reply = JSON.parse(body) as { type: string; status?: number; data?: string };
					// A refusal is a `failure` (or a `redirect`) inside a 200: count it here.
					if (reply.type !== 'success' || !reply.data) {
						const key = `${reply.type} ${reply.status ?? ''}`.trim();
						actionRefusals.set(key, (actionRefusals.get(key) ?? 0) + 1);
						return;
					}
					const { result } = parseActionData(reply.data) as {
						result: { next: { id: number; question: PublicQuestion } | null };
					};
					if (result.next) {
						s.unusable = false;
						s.questionId = result.next.id;
						s.question = result.next.question;
						idle.push(s);
					}
				}
			}
		]
	};
}

/** Contest answer saves: attempts and their questions in turn (answers may change until hand-in). */
function contestLoad(
	base: string,
	attempts: Attempt[],
	connections: number,
	duration: number
): Options {
	let n = 0;
	return {
		url: base,
		connections,
		duration,
		requests: [
			{
				method: 'POST',
				setupRequest: (req) => {
					const a = attempts[n % attempts.length];
					const q = a.questions[Math.floor(n / attempts.length) % a.questions.length];
					n++;
					return {
						...req,
						path: `/api/contests/attempts/${a.id}/answers`,
						headers: { 'content-type': 'application/json', cookie: a.cookie },
						body: JSON.stringify({ questionId: q.id, answer: answerFor(q.question, n) })
					};
				}
			}
		]
	};
}

/** Every attempt handed in at once (the end of a round). */
function handInLoad(base: string, attempts: Attempt[], connections: number): Options {
	let n = 0;
	return {
		url: base,
		connections,
		amount: attempts.length,
		requests: [
			{
				method: 'POST',
				setupRequest: (req) => {
					const a = attempts[n++ % attempts.length];
					return {
						...req,
						path: `/api/contests/attempts/${a.id}/submit`,
						headers: { 'content-type': 'application/json', cookie: a.cookie },
						body: JSON.stringify({ prediction: n % 50 })
					};
				}
			}
		]
	};
}

function print(rows: Figures[]): void {
	const head = [
		'phase',
		'requests',
		'req/s',
		'p50 ms',
		'p90 ms',
		'p99 ms',
		'max ms',
		'non-2xx',
		'errors',
		'server CPU ms/req'
	];
	const lines = rows.map((r) =>
		[r.name, r.requests, r.rps, r.p50, r.p90, r.p99, r.max, r.non2xx, r.errors, r.cpuMs ?? '—'].map(
			String
		)
	);
	const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	const fmt = (cells: string[]) =>
		cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	console.log(fmt(head));
	for (const line of lines) console.log(fmt(line));
}

async function main(): Promise<void> {
	const server = args.url ? null : await startServer();
	const base = (args.url ?? server!.url).replace(/\/$/, '');
	serverPid = server?.pid ?? (args.pid ? Number(args.pid) : null);
	if (args.url) {
		console.log(
			`Target ${base}: start it with ${Object.entries(BENCH_SERVER_ENV)
				.map(([k, v]) => `${k}=${v}`)
				.join(
					' '
				)} or the rate limits will answer 429, and run \`${BENCH_CONTEST_SQL}\` on its database (anti-cheat would refuse the entries and flag the attempts).`
		);
	}
	try {
		console.log(
			`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, node ${process.version}`
		);
		// Up to ~8,000 answers a second on a quiet machine, ten per session; a margin for the warm-up.
		const sessionCount = args.sessions
			? Number(args.sessions)
			: Math.ceil(((DURATION * 2 + 4) * 8000) / 10);
		const t0 = Date.now();
		const sessions = await makeSessions(base, sessionCount);
		const { contestId, attempts } = await makeAttempts(base, ENTRIES);
		console.log(
			`setup: ${GUESTS} guests, ${sessions.length} practice sessions, ${attempts.length} contest entries and attempts in ${((Date.now() - t0) / 1000).toFixed(1)} s`
		);
		const rows: Figures[] = [];
		await run('warm-up', practiceLoad(base, sessions, CONNECTIONS, 2));
		rows.push(await run('practice answers', practiceLoad(base, sessions, CONNECTIONS, DURATION)));
		rows.push(
			await run('contest answer saves', contestLoad(base, attempts, CONNECTIONS, DURATION))
		);
		const half = Math.max(1, Math.floor(CONNECTIONS / 2));
		const [p, c] = await Promise.all([
			run('  practice (mixed)', practiceLoad(base, sessions, half, DURATION)),
			run('  contest (mixed)', contestLoad(base, attempts, half, DURATION))
		]);
		rows.push(
			{
				name: 'both at once',
				requests: p.requests + c.requests,
				rps: p.rps + c.rps,
				// Both ran against one process over the same seconds: each saw all of its CPU.
				cpuMs:
					p.cpuMs === null
						? null
						: Math.round((p.cpuMs * p.requests * 1000) / (p.requests + c.requests)) / 1000,
				p50: Math.max(p.p50, c.p50),
				p90: Math.max(p.p90, c.p90),
				p99: Math.max(p.p99, c.p99),
				max: Math.max(p.max, c.max),
				non2xx: p.non2xx + c.non2xx,
				errors: p.errors + c.errors
			},
			{ ...p, cpuMs: null },
			{ ...c, cpuMs: null }
		);
		rows.push(
			await run(`hand-in burst (${attempts.length})`, handInLoad(base, attempts, CONNECTIONS))
		);
		rows.push(
			await run('contest leaderboard reads', {
				url: `${base}/api/contests/${contestId}/leaderboard`,
				connections: CONNECTIONS,
				duration: Math.max(3, Math.floor(DURATION / 2))
			})
		);
		print(rows);
		const refused = [...actionRefusals].map(([key, n]) => `${n} × ${key}`).join(', ');
		console.log(`practice answers refused by the form action: ${refused || 'none'}`);
		if (args.json)
			console.log(JSON.stringify({ connections: CONNECTIONS, duration: DURATION, rows }));
	} finally {
		await server?.stop();
	}
}

main().catch((err) => {
	console.error(err instanceof Error ? err.message : err);
	process.exit(1);
});
