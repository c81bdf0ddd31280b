import { redirect, type RequestHandler } from '@sveltejs/kit';
import { locales, cookieName, cookieMaxAge } from '$lib/paraglide/runtime';
import { readForm } from '$lib/server/read-form';

/** Switch language without JavaScript: POST locale + back, get redirected with the cookie set. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await readForm(request);
	const locale = String(form.get('locale') ?? '');
	const back = String(form.get('back') ?? '/');
	if ((locales as readonly string[]).includes(locale)) {
		cookies.set(cookieName, locale, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
	}
	// Only same-site paths: never an open redirect.
	redirect(303, back.startsWith('/') && !back.startsWith('//') ? back : '/');
};
