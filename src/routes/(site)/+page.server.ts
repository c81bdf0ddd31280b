import { currentParticipant } from '$lib/server/practice/identity';
import { homePractice } from '$lib/server/practice/home';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	return { practice: homePractice(db, currentParticipant(event.locals.app, event, now), now) };
}) satisfies PageServerLoad;
