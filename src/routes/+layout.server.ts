import { DEFAULT_TIME_ZONE } from '$lib/practice/format';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	locale: locals.locale,
	/** Times on every page are shown in the organization's time zone (Vietnam for the public). */
	timeZone: locals.user?.timeZone ?? DEFAULT_TIME_ZONE,
	user: locals.user
		? {
				displayName: locals.user.displayName,
				role: locals.user.role,
				isPlatformAdmin: locals.user.isPlatformAdmin,
				organizationName: locals.user.organizationName
			}
		: null
})) satisfies LayoutServerLoad;
