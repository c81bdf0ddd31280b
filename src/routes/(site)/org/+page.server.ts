import { requireUser } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		displayName: user.displayName,
		organizationName: user.organizationName,
		role: user.role
	};
}) satisfies PageServerLoad;
