/**
 * The fuzzer's inputs (fast-check arbitraries): for every socket event, payloads that are almost
 * valid (one field mutated, removed or added), wrongly typed, oversized, deeply nested or binary;
 * unknown event names; events sent in the wrong order (answer before join, command before attach);
 * raw engine.io/socket.io frames that do not parse; and malformed form posts (login, join).
 */
import fc from 'fast-check';

/** What the fuzzer needs to know about the world to aim close to valid input. */
export interface FuzzTargets {
	/** The fuzz game's PIN (joins may succeed there; the real game's PIN is never used). */
	pin: string;
	/** The fuzz game (its host is the `host` identity). */
	fuzzGameId: number;
	/** The real game played beside the fuzzer (nobody but its own host may command it). */
	realGameId: number;
	/**
	 * Forms to send: POST bodies to form actions (login), GET queries to pages that read their
	 * input from the URL (the join page: `/join?pin=` and `/join/<pin>`); `{value}` in a path is
	 * replaced by a fuzzed value.
	 */
	forms: Array<{ method: 'POST' | 'GET'; path: string; fields: string[] }>;
}

/** Who sends a socket payload: a phone that never joined, the fuzz game's host, a joined phone. */
export type Identity = 'anon' | 'host' | 'player';

export type FuzzCase =
	| {
			kind: 'emit';
			identity: Identity;
			event: string;
			args: unknown[];
			/** Whether an acknowledgement callback is passed (an answer is expected only then). */
			ack: boolean;
			/** Larger than the server's 64 KB message limit: the server closes the connection. */
			oversized: boolean;
	  }
	/** A fresh anonymous socket sends these events in this order (each counts as one payload). */
	| { kind: 'sequence'; steps: Array<{ event: string; payload: unknown }> }
	/** Raw websocket frames after the namespace handshake. */
	| { kind: 'raw'; frames: Array<string | Uint8Array> }
	| {
			kind: 'form';
			method: 'POST' | 'GET';
			path: string;
			contentType: string | null;
			body: string | Uint8Array;
			/** Send a same-origin Origin header (else none, or a foreign one). */
			origin: 'same' | 'none' | 'foreign';
	  };

export const KNOWN_EVENTS = [
	'ping',
	'time:sync',
	'player:join',
	'player:rejoin',
	'answer:submit',
	'host:attach',
	'host:command'
] as const;

const MESSAGE_LIMIT = 64 * 1024;

const nasty = fc.constantFrom<unknown>(
	'',
	' ',
	'\u200b',
	'\u0000',
	'\ud800',
	'‮evil',
	'<script>alert(1)</script>',
	"'; DROP TABLE answer; --",
	'../../etc/passwd',
	'__proto__',
	'constructor',
	'Nguyễn Văn Tèo',
	'🙂'.repeat(25),
	'x'.repeat(41),
	NaN,
	Infinity,
	-Infinity,
	-0,
	1e308,
	Number.MAX_SAFE_INTEGER + 2,
	-1,
	0.5,
	true,
	false,
	null,
	[],
	{},
	[[[[[]]]]],
	JSON.parse('{"__proto__":{"polluted":true}}'),
	{ constructor: { prototype: { polluted: true } } },
	{ toString: 'x', valueOf: 1 }
);

const nested = fc.integer({ min: 50, max: 1000 }).map((depth) => {
	let value: unknown = 1;
	for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
	return value;
});

const wide = fc.integer({ min: 100, max: 5000 }).map((n) => {
	const out: Record<string, number> = {};
	for (let i = 0; i < n; i++) out[`k${i}`] = i;
	return out;
});

