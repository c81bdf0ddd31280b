import { m } from '$lib/paraglide/messages.js';
import { GuestBody, ok, readJson, refuse } from '$lib/server/practice/api';
import { participantOrGuest } from '$lib/server/practice/start';
import { clientIp } from '$lib/server/client-ip';
import type { RequestHandler } from './$types';

/** Become a guest with a nickname (or keep the device's participant): sets the device cookie. */
export const POST: RequestHandler = async (event) => {
	const body = await readJson(event.request, GuestBody);
	if (!body) return refuse(400, 'nickname', m.practice_err_nickname());
	const who = await participantOrGuest(
		event.locals.app,
		event,
		body.nickname,
		clientIp(event),
		Date.now()
	);
	if (!who.ok) {
		return who.error === 'nickname'
			? refuse(400, 'nickname', m.practice_err_nickname())
			: refuse(
					429,
					'rate_limited',
					m.practice_err_rate_limited({ seconds: who.retryAfterSec ?? 60 })
				);
	}
	return ok({ participantId: who.participant.id, nickname: who.participant.nickname }, 201);
};
