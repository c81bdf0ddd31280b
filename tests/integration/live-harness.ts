/**
 * Test harness for the realtime server: a real HTTP server on port 0 with attachRealtime, real
 * socket.io clients, a test database that can be reopened (a SQLite file in a temp folder, or a
 * PostgreSQL database with TEST_DATABASE=pg), a controllable clock and question timers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as ioClient, type Socket } from 'socket.io-client';
import { closeDatabase, type Db } from '../../src/lib/server/db';
import { openTestDb } from '../../src/lib/server/db/test-databases';
import { testApp, type TestAppOptions } from '../../src/lib/server/app-testing';
import type { AppContext } from '../../src/lib/server/app';
import { createOrganization } from '../../src/lib/server/auth/members';
import { createSession, generateToken, SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { user, type Role } from '../../src/lib/server/db/schema';
import {
	attachRealtime,
	realtimeReady,
	stopRealtime,
	type RealtimeDeps,
	type RealtimeServer
} from '../../src/lib/server/realtime';
import type { Timers } from '../../src/lib/server/live/live-game';
import { Limiter } from '../../src/lib/server/rate-limit';
import { createLiveGameFromQuestions } from '../../src/lib/server/live/service';
import type { Ack, LiveGameOptionsInput, GameMode } from '../../src/lib/protocol';
import type { Question } from '../../src/lib/quiz/question';
import { SOCKET_PATH } from '../../src/lib/protocol';

/** A clock the test moves by hand; timers fire when it passes their time. */
export class ManualClock {
	t: number;
	#timers = new Map<number, { fn: () => void; at: number }>();
	#nextId = 1;
	constructor(start = Date.now()) {
		this.t = start;
	}
	now = (): number => this.t;
	timers: Timers = {
		set: (fn, ms) => {
			const id = this.#nextId++;
			this.#timers.set(id, { fn, at: this.t + ms });
			return id;
		},
		clear: (handle) => void this.#timers.delete(handle as number)
	};
	/** Moves time forward and runs the timers that came due. */
	advance(ms: number): void {
		this.t += ms;
		for (const [id, timer] of [...this.#timers]) {
			if (timer.at <= this.t) {
				this.#timers.delete(id);
				timer.fn();
			}
		}
	}
	get pendingTimers(): number {
		return this.#timers.size;
	}
}

export interface TestServer {
	url: string;
	io: RealtimeServer;
	/** The server's app (its `db` is `db`): hand it to route code as `locals.app`. */
	app: AppContext;
	db: Db;
	clock: ManualClock;
	close(): Promise<void>;
}

export async function startServer(
	location: string,
	clock = new ManualClock(),
	options: {
		joinLimit?: number;
		realtime?: Partial<Omit<RealtimeDeps, 'app'>>;
		/** Settings of the server's app (address policy, sockets per address…). */
		app?: Omit<TestAppOptions, 'db'>;
	} = {}
): Promise<TestServer> {
	const db = await openTestDb(location);
	const server = http.createServer();
	const app = await testApp({ ...options.app, db });
	const io = attachRealtime(server, {
		app,
		now: clock.now,
		timers: clock.timers,
		limits: {
			join: new Limiter('test-join', options.joinLimit ?? 1000, 10),
			rejoin: new Limiter('test-rejoin', 1000, 10)
		},
		...options.realtime
	});
	await realtimeReady(io);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		io,
		app,
		db,
		clock,
		close: async () => {
			// The live writes still queued are committed before the database closes.
			await stopRealtime(io);
			await closeDatabase(db);
		}
	};
}

const clients: Socket[] = [];

/** A socket.io client; `cookie` makes it a logged-in browser. Records every raw frame it receives. */
export async function connect(
	url: string,
	cookie?: string,
	headers: Record<string, string> = {}
): Promise<TestClient> {
	const socket = ioClient(url, {
		path: SOCKET_PATH,
		transports: ['websocket'],
		forceNew: true,
		reconnection: false,
		extraHeaders: { ...headers, ...(cookie ? { cookie } : {}) }
	});
	clients.push(socket);
	const client = new TestClient(socket);
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return client;
}

export function closeAllClients(): void {
	for (const socket of clients.splice(0)) socket.disconnect();
}

export class TestClient {
	/** Raw socket.io packets as received (what went over the wire, decoded by engine.io only). */
	readonly raw: string[] = [];
	/** Events as received, in order. */
	readonly events: Array<{ event: string; payload: unknown }> = [];

