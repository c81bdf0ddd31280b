import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/guard';
import { listLiveGames } from '$lib/server/live/service';
import { setOrganizationTimeZone, timeZoneChoices } from '$lib/server/auth/organization-settings';
import type { Actions, PageServerLoad } from './$types';

/** How many of the latest games the dashboard lists. */
const RECENT_GAMES = 5;

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const recentGames = (await listLiveGames(locals.app.db, user.organizationId))
		.slice(0, RECENT_GAMES)
		.map((g) => ({
			id: g.id,
			title: g.title,
			mode: g.mode,
			status: g.status,
			playerCount: g.playerCount,
			at: (g.endedAt ?? g.createdAt).getTime()
		}));
	return {
		displayName: user.displayName,
		organizationName: user.organizationName,
		role: user.role,
		recentGames,
		timeZones: user.role === 'admin' ? timeZoneChoices() : []
	};
}) satisfies PageServerLoad;

export const actions = {
	timeZone: async ({ locals, url, request }) => {
		const user = requireUser(locals, url, 'admin');
		const zone = String((await request.formData()).get('timeZone') ?? '').slice(0, 64);
		if (!setOrganizationTimeZone(locals.app.db, user.organizationId, zone))
			return fail(400, { timeZoneError: m.org_tz_invalid() });
		// The page reloads in this request: show it in the zone just chosen.
		if (locals.user) locals.user.timeZone = zone;
		return { timeZoneSaved: m.org_tz_saved({ zone }) };
	}
} satisfies Actions;
