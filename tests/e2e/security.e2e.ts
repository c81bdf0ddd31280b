import { test, expect } from '@playwright/test';
import { login, makeUser, PASSWORD } from './helpers';

const TRUNCATED = '------cv\r\nContent-Disposition: form-data; name="username"\r\n\r\nlan';
const MULTIPART = 'multipart/form-data; boundary=----cv';

test('finding 10: logging in with a crafted next= never leaves the site', async ({
	page,
	baseURL
}) => {
	const { username } = await makeUser('demo', 'organizer');
	const origin = new URL(baseURL!).origin;
	// As an attacker writes them in a link (the first decodes to /\evil.example).
	for (const next of ['/%5Cevil.example', '//evil.example', 'https://evil.example/org']) {
		await page.context().clearCookies();
		await page.goto(`/login?next=${next}`);
		await page.getByLabel('Tên đăng nhập').fill(username);
		await page.getByLabel('Mật khẩu').fill(PASSWORD);
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		expect(new URL(page.url()).origin).toBe(origin);
		// Already logged in: the login page redirects at once, again only on this site.
		await page.goto(`/login?next=${next}`);
		expect(new URL(page.url()).origin).toBe(origin);
	}
});

test('finding 13: a truncated multipart body gets 400 with a message, not a server error', async ({
	page,
	baseURL
}) => {
	const { username } = await makeUser('demo', 'admin');
	await login(page, username);
	for (const path of ['/login', '/me/login', '/org/users?/create', '/org/quizzes?/create']) {
		const res = await page.request.post(path, {
			data: TRUNCATED,
			headers: { 'content-type': MULTIPART, origin: baseURL!, accept: 'text/html' }
		});
		expect(res.status(), path).toBe(400);
		expect(await res.text(), path).toContain('Không đọc được dữ liệu gửi lên');
	}
});

test('finding 14: a big body is refused on ordinary forms but accepted by the upload pages', async ({
	page,
	baseURL
}) => {
	const big = `username=x&password=${'a'.repeat(200 * 1024)}`;
	const refused = await page.request.post('/login', {
		data: big,
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseURL! }
	});
	expect(refused.status()).toBe(413);
	expect(await refused.text()).toContain('Dữ liệu gửi lên quá lớn (tối đa 64 KB)');

	const { username } = await makeUser('demo', 'organizer');
	await login(page, username);
	// A 2 MB file on the import page passes the size limits and reaches the importer.
	const res = await page.request.post('/org/banks/import?/preview', {
		multipart: {
			file: {
				name: 'ngan-hang.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from(`Câu hỏi?\nA. Có\nB. Không\nANSWER: A\n\n`.repeat(50_000))
			}
		},
		headers: { origin: baseURL! },
		maxRedirects: 0
	});
	expect(res.status()).not.toBe(413);
	expect(res.status()).toBeLessThan(500);
});
