import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { currentParticipant } from '$lib/server/practice/identity';
import { playerSummary } from '$lib/server/practice/player';
import { beginPractice } from '$lib/server/practice/start';
import { beginErrorMessage } from '$lib/server/practice/messages';
import { clientIp } from '$lib/server/client-ip';
import { dayNumber } from '$lib/practice/calendar';
import { DAILY_SIZE } from '$lib/practice/picking';
import { XP_DAILY_BONUS } from '$lib/practice/xp';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async (event) => {
	const now = Date.now();
	const participant = await currentParticipant(event.locals.app, event, now);
	return {
		size: DAILY_SIZE,
		bonus: XP_DAILY_BONUS,
		bonusTaken: participant?.dailyBonusDay === dayNumber(now),
		player: participant ? playerSummary(participant, now) : null
	};
}) satisfies PageServerLoad;

export const actions = {
	start: async (event) => {
		const form = await readForm(event);
		const started = await beginPractice(
			event.locals.app,
			event,
			form,
			{ kind: 'daily', title: m.practice_daily_heading() },
			clientIp(event)
		);
		if (!started.ok) {
			return fail(400, {
				message: beginErrorMessage(started),
				nickname: String(form.get('nickname') ?? '').slice(0, 40)
			});
		}
		redirect(303, `/practice/s/${started.sessionId}`);
	}
} satisfies Actions;
