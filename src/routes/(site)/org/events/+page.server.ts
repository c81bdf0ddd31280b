import { requireUser } from '$lib/server/auth/guard';
import { listLiveGames } from '$lib/server/live/service';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url, 'host');
	const games = (await listLiveGames(locals.app.db, user.organizationId)).map((g) => ({
		id: g.id,
		pin: g.pin,
		title: g.title,
		mode: g.mode,
		status: g.status,
		playerCount: g.playerCount,
		createdAt: g.createdAt,
		endedAt: g.endedAt
	}));
	return { games };
}) satisfies PageServerLoad;
