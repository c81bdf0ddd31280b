/**
 * Bodies an action cannot read: a truncated or malformed multipart upload, and a body over its
 * route's limit. Every action answers them with 400/413 and a message, never a 500.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import type { AppContext } from '../../src/lib/server/app';
import { testApp } from '../../src/lib/server/app-testing';
import { freshDb } from '../../src/lib/server/db/queries/testing';
import type { SessionUser } from '../../src/lib/server/auth/session';
import {
	bodyLimitFor,
	limitBody,
	PUBLIC_BODY_LIMIT,
	STAFF_BODY_LIMIT,
	UPLOAD_BODY_LIMIT
} from '../../src/lib/server/body-limit';
import { readForm } from '../../src/lib/server/read-form';
import { GuestBody, readJson } from '../../src/lib/server/practice/api';
import { actions as login } from '../../src/routes/(site)/login/+page.server';
import { actions as meLogin } from '../../src/routes/(site)/me/login/+page.server';
import { actions as account } from '../../src/routes/(site)/account/+page.server';
import { actions as users } from '../../src/routes/(site)/org/users/+page.server';
import { actions as quizzes } from '../../src/routes/(site)/org/quizzes/+page.server';
import { actions as newBank } from '../../src/routes/(site)/org/banks/new/+page.server';
import { actions as contests } from '../../src/routes/(site)/org/contests/+page.server';
import { actions as events } from '../../src/routes/(site)/org/events/new/+page.server';
import { actions as organizations } from '../../src/routes/(site)/admin/organizations/+page.server';

let orgA: number;
let app: AppContext;
beforeEach(async () => {
	const fresh = await freshDb();
	orgA = fresh.orgA;
	app = await testApp({ db: fresh.db });
});

const admin = (): SessionUser => ({
	id: 1,
	username: 'quantri',
	displayName: 'Quản trị',
	role: 'admin',
	isPlatformAdmin: true,
	organizationId: orgA,
	organizationSlug: 'org-a',
	organizationName: 'Org a',
	timeZone: 'Asia/Ho_Chi_Minh'
});

/** A multipart body cut off in the middle of its first part (a phone that lost its connection). */
function truncatedMultipart(url: URL): Request {
	return new Request(url, {
		method: 'POST',
		headers: { 'content-type': 'multipart/form-data; boundary=----cv' },
		body: '------cv\r\nContent-Disposition: form-data; name="username"\r\n\r\nlan'
	});
}

async function outcome(action: (event: never) => unknown, request: Request) {
	const event = {
		locals: { app, user: admin(), session: null },
		url: new URL(request.url),
		params: { token: 'x'.repeat(32) },
		request,
		cookies: { set: () => {}, delete: () => {}, get: () => undefined },
		getClientAddress: () => '127.0.0.1',
		platform: undefined,
		setHeaders: () => {}
	};
	try {
		return await action(event as never);
	} catch (thrown) {
		return thrown;
	}
}

describe('finding 13: a body SvelteKit cannot parse is a 400 with a message on every action', () => {
	it.each([
		['/login', login.default],
		['/me/login', meLogin.default],
		['/account', account.password],
		['/org/users?/create', users.create],
		['/org/users?/update', users.update],
		['/org/quizzes?/create', quizzes.create],
		['/org/banks/new', newBank.default],
		['/org/contests?/create', contests.create],
		['/org/events/new?/create', events.create],
		['/admin/organizations?/create', organizations.create]
	])('%s answers a truncated multipart body with 400', async (path, action) => {
		const result = await outcome(action, truncatedMultipart(new URL(`http://127.0.0.1${path}`)));
		expect(isHttpError(result) && result.status).toBe(400);
		expect(isHttpError(result) && result.body.message).toBe(
			'Không đọc được dữ liệu gửi lên (có thể đã bị ngắt giữa chừng). Vui lòng tải lại trang và gửi lại.'
		);
	});

	it('parses a readable form with a valibot schema (repeated fields become a list)', async () => {
		const { array, object, string } = await import('valibot');
		const body = new FormData();
		body.append('title', 'Đề 1');
		body.append('questionId', '3');
		body.append('questionId', '5');
		const parsed = await readForm(
			new Request('http://127.0.0.1/x', { method: 'POST', body }),
			object({ title: string(), questionId: array(string()) })
		);
		expect(parsed.success && parsed.output).toEqual({ title: 'Đề 1', questionId: ['3', '5'] });
	});
});