/** Anything socket.io can serialize, binary included. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
	{ weight: 4, arbitrary: nasty },
	{
		weight: 4,
		arbitrary: fc.anything({
			maxDepth: 3,
			withTypedArray: true,
			withSparseArray: true,
			withNullPrototype: true,
			withBoxedValues: true,
			withDate: true,
			withMap: true,
			withSet: true
		})
	},
	{ weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
	{ weight: 1, arbitrary: fc.double() },
	{ weight: 1, arbitrary: nested },
	{ weight: 1, arbitrary: wide },
	{ weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }) }
);

const nickname = fc.oneof(
	fc.string({ maxLength: 45 }),
	fc.string({ unit: 'binary', maxLength: 45 }),
	fc.constantFrom('Tèo', 'Máy 1', '  ', 'admin', 'đ'.repeat(20), 'đ'.repeat(21), '🙂'.repeat(11))
);
const pinLike = (pin: string) =>
	fc.oneof(fc.constant(pin), fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^\d{0,8}$/), garbage);
const token = fc.oneof(fc.stringMatching(/^[a-z2-7]{32}$/), fc.string({ maxLength: 64 }), garbage);
const smallInt = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.integer(), fc.double(), garbage);

const answerValue = fc.oneof(
	fc.record({ type: fc.constant('single'), choice: smallInt }),
	fc.record({
		type: fc.constant('multiple'),
		choices: fc.oneof(fc.array(smallInt, { maxLength: 15 }), garbage)
	}),
	fc.record({ type: fc.constant('truefalse'), value: fc.oneof(fc.boolean(), garbage) }),
	fc.record({
		type: fc.constant('typeanswer'),
		text: fc.oneof(fc.string({ maxLength: 250 }), garbage)
	}),
	fc.record({ type: fc.constant('numeric'), value: fc.oneof(fc.double(), garbage) }),
	fc.record({
		type: fc.constant('ordering'),
		order: fc.oneof(fc.array(smallInt, { maxLength: 15 }), garbage)
	}),
	fc.record({ type: fc.oneof(fc.string({ maxLength: 12 }), garbage), value: garbage })
);

const gameIdLike = (t: FuzzTargets) =>
	fc.oneof(
		fc.constant(t.realGameId),
		fc.constant(t.fuzzGameId),
		fc.integer({ min: -2, max: 1_000_000 }),
		fc.double(),
		fc.string({ maxLength: 12 }),
		garbage
	);

const HOST_COMMANDS = [
	'start',
	'next',
	'skip',
	'pause',
	'resume',
	'addTime',
	'close',
	'showLeaderboard',
	'end',
	'kick',
	'lock',
	'unlock',
	'rescue',
	'markFinal',
	'startTieBreak'
] as const;

const hostCommand = fc.oneof(
	fc.record(
		{
			type: fc.oneof(fc.constantFrom(...HOST_COMMANDS), fc.string({ maxLength: 15 }), garbage),
			seconds: smallInt,
			playerId: fc.oneof(fc.string({ maxLength: 140 }), garbage),
			variant: fc.oneof(fc.constantFrom('all', 'count', 'question'), garbage),
			count: smallInt,
			by: fc.oneof(fc.constantFrom('recent', 'best'), garbage),
			questionIndex: smallInt
		},
		{ requiredKeys: ['type'] }
	),
	garbage
);

/** Close-to-valid payloads per event. */
function nearlyValid(t: FuzzTargets): Record<(typeof KNOWN_EVENTS)[number], fc.Arbitrary<unknown>> {
	return {
		ping: fc.oneof(fc.record({ echo: fc.oneof(fc.string({ maxLength: 120 }), garbage) }), garbage),
		'time:sync': garbage,
		'player:join': fc.record(
			{
				pin: pinLike(t.pin),
				nickname,
				team: fc.oneof(fc.constant(null), fc.string({ maxLength: 70 }), garbage),
				hidden: fc.oneof(
					fc.record(
						{
							fullName: fc.oneof(fc.string({ maxLength: 120 }), garbage),
							unit: fc.oneof(fc.string({ maxLength: 120 }), garbage),
							phone: fc.oneof(fc.string({ maxLength: 120 }), garbage),
							extra: garbage
						},
						{ requiredKeys: [] }
					),
					garbage
				)
			},
			{ requiredKeys: ['pin', 'nickname'] }
		),
		'player:rejoin': fc.record(
			{ pin: pinLike(t.pin), playerToken: token, nickname: fc.oneof(nickname, garbage) },
			{ requiredKeys: ['pin', 'playerToken'] }
		),
		'answer:submit': fc.record(
			{
				questionIndex: fc.oneof(
					fc.integer({ min: -2, max: 12 }),
					fc.integer({ min: 9_990, max: 10_010 }),
					garbage
				),
				answer: fc.oneof(answerValue, garbage)
			},
			{ requiredKeys: [] }
		),
		'host:attach': fc.oneof(fc.record({ gameId: gameIdLike(t) }), garbage),
		'host:command': fc.oneof(
			fc.record({ gameId: gameIdLike(t), command: hostCommand }, { requiredKeys: [] }),
			garbage
		)
	};
}

/** Replaces, removes or adds one key at the top of an object; wraps non-objects. */
function mutate(value: unknown, how: number, replacement: unknown, key: string): unknown {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return how % 2 ? [value, replacement] : value;
	}
	const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
	const keys = Object.keys(copy);
	switch (how % 4) {
		case 0:
			return copy;
		case 1:
			if (keys.length) copy[keys[how % keys.length]] = replacement;
			return copy;
		case 2:
			if (keys.length) delete copy[keys[how % keys.length]];
			return copy;
		default:
			copy[key] = replacement;
			return copy;
	}
}

