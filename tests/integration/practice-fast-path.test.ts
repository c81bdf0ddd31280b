import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeWorld, type World } from './practice-fixtures';
import {
	createGuest,
	createParticipantSession
} from '../../src/lib/server/db/queries/participants';
import { generateToken, hashToken } from '../../src/lib/server/auth/session';
import { startBankSession } from '../../src/lib/server/practice/sessions';
import { attachAnswerFastPath } from '../../src/lib/server/practice/fast-path';

let w: World;
let server: http.Server;
let base = '';
let cookie = '';
let session: { id: number; questionIds: number[] };

beforeAll(async () => {
	w = makeWorld();
	const guest = createGuest(w.db, 'Nhanh');
	const token = generateToken();
	createParticipantSession(w.db, hashToken(token), guest.id);
	cookie = `cv_player=${token}`;
	const started = startBankSession(w.db, guest.id, w.bankA, Date.now(), 3);
	if (!started.ok) throw new Error(started.error);
	session = started.session;
	// The stand-in for SvelteKit: whatever the fast path passes on lands here.
	server = http.createServer((_req, res) => {
		res.writeHead(299, { 'content-type': 'text/plain' });
		res.end('sveltekit');
	});
	attachAnswerFastPath(server, { db: w.db });
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
	return fetch(base + path, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie, ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

describe('the answer fast path', () => {
	it('answers a practice question like the endpoint does, with the security headers', async () => {
		const res = await post(`/api/practice/sessions/${session.id}/answers`, {
			questionId: session.questionIds[0],
			answer: { type: 'single', choice: 0 }
		});
		expect(res.status).toBe(200);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('cache-control')).toBe('no-store');
		const json = await res.json();
		expect(json).toMatchObject({ ok: true, data: { correct: true, answered: 1 } });
		expect(json.data.reveal.citation.document).toBe('Bộ luật Lao động 2019');
		expect(json.data.next.id).toBe(session.questionIds[1]);
	});

	it('refuses a forged question in Vietnamese, or in English when the locale cookie says so', async () => {
		const path = `/api/practice/sessions/${session.id}/answers`;
		const forged = { questionId: 999_999, answer: { type: 'single', choice: 0 } };
		const vi = await post(path, forged);
		expect(vi.status).toBe(400);
		expect((await vi.json()).message).toMatch(/không thuộc buổi luyện tập/);
		const en = await post(path, forged, { cookie: `${cookie}; PARAGLIDE_LOCALE=en` });
		expect((await en.json()).message).toMatch(/not part of this session/);
		const malformed = await post(path, '{"questionId":');
		expect(await malformed.json()).toMatchObject({ ok: false, error: 'bad_answer' });
	});

	it('does not know a stranger’s session', async () => {
		const res = await post(
			`/api/practice/sessions/${session.id}/answers`,
			{ questionId: session.questionIds[1], answer: { type: 'single', choice: 0 } },
			{ cookie: 'cv_player=not-a-token' }
		);
		expect(res.status).toBe(404);
	});

	it.each([
		['another path', '/api/practice/sessions/1', {}],
		[
			'a form post',
			'/api/practice/sessions/1/answers',
			{ 'content-type': 'application/x-www-form-urlencoded' }
		],
		[
			'a cross-origin request',
			'/api/practice/sessions/1/answers',
			{ origin: 'https://evil.example' }
		]
	])('passes %s on to SvelteKit', async (_name, path, headers) => {
		const res = await post(path, {}, headers);
		expect(res.status).toBe(299);
		expect(await res.text()).toBe('sveltekit');
	});
});
