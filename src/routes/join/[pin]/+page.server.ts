import { PIN_PATTERN } from '$lib/protocol';
import { clientIp } from '$lib/server/client-ip';
import { findJoinableGame } from '$lib/server/live/service';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const pin = event.params.pin;
	if (!PIN_PATTERN.test(pin)) return { pin, game: null, limited: false };
	const ip = clientIp(event);
	// Unknown PINs per address: guessing PINs to find games is slowed down; real players never
	// notice. Enforced before the lookup: a blocked address learns nothing, not even that a PIN exists.
	const misses = event.locals.app.limiters.pinMisses;
	const blocked = await misses.check(ip);
	if (!blocked.allowed) {
		event.setHeaders({ 'retry-after': String(blocked.retryAfterSec) });
		return { pin, game: null, limited: true };
	}
	const game = await findJoinableGame(event.locals.app.db, pin);
	if (!game) {
		const decision = await misses.consume(ip);
		return { pin, game: null, limited: !decision.allowed };
	}
	return {
		pin,
		limited: false,
		// Only what the form needs: the title, teams, which fields to ask for, and whether it is open.
		game: {
			title: game.title,
			mode: game.mode,
			teams: game.teams,
			hiddenFields: game.hiddenFields,
			locked: game.locked,
			ended: game.ended
		}
	};
}) satisfies PageServerLoad;
