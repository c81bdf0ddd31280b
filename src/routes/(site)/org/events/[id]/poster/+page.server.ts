import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getGameForHost } from '$lib/server/live/service';
import { joinLinks } from '$lib/server/join-links';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'host');
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id < 1) error(404, 'Not found');
	const game = await getGameForHost(locals.app.db, user.organizationId, id);
	if (!game) error(404, 'Not found');
	const links = await joinLinks(game.pin, locals.app.config);
	const chosen = Math.min(Math.max(0, Number(url.searchParams.get('net')) || 0), links.length - 1);
	return {
		game: { id: game.id, pin: game.pin, title: game.title },
		organizationName: user.organizationName,
		links: links.map((l) => l.display),
		chosen,
		link: links[chosen]
	};
}) satisfies PageServerLoad;
