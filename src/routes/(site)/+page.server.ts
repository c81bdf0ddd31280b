import { currentParticipant } from '$lib/server/practice/identity';
import { homePractice } from '$lib/server/practice/home';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const participant = await currentParticipant(event.locals.app, event, now);
	return { practice: await homePractice(db, participant, now) };
}) satisfies PageServerLoad;
