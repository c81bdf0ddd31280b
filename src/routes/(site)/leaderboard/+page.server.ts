import { playerStanding, topPlayers, topUnits } from '$lib/server/db/queries/leaderboards';
import { currentParticipant } from '$lib/server/practice/identity';
import { playerSummary } from '$lib/server/practice/player';
import { weekKey } from '$lib/practice/calendar';
import type { PageServerLoad } from './$types';

const LIMIT = 50;

export const load = (async (event) => {
	const db = event.locals.app.db;
	const now = Date.now();
	const period = event.url.searchParams.get('period') === 'all' ? 'all' : 'week';
	const board = event.url.searchParams.get('board') === 'units' ? 'units' : 'people';
	const week = weekKey(now);
	const participant = await currentParticipant(event.locals.app, event, now);
	return {
		period,
		board,
		people: board === 'people' ? await topPlayers(db, period, week, LIMIT) : [],
		units: board === 'units' ? await topUnits(db, period, week, LIMIT) : [],
		me: participant
			? { id: participant.id, ...(await playerStanding(db, participant.id, period, week)) }
			: null,
		player: participant ? playerSummary(participant, now) : null
	};
}) satisfies PageServerLoad;