	constructor(readonly socket: Socket) {
		socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
			if (packet.type === 'message' && typeof packet.data === 'string') this.raw.push(packet.data);
		});
		socket.onAny((event: string, payload: unknown) => this.events.push({ event, payload }));
	}

	emit<T>(event: string, ...args: unknown[]): Promise<Ack<T>> {
		return this.socket.timeout(5000).emitWithAck(event, ...args) as Promise<Ack<T>>;
	}

	/**
	 * Resolves once every frame the server sent this client so far has arrived: one acknowledged
	 * round trip on the same connection (a malformed answer, refused at once and changing nothing),
	 * so a test can assert that something was NOT sent without sleeping.
	 */
	async drain(): Promise<void> {
		const ack = await this.emit('answer:submit', null);
		if (ack.ok || ack.error !== 'INVALID_PAYLOAD') throw new Error('drain: unexpected ack');
	}

	/** Resolves with the next (or an already received, not yet consumed) matching event. */
	next<T>(event: string, predicate: (payload: T) => boolean = () => true): Promise<T> {
		const seen = this.events.find(
			(e, i) => e.event === event && i >= this.#cursor(event) && predicate(e.payload as T)
		);
		if (seen) {
			this.#consumed.set(event, this.events.indexOf(seen) + 1);
			return Promise.resolve(seen.payload as T);
		}
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`timeout waiting for ${event}`)), 5000);
			const listener = (payload: T) => {
				if (!predicate(payload)) return;
				clearTimeout(timer);
				this.socket.off(event, listener);
				this.#consumed.set(event, this.events.length);
				resolve(payload);
			};
			this.socket.on(event, listener);
		});
	}

	#consumed = new Map<string, number>();
	#cursor(event: string): number {
		return this.#consumed.get(event) ?? 0;
	}

	all<T>(event: string): T[] {
		return this.events.filter((e) => e.event === event).map((e) => e.payload as T);
	}

	disconnect(): void {
		this.socket.disconnect();
	}
}

let orgCounter = 0;

/** An organization with one staff user and a valid session cookie. */
export async function makeStaff(db: Db, role: Role = 'host', now = Date.now()) {
	orgCounter++;
	const slug = `org${process.pid}x${orgCounter}x${Math.floor(Math.random() * 1e6)}`;
	const org = await createOrganization(db, `Tổ chức ${slug}`, slug);
	const [row] = await db
		.insert(user)
		.values({
			organizationId: org.id,
			username: `u${slug}`,
			displayName: 'Người dẫn',
			passwordHash: 'x',
			role,
			createdAt: new Date(now)
		})
		.returning();
	const token = generateToken();
	await createSession(db, token, row.id, now);
	return { organizationId: org.id, userId: row.id, cookie: `${SESSION_COOKIE}=${token}` };
}

export async function createGame(
	db: Db,
	staff: { organizationId: number; userId: number },
	questions: Question[],
	mode: GameMode = 'classic',
	options: LiveGameOptionsInput = {}
): Promise<{ gameId: number; pin: string }> {
	const created = await createLiveGameFromQuestions(db, {
		organizationId: staff.organizationId,
		createdBy: staff.userId,
		title: 'Tìm hiểu Bộ luật Lao động',
		mode,
		options: { nicknameFilter: true, ...options },
		questions,
		seed: 42
	});
	if (!created.ok) throw new Error(`game not created: ${created.problems.join(', ')}`);
	return { gameId: created.gameId, pin: created.pin };
}

/** Questions for the tests: 20 s each, worth 1000 points. */
export function q1(): Question {
	return {
		type: 'single',
		text: 'Thời giờ làm việc bình thường không quá bao nhiêu giờ trong 01 ngày?',
		options: ['6 giờ', '8 giờ', '10 giờ', '12 giờ'],
		correct: 1,
		timeLimitSec: 20,
		points: 1,
		tags: [],
		explanation: 'BÍ_MẬT_GIẢI_THÍCH: không quá 08 giờ trong 01 ngày.',
		citation: { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14', article: 'Điều 105' }
	};
}

export function q2(): Question {
	return {
		type: 'truefalse',
		text: 'Giờ làm việc ban đêm tính từ 22 giờ đến 06 giờ sáng hôm sau.',
		correct: true,
		timeLimitSec: 20,
		points: 1,
		tags: []
	};
}

export function q3(): Question {
	return {
		type: 'typeanswer',
		text: 'Công đoàn Việt Nam thành lập năm nào?',
		accepted: ['1929'],
		ignoreDiacritics: true,
		timeLimitSec: 20,
		points: 1,
		tags: []
	};
}
