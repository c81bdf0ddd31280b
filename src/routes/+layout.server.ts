import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	locale: locals.locale,
	user: locals.user
		? {
				displayName: locals.user.displayName,
				role: locals.user.role,
				isPlatformAdmin: locals.user.isPlatformAdmin,
				organizationName: locals.user.organizationName
			}
		: null
})) satisfies LayoutServerLoad;
