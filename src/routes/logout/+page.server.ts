import { redirect } from '@sveltejs/kit';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		if (event.locals.session) await invalidateSession(event.locals.app.db, event.locals.session.id);
		deleteSessionCookie(event);
		redirect(303, '/login');
	}
} satisfies Actions;
