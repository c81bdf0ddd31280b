/**
 * Sends fuzz cases (payloads.ts) to a running server and classifies every answer. A socket
 * payload sent with an acknowledgement must be answered with `{ ok: false, error: <known code> }`
 * (or `{ ok: true }` when the fuzzer happened to produce a valid request, never for the real game);
 * an oversized one must get its connection closed; a form post must not get a 5xx; and the server
 * must still answer afterwards.
 */
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { ERROR_CODES } from '../../src/lib/protocol';
import {
	fuzzCases,
	payloadCount,
	type FuzzCase,
	type FuzzTargets,
	type Identity
} from './payloads';

export interface FuzzOptions {
	url: string;
	targets: FuzzTargets;
	/** Session cookie of the fuzz game's host (another organization than the real game's). */
	hostCookie: string;
	count: number;
	seed: number;
	concurrency?: number;
	ackTimeoutMs?: number;
	onProgress?: (payloadsDone: number, total: number) => void;
}

export interface FuzzSummary {
	seed: number;
	payloads: number;
	cases: number;
	byKind: Record<FuzzCase['kind'], number>;
	/** Socket payloads answered with a known error code. */
	answeredWithError: number;
	/** Socket payloads the server accepted (valid by chance), per event. */
	accepted: Record<string, number>;
	errorCodes: Record<string, number>;
	/** Sent without an acknowledgement callback (nothing to answer) or to an unknown event. */
	sentWithoutAck: number;
	/** Generated but not sendable by socket.io-client (not counted as sent). */
	unsendable: number;
	oversizedClosed: number;
	rawFrames: { connectionClosed: number; connectionKept: number };
	forms: Record<string, number>;
	/** Everything below must be 0. */
	failures: {
		unanswered: number;
		badAck: number;
		unexpectedDisconnect: number;
		oversizedNotClosed: number;
		realGameCommanded: number;
		form5xx: number;
		serverDown: number;
	};
	/** A few failing cases, for the report. */
	samples: string[];
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);
/** The server's maxHttpBufferSize: a bigger message closes the connection. */
const MESSAGE_LIMIT = 64 * 1024;
/** Messages above this size are sent on a socket of their own. */
const BIG_MESSAGE = 32 * 1024;

/** Roughly the bytes socket.io puts on the wire for an event (binary parts counted raw). */
function encodedSize(event: string, args: unknown[]): number {
	let binary = 0;
	let text: string | undefined;
	try {
		text = JSON.stringify([event, ...args], (_key, value) => {
			if (ArrayBuffer.isView(value)) {
				binary += value.byteLength;
				return 0;
			}
			return value;
		});
	} catch {
		// Very deep nesting overflows the stack with a replacer: measure without it.
		text = JSON.stringify([event, ...args]);
	}
	return Buffer.byteLength(text ?? '') + binary;
}

type Outcome =
	| { type: 'ack'; value: unknown }
	| { type: 'timeout' }
	| { type: 'disconnected' }
	| { type: 'sent' }
	/** socket.io-client itself could not encode it (e.g. binary inside very deep nesting). */
	| { type: 'unsendable' };