const oversizedString = fc
	.integer({ min: MESSAGE_LIMIT + 1024, max: MESSAGE_LIMIT * 4 })
	.map((n) => 'x'.repeat(n));

function emitCase(t: FuzzTargets): fc.Arbitrary<FuzzCase> {
	const valid = nearlyValid(t);
	const known = fc.constantFrom(...KNOWN_EVENTS).chain((event) =>
		fc
			.record({
				identity: fc.constantFrom<Identity>('anon', 'host', 'player'),
				payload: fc
					.tuple(valid[event], fc.nat(), garbage, fc.string({ maxLength: 10 }))
					.map(([v, how, r, key]) => mutate(v, how, r, key)),
				extra: fc.oneof(
					{ weight: 9, arbitrary: fc.constant<unknown[]>([]) },
					{ weight: 1, arbitrary: fc.array(garbage, { minLength: 1, maxLength: 3 }) }
				),
				missingPayload: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
				ack: fc.oneof(
					{ weight: 19, arbitrary: fc.constant(true) },
					{ weight: 1, arbitrary: fc.constant(false) }
				)
			})
			.map(({ identity, payload, extra, missingPayload, ack }): FuzzCase => ({
				kind: 'emit',
				identity,
				event,
				args: missingPayload ? [] : [payload, ...extra],
				ack,
				oversized: false
			}))
	);
	const unknown = fc
		.record({
			identity: fc.constantFrom<Identity>('anon', 'host', 'player'),
			event: fc.oneof(
				fc.string({ minLength: 1, maxLength: 40 }),
				fc.constantFrom(
					'__proto__',
					'constructor',
					'toString',
					'hasOwnProperty',
					'player:joinx',
					'host:',
					'admin:drop'
				)
			),
			payload: garbage
		})
		.filter(
			({ event }) => !(KNOWN_EVENTS as readonly string[]).includes(event) && !RESERVED.has(event)
		)
		.map(({ identity, event, payload }): FuzzCase => ({
			kind: 'emit',
			identity,
			event,
			args: [payload],
			ack: false,
			oversized: false
		}));
	const oversized = fc
		.record({
			identity: fc.constantFrom<Identity>('anon', 'host', 'player'),
			event: fc.constantFrom(...KNOWN_EVENTS),
			big: oversizedString
		})
		.map(({ identity, event, big }): FuzzCase => ({
			kind: 'emit',
			identity,
			event,
			args: [{ pin: big, nickname: big, answer: big, command: big }],
			ack: true,
			oversized: true
		}));
	return fc.oneof(
		{ weight: 80, arbitrary: known },
		{ weight: 4, arbitrary: unknown },
		{ weight: 1, arbitrary: oversized }
	);
}

/** Socket.io-client refuses to emit these itself; they are sent as raw frames instead. */
const RESERVED = new Set([
	'connect',
	'connect_error',
	'disconnect',
	'disconnecting',
	'newListener',
	'removeListener'
]);

function sequenceCase(t: FuzzTargets): fc.Arbitrary<FuzzCase> {
	const valid = nearlyValid(t);
	const step = fc
		.constantFrom(...KNOWN_EVENTS)
		.chain((event) => valid[event].map((payload) => ({ event: event as string, payload })));
	// Out of order: answering, rejoining or commanding before joining/attaching, joining twice…
	const scripted = fc.constantFrom<Array<{ event: string; payload: unknown }>>(
		[
			{
				event: 'answer:submit',
				payload: { questionIndex: 0, answer: { type: 'single', choice: 0 } }
			}
		],
		[{ event: 'host:command', payload: { gameId: t.realGameId, command: { type: 'next' } } }],
		[{ event: 'host:command', payload: { gameId: t.fuzzGameId, command: { type: 'end' } } }],
		[
			{ event: 'player:rejoin', payload: { pin: t.pin, playerToken: 'a'.repeat(32) } },
			{
				event: 'answer:submit',
				payload: { questionIndex: 0, answer: { type: 'single', choice: 1 } }
			}
		],
		[
			{ event: 'host:attach', payload: { gameId: t.realGameId } },
			{ event: 'host:command', payload: { gameId: t.realGameId, command: { type: 'end' } } }
		]
	);
	return fc
		.oneof(scripted, fc.array(step, { minLength: 2, maxLength: 5 }))
		.map((steps): FuzzCase => ({ kind: 'sequence', steps }));
}

