import { loadOpenToken, redeemAction } from '$lib/server/auth/redeem';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, params }) =>
	loadOpenToken(locals.app.db, params.token, 'setup')) satisfies PageServerLoad;

export const actions = {
	default: (event) => redeemAction(event, 'setup')
} satisfies Actions;
