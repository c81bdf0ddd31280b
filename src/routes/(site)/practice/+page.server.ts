import { listPublishedBanks, reviewSummary } from '$lib/server/db/queries/practice';
import { currentParticipant } from '$lib/server/practice/identity';
import { playerSummary } from '$lib/server/practice/player';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const tag = event.url.searchParams.get('tag') || null;
	const all = await listPublishedBanks(db);
	const participant = await currentParticipant(event.locals.app, event, now);
	return {
		tag,
		tags: [...new Set(all.flatMap((b) => b.tags))].sort((a, b) => a.localeCompare(b, 'vi')),
		banks: tag ? all.filter((b) => b.tags.includes(tag)) : all,
		player: participant ? playerSummary(participant, now) : null,
		review: participant ? await reviewSummary(db, participant.id, now) : null
	};
}) satisfies PageServerLoad;
