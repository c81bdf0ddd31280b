import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import type { AppContext } from '$lib/server/app';
import { startApp } from '$lib/server/bootstrap';
import { ConfigError } from '$lib/server/config';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie, deleteSessionCookie } from '$lib/server/auth/cookies';
import { bodyLimitFor, formatBytes, limitBody } from '$lib/server/body-limit';
import { m } from '$lib/paraglide/messages.js';

/** The process's one app, built by `init` before the first request. */
let app: AppContext;

export const init: ServerInit = async () => {
	try {
		app = await startApp();
	} catch (err) {
		if (err instanceof ConfigError) {
			console.error(`Cấu hình sai / bad configuration: ${err.message}`);
			process.exit(1);
		}
		throw err;
	}
};

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/** Every load, action and endpoint reaches the server's components through `locals.app`. */
const handleApp: Handle = ({ event, resolve }) => {
	event.locals.app = app;
	return resolve(event);
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const result = await validateSessionToken(event.locals.app.db, token);
		if (result.session) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			if (result.renewed) setSessionCookie(event, token, result.session.expiresAt);
		} else {
			deleteSessionCookie(event);
		}
	}
	return resolve(event);
};

/**
 * Form actions and form endpoints read `request.formData()`, which throws on a body that is not
 * form data (SvelteKit lets text/plain through its CSRF check). Refuse such posts up front with
 * 415 instead of an unhandled 500. JSON APIs under /api/ are not affected.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const handleFormBodies: Handle = async ({ event, resolve }) => {
	if (event.request.method === 'POST' && !event.url.pathname.startsWith('/api/')) {
		const type = (event.request.headers.get('content-type') ?? '').toLowerCase();
		if (!FORM_TYPES.some((t) => type.startsWith(t))) {
			return new Response('Unsupported Media Type', { status: 415 });
		}
	}
	return resolve(event);
};

/**
 * Only the upload pages may send a large body (server.js sets adapter-node's outer limit for
 * them); every other route gets a small one before any action, rate limit or parser reads it.
 */
const handleBodyLimit: Handle = async ({ event, resolve }) => {
	const limited = limitBody(event.request, bodyLimitFor(event.url.pathname));
	if ('tooLarge' in limited)
		return new Response(m.security_form_too_large({ max: formatBytes(limited.tooLarge) }), {
			status: 413,
			headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }
		});
	event.request = limited.request;
	return resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handle = sequence(
	handleApp,
	handleHeaders,
	handleFormBodies,
	handleLocale,
	handleBodyLimit,
	handleSession
);
