import { error, redirect } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import type { SessionUser } from './session';
import { hasRole } from './roles';

/**
 * The logged-in staff user with at least `role`, or a redirect to the login page (anonymous) /
 * a 403 (too little role). Call it in every load and action of a staff page.
 */
export function requireUser(
	locals: { user: SessionUser | null },
	url: URL,
	role: Role = 'host'
): SessionUser {
	const user = locals.user;
	if (!user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	if (!hasRole(user.role, role)) error(403, 'Forbidden');
	return user;
}

export function requirePlatformAdmin(locals: { user: SessionUser | null }, url: URL): SessionUser {
	const user = requireUser(locals, url, 'admin');
	if (!user.isPlatformAdmin) error(403, 'Forbidden');
	return user;
}
