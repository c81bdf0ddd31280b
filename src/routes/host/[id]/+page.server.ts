import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { getGame } from '$lib/server/db/queries/games';
import { getGameForHost } from '$lib/server/live/service';
import type { Question } from '$lib/quiz/question';
import { joinLinks } from '$lib/server/join-links';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'host');
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id < 1) error(404, 'Not found');
	const game = await getGameForHost(locals.app.db, user.organizationId, id);
	if (!game) error(404, 'Not found');
	// Question texts and options (never answers), by engine index: a screen reloaded during a
	// reveal still labels the options, since the server does not resend the closed question.
	const snapshot = ((await getGame(locals.app.db, user.organizationId, id))?.questions ??
		[]) as Question[];
	const labels = snapshot.map((q) => ({
		text: q.text,
		options: q.type === 'single' || q.type === 'multiple' ? q.options : []
	}));
	return {
		game: { id: game.id, pin: game.pin, title: game.title, mode: game.mode, status: game.status },
		links: await joinLinks(game.pin, locals.app.config),
		labels
	};
}) satisfies PageServerLoad;
