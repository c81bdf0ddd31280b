/**
 * An HTTP fast path for the three answer endpoints, which take the spike at the end of a round.
 * Through SvelteKit a JSON request costs about half a millisecond of CPU before our code runs
 * (Request/Response objects, the locale middleware's request clone, streamed response writes);
 * here the same endpoint functions (answer-endpoints.ts) answer from Node's request directly,
 * with one write. Attached like socket.io attaches: the server's request listeners are wrapped,
 * and everything the fast path does not recognise — another path, another method, a body that is
 * not JSON, a cross-origin request — goes to them unchanged, so SvelteKit's own endpoints decide.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Db } from '../db';
import { readCookie } from '../auth/session';
import { nodeClientAddress } from '../client-address';
import { config } from '../config';
import { PLAYER_COOKIE } from './identity';
import {
	contestAnswerEndpoint,
	contestSubmitEndpoint,
	practiceAnswerEndpoint,
	type EndpointReply
} from './answer-endpoints';

const MAX_BODY = 16_384;
const LOCALE_COOKIE = 'PARAGLIDE_LOCALE';
const ATTACHED = Symbol.for('chuongvang.practiceFastPath');

interface EndpointInput {
	token: string | undefined;
	param: string;
	address: string;
	body: unknown;
	now: number;
	locale: 'vi' | 'en';
}
type Endpoint = (db: Db, input: EndpointInput) => Promise<EndpointReply>;
/** Practice sessions are named by number; contest attempts by their random public id. */
const ROUTES: Array<[RegExp, Endpoint]> = [
	[
		/^\/api\/practice\/sessions\/(\d{1,12})\/answers$/,
		(db, { param, ...rest }) => practiceAnswerEndpoint(db, { ...rest, id: Number(param) })
	],
	[
		/^\/api\/contests\/attempts\/([A-Za-z0-9_-]{16,64})\/answers$/,
		(db, { param, ...rest }) => contestAnswerEndpoint(db, { ...rest, attempt: param })
	],
	[
		/^\/api\/contests\/attempts\/([A-Za-z0-9_-]{16,64})\/submit$/,
		(db, { param, ...rest }) => contestSubmitEndpoint(db, { ...rest, attempt: param })
	]
];

/** Headers every response of the app carries (hooks.server.ts sets them on SvelteKit's). */
const HEADERS = {
	'content-type': 'application/json',
	'cache-control': 'no-store',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()'
};

export interface FastPathDeps {
	db: Db;
	now?: () => number;
}

/** The endpoint and id for a request the fast path takes, or null to pass it on. */
export function matchFastRoute(req: Pick<IncomingMessage, 'method' | 'url' | 'headers'>) {
	if (req.method !== 'POST' || !req.url) return null;
	if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return null;
	// Same-origin only (a cross-origin page cannot send JSON without a preflight anyway).
	const origin = req.headers.origin;
	if (origin) {
		try {
			if (new URL(origin).host !== req.headers.host) return null;
		} catch {
			return null;
		}
	}
	const path = req.url.split('?', 1)[0];
	for (const [pattern, endpoint] of ROUTES) {
		const match = pattern.exec(path);
		if (match) return { endpoint, param: match[1] };
	}
	return null;
}

function send(res: ServerResponse, reply: EndpointReply): void {
	const body = JSON.stringify(reply.payload);
	res.writeHead(reply.status, {
		...HEADERS,
		'content-length': Buffer.byteLength(body),
		...(reply.retryAfterSec ? { 'retry-after': String(reply.retryAfterSec) } : {})
	});
	res.end(body);
}

function readBody(req: IncomingMessage): Promise<unknown> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_BODY) chunks.push(chunk);
		});
		req.on('end', () => {
			if (size > MAX_BODY) return resolve(undefined);
			try {
				resolve(size === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8')));
			} catch {
				resolve(undefined);
			}
		});
		req.on('error', () => resolve(undefined));
	});
}

async function handle(
	route: { endpoint: Endpoint; param: string },
	req: IncomingMessage,
	res: ServerResponse,
	deps: FastPathDeps
): Promise<void> {
	try {
		const body = await readBody(req);
		const cookies = req.headers.cookie;
		const locale = readCookie(cookies, LOCALE_COOKIE) === 'en' ? 'en' : 'vi';
		const reply = await route.endpoint(deps.db, {
			token: readCookie(cookies, PLAYER_COOKIE),
			param: route.param,
			// The same client address as every other limiter (TRUST_PROXY, ADDRESS_HEADER, XFF_DEPTH).
			address: nodeClientAddress(req, config().address),
			body,
			now: (deps.now ?? Date.now)(),
			locale
		});
		send(res, reply);
	} catch (err) {
		console.error('practice fast path:', err);
		if (!res.headersSent) {
			send(res, {
				status: 500,
				payload: { ok: false, error: 'internal', message: 'Internal Error' }
			});
		}
	}
}

/** Put the fast path in front of the server's request listeners (once per server). */
export function attachAnswerFastPath(server: HttpServer, deps: FastPathDeps): void {
	const flagged = server as unknown as Record<symbol, boolean>;
	if (flagged[ATTACHED]) return;
	flagged[ATTACHED] = true;
	const listeners = server.listeners('request') as Array<
		(req: IncomingMessage, res: ServerResponse) => void
	>;
	server.removeAllListeners('request');
	server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		const route = matchFastRoute(req);
		if (route) {
			void handle(route, req, res, deps);
			return;
		}
		for (const listener of listeners) listener.call(server, req, res);
	});
}
