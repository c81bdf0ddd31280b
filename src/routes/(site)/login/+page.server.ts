import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { login } from '$lib/server/auth/accounts';
import { createSession, generateToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { clientIp } from '$lib/server/client-ip';
import { safeNext } from '$lib/server/auth/safe-next';
import { readForm } from '$lib/server/read-form';
import type { Actions, PageServerLoad } from './$types';

const DEVICE_COOKIE = 'cv_device';

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), url.origin));
	return { expired: url.searchParams.has('expired') };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = await readForm(event);
		const username = String(form.get('username') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '').slice(0, 300);
		const db = event.locals.app.db;
		// A browser that logged in to an account before keeps its own failed-login budget.
		const device = event.cookies.get(DEVICE_COOKIE) ?? generateToken();
		const result = await login(
			db,
			username,
			password,
			clientIp(event),
			device,
			event.locals.app.limiters.login
		);
		if (!result.ok) {
			const message =
				result.reason === 'rate_limited'
					? m.auth_rate_limited({ seconds: result.retryAfterSec })
					: m.auth_login_failed();
			return fail(result.reason === 'rate_limited' ? 429 : 400, { username, message });
		}
		const token = generateToken();
		const session = await createSession(db, token, result.user.id);
		setSessionCookie(event, token, session.expiresAt);
		event.cookies.set(DEVICE_COOKIE, device, {
			httpOnly: true,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			maxAge: 400 * 24 * 60 * 60,
			path: '/login'
		});
		redirect(303, safeNext(event.url.searchParams.get('next'), event.url.origin));
	}
} satisfies Actions;
