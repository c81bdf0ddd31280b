import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Db } from '../db';
import {
	checkNewAccount,
	findOpenToken,
	NewAccountSchema,
	redeemToken,
	UsernameTakenError
} from './accounts';
import { m } from '../../paraglide/messages.js';
import { createSession, generateToken } from './session';
import { setSessionCookie } from './cookies';
import { accountErrorMessages } from './messages';
import { readForm } from '../read-form';

/** Load for /setup/[token] and /invite/[token]: 404 unless the link is open and of that kind. */
export async function loadOpenToken(db: Db, token: string, kind: 'setup' | 'invite') {
	const open = await findOpenToken(db, token);
	if (!open || open.kind !== kind) error(404, 'link');
	return { organizationName: open.organizationName, role: open.role };
}

/** The shared form action: create the account, use up the link, log the new user in. */
export async function redeemAction(event: RequestEvent, kind: 'setup' | 'invite') {
	const db = event.locals.app.db;
	const open = await findOpenToken(db, event.params.token ?? '');
	if (!open || open.kind !== kind) error(404, 'link');
	const form = await readForm(event);
	const input = v.parse(NewAccountSchema, {
		username: String(form.get('username') ?? '').slice(0, 100),
		displayName: String(form.get('displayName') ?? '').slice(0, 200),
		password: String(form.get('password') ?? '').slice(0, 300),
		passwordConfirm: String(form.get('passwordConfirm') ?? '').slice(0, 300)
	});
	const values = { username: input.username, displayName: input.displayName };
	const errors = await checkNewAccount(db, input);
	if (Object.keys(errors).length)
		return fail(400, { values, errors: accountErrorMessages(errors) });
	let created;
	try {
		created = await redeemToken(db, open, input);
	} catch (err) {
		// Someone took the name between the check and the insert: the same message as the check's.
		if (err instanceof UsernameTakenError)
			return fail(400, { values, errors: accountErrorMessages({ username: 'username_taken' }) });
		throw err;
	}
	// A concurrent request redeemed the link first.
	if (created === 'used') return fail(400, { values, errors: { form: m.security_link_used() } });
	const token = generateToken();
	const session = await createSession(db, token, created.id);
	setSessionCookie(event, token, session.expiresAt);
	redirect(303, '/org');
}
