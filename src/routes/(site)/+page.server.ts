import { getDb } from '$lib/server/db';
import { currentParticipant } from '$lib/server/practice/identity';
import { homePractice } from '$lib/server/practice/home';
import type { PageServerLoad } from './$types';

export const load = ((event) => {
	const db = getDb();
	const now = Date.now();
	return { practice: homePractice(db, currentParticipant(db, event, now), now) };
}) satisfies PageServerLoad;