describe('finding 14: only the upload pages take large bodies', () => {
	it.each([
		['/org/banks/import', UPLOAD_BODY_LIMIT],
		['/org/banks/12/import', UPLOAD_BODY_LIMIT],
		['/org/banks/12/questions/new', UPLOAD_BODY_LIMIT],
		['/org/banks/12/questions/40', UPLOAD_BODY_LIMIT],
		['/org/contests/units', STAFF_BODY_LIMIT],
		['/org/users', STAFF_BODY_LIMIT],
		['/login', PUBLIC_BODY_LIMIT],
		['/join/123456', PUBLIC_BODY_LIMIT],
		['/contests/3', PUBLIC_BODY_LIMIT],
		['/api/practice/guest', PUBLIC_BODY_LIMIT]
	])('%s is limited to %i bytes', (path, limit) => {
		expect(bodyLimitFor(path)).toBe(limit);
	});

	it('refuses a declared body over the limit before reading a byte of it', () => {
		let pulled = 0;
		const body = new ReadableStream({
			pull(controller) {
				pulled++;
				controller.enqueue(new Uint8Array(1024));
			}
		});
		const request = new Request('http://127.0.0.1/login', {
			method: 'POST',
			body,
			headers: { 'content-length': String(PUBLIC_BODY_LIMIT * 10) },
			duplex: 'half'
		} as RequestInit);
		expect(limitBody(request, PUBLIC_BODY_LIMIT)).toEqual({ tooLarge: PUBLIC_BODY_LIMIT });
		expect(pulled).toBeLessThanOrEqual(1);
	});

	it('passes a body whose declared length is within the limit through as it is (the server bounds it)', () => {
		const request = new Request('http://127.0.0.1/login', {
			method: 'POST',
			body: 'username=a&password=b',
			headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '21' }
		});
		expect(limitBody(request, PUBLIC_BODY_LIMIT)).toEqual({ request });
	});

	it('cuts off a chunked body once it passes the limit and answers 413 with a message', async () => {
		let sent = 0;
		const body = new ReadableStream({
			pull(controller) {
				sent += 16 * 1024;
				if (sent > 10 * 1024 * 1024) return controller.close();
				controller.enqueue(new TextEncoder().encode('a'.repeat(16 * 1024)));
			}
		});
		const request = new Request('http://127.0.0.1/login', {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			duplex: 'half'
		} as RequestInit);
		const limited = limitBody(request, PUBLIC_BODY_LIMIT);
		if (!('request' in limited)) throw new Error('expected a limited request');
		const result = await outcome(login.default, limited.request);
		expect(isHttpError(result) && result.status).toBe(413);
		expect(isHttpError(result) && result.body.message).toContain('64 KB');
		// Reading stopped soon after the limit: the rest was never pulled into memory.
		expect(sent).toBeLessThan(PUBLIC_BODY_LIMIT + 256 * 1024);
	});

	it('treats an oversized chunked JSON body as an unreadable one (a 400 from the endpoint), not a 500', async () => {
		const body = new ReadableStream({
			start(controller) {
				controller.enqueue(new TextEncoder().encode(`{"nickname":"${'x'.repeat(200 * 1024)}"}`));
				controller.close();
			}
		});
		const request = new Request('http://127.0.0.1/api/practice/guest', {
			method: 'POST',
			body,
			headers: { 'content-type': 'application/json' },
			duplex: 'half'
		} as RequestInit);
		const limited = limitBody(request, bodyLimitFor('/api/practice/guest'));
		if (!('request' in limited)) throw new Error('expected a limited request');
		expect(await readJson(limited.request, GuestBody)).toBeNull();
	});
});