function describe(c: FuzzCase): string {
	const text = JSON.stringify(c, (_k, v) =>
		typeof v === 'string' && v.length > 80
			? `${v.slice(0, 80)}…(${v.length})`
			: v instanceof Uint8Array
				? `<${v.length} bytes>`
				: v
	);
	return (text ?? String(c)).slice(0, 400);
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
	const { url, targets } = options;
	const ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
	const cases = fuzzCases(targets, options.count, options.seed);
	const total = cases.reduce((sum, c) => sum + payloadCount(c), 0);
	const summary: FuzzSummary = {
		seed: options.seed,
		payloads: total,
		cases: cases.length,
		byKind: { emit: 0, sequence: 0, raw: 0, form: 0 },
		answeredWithError: 0,
		accepted: {},
		errorCodes: {},
		sentWithoutAck: 0,
		unsendable: 0,
		oversizedClosed: 0,
		rawFrames: { connectionClosed: 0, connectionKept: 0 },
		forms: {},
		failures: {
			unanswered: 0,
			badAck: 0,
			unexpectedDisconnect: 0,
			oversizedNotClosed: 0,
			realGameCommanded: 0,
			form5xx: 0,
			serverDown: 0
		},
		samples: []
	};
	const fail = (key: keyof FuzzSummary['failures'], c: FuzzCase, detail = '') => {
		summary.failures[key]++;
		if (summary.samples.length < 20)
			summary.samples.push(`${key}${detail ? ` (${detail})` : ''}: ${describe(c)}`);
	};
	const bump = (record: Record<string, number>, key: string) => {
		record[key] = (record[key] ?? 0) + 1;
	};

	let nickCounter = 0;
	const open: Socket[] = [];
	async function newSocket(identity: Identity): Promise<Socket> {
		const socket = io(url, {
			path: '/socket.io',
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			extraHeaders: identity === 'host' ? { cookie: options.hostCookie } : {}
		});
		open.push(socket);
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', () => resolve());
			socket.once('connect_error', reject);
		});
		if (identity === 'host')
			await emit(socket, 'host:attach', [{ gameId: targets.fuzzGameId }], true);
		if (identity === 'player')
			await emit(
				socket,
				'player:join',
				[{ pin: targets.pin, nickname: `fz${++nickCounter}` }],
				true
			);
		return socket;
	}

	function emit(socket: Socket, event: string, args: unknown[], ack: boolean): Promise<Outcome> {
		try {
			if (!ack) {
				socket.emit(event, ...args);
				return Promise.resolve({ type: 'sent' });
			}
			return new Promise((resolve) => {
				socket.timeout(ackTimeoutMs).emit(event, ...args, (err: Error | null, value: unknown) => {
					if (!err) resolve({ type: 'ack', value });
					else resolve(socket.connected ? { type: 'timeout' } : { type: 'disconnected' });
				});
			});
		} catch {
			return Promise.resolve({ type: 'unsendable' });
		}
	}

	function judgeAck(c: FuzzCase, event: string, payload: unknown, outcome: Outcome): void {
		if (outcome.type === 'sent') {
			summary.sentWithoutAck++;
			return;
		}
		if (outcome.type === 'unsendable') {
			summary.unsendable++;
			return;
		}
		if (outcome.type === 'timeout') return fail('unanswered', c, event);
		if (outcome.type === 'disconnected') return fail('unexpectedDisconnect', c, event);
		const value = outcome.value as { ok?: unknown; error?: unknown } | null;
		if (!value || typeof value !== 'object' || typeof value.ok !== 'boolean')
			return fail('badAck', c, event);
		if (value.ok === false) {
			if (typeof value.error !== 'string' || !KNOWN_CODES.has(value.error))
				return fail('badAck', c, String(value.error));
			summary.answeredWithError++;
			bump(summary.errorCodes, value.error);
			return;
		}
		const gameId = (payload as { gameId?: unknown } | null)?.gameId;
		if (event.startsWith('host:') && gameId === targets.realGameId)
			return fail('realGameCommanded', c, event);
		bump(summary.accepted, event);
	}

	// Shared sockets per identity, replaced when the server closes one.
	const pools: Record<Identity, Socket[]> = { anon: [], host: [], player: [] };
	const sizes: Record<Identity, number> = { anon: 6, host: 3, player: 6 };
	for (const identity of Object.keys(pools) as Identity[]) {
		for (let i = 0; i < sizes[identity]; i++) pools[identity].push(await newSocket(identity));
	}
	let turn = 0;
	async function pooled(identity: Identity): Promise<Socket> {
		const pool = pools[identity];
		const i = turn++ % pool.length;
		if (!pool[i].connected) pool[i] = await newSocket(identity);
		return pool[i];
	}

	/**
	 * Sends one event and judges the outcome by its size: over the message limit the server must
	 * close the connection; under it, answer. Returns whether the socket is still usable.
	 */
	async function sendChecked(
		c: FuzzCase,
		socket: Socket,
		event: string,
		args: unknown[],
		ack: boolean
	): Promise<boolean> {
		if (encodedSize(event, args) <= MESSAGE_LIMIT) {
			judgeAck(c, event, args[0], await emit(socket, event, args, ack));
			return socket.connected;
		}
		const closed = new Promise<boolean>((resolve) => {
			const timer = setTimeout(() => resolve(false), 5000);
			socket.once('disconnect', () => {
				clearTimeout(timer);
				resolve(true);
			});
		});
		void emit(socket, event, args, ack);
		if (await closed) summary.oversizedClosed++;
		else fail('oversizedNotClosed', c, event);
		return false;
	}

	async function runCase(c: FuzzCase): Promise<void> {
		summary.byKind[c.kind]++;
		switch (c.kind) {
			case 'emit': {
				if (c.oversized || encodedSize(c.event, c.args) > BIG_MESSAGE) {
					// Near or over the server's message limit: on a socket of its own, so that a close
					// does not take other cases' acknowledgements down with it.
					const socket = await newSocket(c.identity === 'host' ? 'host' : 'anon');
					await sendChecked(c, socket, c.event, c.args, c.ack && isKnown(c.event));
					socket.close();
					return;
				}
				const socket = await pooled(c.identity);
				judgeAck(
					c,
					c.event,
					c.args[0],
					await emit(socket, c.event, c.args, c.ack && isKnown(c.event))
				);
				return;
			}
			case 'sequence': {
				const socket = await newSocket('anon');
				for (const step of c.steps) {
					if (!(await sendChecked(c, socket, step.event, [step.payload], true))) break;
				}
				socket.close();
				return;
			}
			case 'raw':
				return rawFrames(c);
			case 'form':
				return formPost(c);
		}
	}

	async function rawFrames(c: Extract<FuzzCase, { kind: 'raw' }>): Promise<void> {
		const wsUrl = url.replace(/^http/, 'ws') + '/socket.io/?EIO=4&transport=websocket';
		const ws = new WebSocket(wsUrl);
		let closed = false;
		ws.on('close', () => (closed = true));
		ws.on('error', () => (closed = true));
		await new Promise<void>((resolve) => {
			ws.once('message', () => resolve()); // engine.io open packet
			ws.once('close', () => resolve());
		});
		if (!closed) {
			ws.send('40');
			for (const frame of c.frames) if (!closed) ws.send(frame);
			await new Promise((r) => setTimeout(r, 150));
		}
		if (closed) summary.rawFrames.connectionClosed += c.frames.length;
		else summary.rawFrames.connectionKept += c.frames.length;
		ws.terminate();
	}

	async function formPost(c: Extract<FuzzCase, { kind: 'form' }>): Promise<void> {
		const headers: Record<string, string> =
			c.method === 'POST'
				? { accept: 'application/json', 'x-sveltekit-action': 'true' }
				: { accept: 'text/html' };
		if (c.contentType) headers['content-type'] = c.contentType;
		if (c.origin === 'same') headers.origin = url;
		if (c.origin === 'foreign') headers.origin = 'http://evil.example';
		try {
			const res = await fetch(url + c.path, {
				method: c.method,
				headers,
				body: c.method === 'POST' ? (c.body as unknown as BodyInit) : undefined,
				redirect: 'manual'
			});
			await res.arrayBuffer();
			bump(summary.forms, `${c.method} ${res.status}`);
			if (res.status >= 500) fail('form5xx', c, String(res.status));
		} catch (err) {
			fail('form5xx', c, String(err));
		}
	}

	let done = 0;
	let next = 0;
	const lanes = Array.from({ length: options.concurrency ?? 32 }, async () => {
		while (next < cases.length) {
			const c = cases[next++];
			await runCase(c);
			done += payloadCount(c);
			if (done % 500 < payloadCount(c)) options.onProgress?.(done, total);
		}
	});
	await Promise.all(lanes);

	// Still up? A fresh socket must get the server clock.
	try {
		const probe = await newSocket('anon');
		const outcome = await emit(probe, 'time:sync', [], true);
		if (outcome.type !== 'ack' || (outcome.value as { ok?: boolean }).ok !== true)
			summary.failures.serverDown++;
	} catch {
		summary.failures.serverDown++;
	}
	for (const socket of open) socket.close();
	return summary;
}

const KNOWN = new Set([
	'ping',
	'time:sync',
	'player:join',
	'player:rejoin',
	'answer:submit',
	'host:attach',
	'host:command'
]);
/** Unknown events have no handler: socket.io drops them, so no acknowledgement is asked for. */
function isKnown(event: string): boolean {
	return KNOWN.has(event);
}

/** Total of the failure counters. */
export function failureCount(summary: FuzzSummary): number {
	return Object.values(summary.failures).reduce((a, b) => a + b, 0);
}
