import { test, expect } from '@playwright/test';
import { io as connect, type Socket } from 'socket.io-client';
import { login, makeUser } from './helpers';

// The production entry (server.js) serves SvelteKit and socket.io on one port.
function open(baseURL: string, cookie?: string): Promise<Socket> {
	const socket = connect(baseURL, {
		path: '/socket.io',
		transports: ['websocket'],
		extraHeaders: cookie ? { cookie } : {},
		reconnection: false
	});
	return new Promise((resolve, reject) => {
		socket.on('connect', () => resolve(socket));
		socket.on('connect_error', reject);
	});
}
function ping(
	socket: Socket
): Promise<{ ok: boolean; error?: string; data?: { username: string; organizationSlug: string } }> {
	return new Promise((resolve) => socket.emit('ping', { echo: 'xin chào' }, resolve));
}

test('the socket handshake knows a logged-in user from the session cookie', async ({
	page,
	baseURL
}) => {
	const { username } = await makeUser('demo', 'host');
	await login(page, username);
	const cookies = await page.context().cookies();
	const session = cookies.find((c) => c.name === 'cv_session')!;
	expect(session.httpOnly).toBe(true);
	expect(session.sameSite).toBe('Lax');

	const socket = await open(baseURL!, `cv_session=${session.value}`);
	expect(await ping(socket)).toMatchObject({
		ok: true,
		data: { username, organizationSlug: 'demo', echo: 'xin chào' }
	});
	socket.close();
});

test('an anonymous socket and a forged cookie are not authenticated', async ({ baseURL }) => {
	const anon = await open(baseURL!);
	expect(await ping(anon)).toEqual({ ok: false, error: 'UNAUTHENTICATED' });
	anon.close();

	const forged = await open(baseURL!, 'cv_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
	expect(await ping(forged)).toEqual({ ok: false, error: 'UNAUTHENTICATED' });
	forged.close();
});

test('pages carry the security headers', async ({ request }) => {
	const res = await request.get('/login');
	const headers = res.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self' 'nonce-");
	expect(headers['x-frame-options']).toBe('DENY');
});

test('a form posted from another origin is refused (CSRF)', async ({ request }) => {
	const res = await request.post('/login', {
		form: { username: 'x', password: 'y' },
		headers: { origin: 'http://evil.example' }
	});
	expect(res.status()).toBe(403);
});

test('a post whose body is not form data is refused cleanly, not with a server error', async ({
	request,
	baseURL
}) => {
	// Same-origin (a cross-origin one is already refused by the CSRF check, see above).
	const res = await request.post('/login', {
		data: 'username=x&password=y',
		headers: { 'content-type': 'text/plain', origin: baseURL! }
	});
	expect(res.status()).toBe(415);
});
