import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guard';
import { changePassword } from '$lib/server/auth/accounts';
import { accountErrorMessages } from '$lib/server/auth/messages';
import { createSession, generateToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		username: user.username,
		displayName: user.displayName,
		role: user.role,
		organizationName: user.organizationName
	};
}) satisfies PageServerLoad;

export const actions = {
	password: async (event) => {
		const user = requireUser(event.locals, event.url);
		const form = await readForm(event);
		const field = (k: string) => String(form.get(k) ?? '').slice(0, 300);
		const db = event.locals.app.db;
		const errors = await changePassword(
			db,
			user.id,
			field('currentPassword'),
			field('password'),
			field('passwordConfirm')
		);
		if (Object.keys(errors).length) return fail(400, { errors: accountErrorMessages(errors) });
		// All sessions ended, this one included: give this browser a fresh one.
		const token = generateToken();
		const session = await createSession(db, token, user.id);
		setSessionCookie(event, token, session.expiresAt);
		return { success: m.auth_password_changed() };
	}
} satisfies Actions;
