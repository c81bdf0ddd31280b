import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getGameForHost } from '$lib/server/live/service';
import { joinLinks } from '$lib/server/join-links';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'host');
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id < 1) error(404, 'Not found');
	const game = getGameForHost(getDb(), user.organizationId, id);
	if (!game) error(404, 'Not found');
	return {
		game: { id: game.id, pin: game.pin, title: game.title, mode: game.mode, status: game.status },
		links: await joinLinks(game.pin)
	};
}) satisfies PageServerLoad;
