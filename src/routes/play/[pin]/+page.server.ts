import { error } from '@sveltejs/kit';
import { PIN_PATTERN } from '$lib/protocol';
import { findJoinableGame } from '$lib/server/live/service';
import type { PageServerLoad } from './$types';

/** The phone's play page: the game itself arrives over the socket; this only names the teams. */
export const load = (async ({ locals, params }) => {
	if (!PIN_PATTERN.test(params.pin)) error(404, 'Not found');
	const game = await findJoinableGame(locals.app.db, params.pin);
	return { pin: params.pin, teams: game?.teams ?? [] };
}) satisfies PageServerLoad;
