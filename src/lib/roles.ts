import { m } from '$lib/paraglide/messages.js';

export type RoleName = 'admin' | 'organizer' | 'host';

/** A role's name in the current language. */
export function roleLabel(role: RoleName): string {
	return role === 'admin'
		? m.role_admin()
		: role === 'organizer'
			? m.role_organizer()
			: m.role_host();
}
