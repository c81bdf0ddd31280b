import { loadOpenToken, redeemAction } from '$lib/server/auth/redeem';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ params }) => loadOpenToken(params.token, 'setup')) satisfies PageServerLoad;

export const actions = {
	default: (event) => redeemAction(event, 'setup')
} satisfies Actions;
