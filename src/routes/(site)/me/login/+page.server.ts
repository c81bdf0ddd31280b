import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { checkParticipantLogin } from '$lib/server/practice/account';
import { signInParticipant } from '$lib/server/practice/identity';
import { clientIp } from '$lib/server/client-ip';
import type { Actions } from './$types';
import { readForm } from '$lib/server/read-form';

export const actions = {
	default: async (event) => {
		const form = await readForm(event);
		const login = String(form.get('login') ?? '').slice(0, 254);
		const password = String(form.get('password') ?? '').slice(0, 300);
		const perIp = await event.locals.app.limiters.practice.newPlayerPerIp.consume(clientIp(event));
		const result = perIp.allowed
			? await checkParticipantLogin(event.locals.app, login, password)
			: ({ ok: false, reason: 'rate_limited', retryAfterSec: perIp.retryAfterSec } as const);
		if (!result.ok) {
			const message =
				result.reason === 'rate_limited'
					? m.practice_err_rate_limited({ seconds: result.retryAfterSec })
					: m.practice_login_failed();
			return fail(result.reason === 'rate_limited' ? 429 : 400, { login, message });
		}
		await signInParticipant(event.locals.app.db, event, result.participantId);
		redirect(303, '/me');
	}
} satisfies Actions;