const rawFrame: fc.Arbitrary<string | Uint8Array> = fc.oneof(
	fc.constantFrom(
		'42["disconnect"]',
		'42["connect",{}]',
		'42["__proto__",{"a":1}]',
		'42[',
		'42{"a":1}',
		'42["player:join",',
		'42[1,2,3]',
		'42[null]',
		'420["player:join",{"pin":"000000","nickname":"x"}]',
		'43999["x"]',
		'451-["player:join",{"_placeholder":true,"num":0}]',
		'459999999-["x"]',
		'44"nope"',
		'41',
		'40/admin,',
		'40/nope,{"token":1}',
		'49',
		'4',
		'5',
		'6',
		'2probe',
		'3',
		'0',
		'1',
		'9',
		''
	),
	fc.string({ maxLength: 200 }).map((s) => '42' + s),
	fc.string({ unit: 'binary', maxLength: 200 }),
	fc.uint8Array({ maxLength: 500 })
);

const rawCase: fc.Arbitrary<FuzzCase> = fc
	.array(rawFrame, { minLength: 1, maxLength: 4 })
	.map((frames) => ({ kind: 'raw', frames }));

function formCase(t: FuzzTargets): fc.Arbitrary<FuzzCase> {
	if (t.forms.length === 0) return rawCase;
	return fc
		.record({
			form: fc.constantFrom(...t.forms),
			values: fc.array(
				fc.oneof(
					fc.string({ maxLength: 200 }),
					fc.string({ unit: 'binary', maxLength: 200 }),
					fc.constant('x'.repeat(20_000))
				),
				{
					minLength: 0,
					maxLength: 5
				}
			),
			extraKey: fc.string({ maxLength: 20 }),
			encoding: fc.constantFrom('urlencoded', 'multipart', 'json', 'text', 'none', 'binary'),
			origin: fc.constantFrom<'same' | 'none' | 'foreign'>(
				'same',
				'same',
				'same',
				'none',
				'foreign'
			)
		})
		.map(({ form, values, extraKey, encoding, origin }): FuzzCase => {
			if (form.method === 'GET') {
				const value = encodeURIComponent(values[0] ?? '');
				const query = new URLSearchParams(
					form.fields.map((f, i) => [f, values[i] ?? ''])
				).toString();
				const path = form.path.replace('{value}', value);
				return {
					kind: 'form',
					method: 'GET',
					path: query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path,
					contentType: null,
					body: '',
					origin
				};
			}
			const fields: Array<[string, string]> = form.fields.map((f, i) => [f, values[i] ?? '']);
			if (values.length > form.fields.length)
				fields.push([extraKey || 'extra', values[values.length - 1]]);
			let body: string | Uint8Array;
			let contentType: string | null;
			switch (encoding) {
				case 'urlencoded':
					body = new URLSearchParams(fields).toString();
					contentType = 'application/x-www-form-urlencoded';
					break;
				case 'multipart': {
					const boundary = 'fuzzboundary';
					body =
						fields
							.map(
								([k, v]) =>
									`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`
							)
							.join('') + (values.length % 2 ? '' : `--${boundary}--\r\n`); // sometimes unterminated
					contentType = `multipart/form-data; boundary=${boundary}`;
					break;
				}
				case 'json':
					body = JSON.stringify(Object.fromEntries(fields));
					contentType = 'application/json';
					break;
				case 'text':
					body = fields.map(([k, v]) => `${k}=${v}`).join('\n');
					contentType = 'text/plain';
					break;
				case 'binary':
					body = new TextEncoder().encode(values.join('\u0000'));
					contentType = 'application/octet-stream';
					break;
				default:
					// No content type at all (a string body would get text/plain from fetch).
					body = new TextEncoder().encode(new URLSearchParams(fields).toString());
					contentType = null;
			}
			return { kind: 'form', method: 'POST', path: form.path, contentType, body, origin };
		});
}

/** The fuzz cases, in a repeatable order for a seed. */
export function fuzzCases(targets: FuzzTargets, count: number, seed: number): FuzzCase[] {
	const arbitrary = fc.oneof(
		{ weight: 85, arbitrary: emitCase(targets) },
		{ weight: 5, arbitrary: sequenceCase(targets) },
		{ weight: 4, arbitrary: rawCase },
		{ weight: 6, arbitrary: formCase(targets) }
	);
	const out: FuzzCase[] = [];
	let payloads = 0;
	// Sequences and raw cases carry several payloads: draw until `count` payloads in all.
	for (const c of fc.sample(arbitrary, { numRuns: count, seed })) {
		out.push(c);
		payloads += c.kind === 'sequence' ? c.steps.length : c.kind === 'raw' ? c.frames.length : 1;
		if (payloads >= count) break;
	}
	return out;
}

/** How many payloads a case carries. */
export function payloadCount(c: FuzzCase): number {
	return c.kind === 'sequence' ? c.steps.length : c.kind === 'raw' ? c.frames.length : 1;
}
