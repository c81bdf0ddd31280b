import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getDb } from '$lib/server/db';
import { login } from '$lib/server/auth/accounts';
import { createSession, generateToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { clientIp } from '$lib/server/client-ip';
import { safeNext } from '$lib/server/auth/safe-next';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), url.origin));
	return { expired: url.searchParams.has('expired') };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const form = await readForm(event);
		const username = String(form.get('username') ?? '').slice(0, 100);
		const password = String(form.get('password') ?? '').slice(0, 300);
		const db = getDb();
		const result = await login(db, username, password, clientIp(event));
		if (!result.ok) {
			const message =
				result.reason === 'rate_limited'
					? m.auth_rate_limited({ seconds: result.retryAfterSec })
					: m.auth_login_failed();
			return fail(result.reason === 'rate_limited' ? 429 : 400, { username, message });
		}
		const token = generateToken();
		const session = createSession(db, token, result.user.id);
		setSessionCookie(event, token, session.expiresAt);
		redirect(303, safeNext(event.url.searchParams.get('next'), event.url.origin));
	}
} satisfies Actions;
