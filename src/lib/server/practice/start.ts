/**
 * The "start" form of practice pages: use the device's participant, or create a guest from the
 * nickname typed in the same form, then start the session.
 */
import type { Cookies } from '@sveltejs/kit';
import type { HeldApp } from '../contest/held';
import type { ParticipantsApp } from '../db/queries/participants';
import type { PoolApp } from './pool';
import type { Participant } from '../db/schema';
import { cleanNickname, currentParticipant, startGuest } from './identity';
import type { PracticeLimitsApp } from './limits';
import {
	startBankSession,
	startDailySession,
	startReviewSession,
	type StartError
} from './sessions';

export type StartWhat =
	| { kind: 'bank'; bankId: number }
	| { kind: 'daily'; title: string }
	| { kind: 'review'; title: string };

export type BeginOutcome =
	| { ok: true; sessionId: number }
	| { ok: false; error: 'nickname' | 'rate_limited'; retryAfterSec?: number }
	| { ok: false; error: StartError };

interface Event {
	cookies: Cookies;
	url: URL;
}

/** The participant, creating a guest from `nickname` when the device has none. */
export async function participantOrGuest(
	app: ParticipantsApp & PracticeLimitsApp,
	event: Event,
	nickname: unknown,
	ip: string,
	now: number
): Promise<
	| { ok: true; participant: Participant }
	| { ok: false; error: 'nickname' | 'rate_limited'; retryAfterSec?: number }
> {
	const existing = await currentParticipant(app, event, now);
	if (existing) return { ok: true, participant: existing };
	const name = cleanNickname(nickname);
	if (!name) return { ok: false, error: 'nickname' };
	const decision = await app.limiters.practice.newPlayerPerIp.consume(ip);
	if (!decision.allowed)
		return { ok: false, error: 'rate_limited', retryAfterSec: decision.retryAfterSec };
	return { ok: true, participant: await startGuest(app.db, event, name, now) };
}

export async function beginPractice(
	app: PoolApp & HeldApp & ParticipantsApp & PracticeLimitsApp,
	event: Event,
	form: FormData,
	what: StartWhat,
	ip: string,
	now = Date.now()
): Promise<BeginOutcome> {
	const who = await participantOrGuest(app, event, form.get('nickname'), ip, now);
	if (!who.ok) return who;
	const pid = who.participant.id;
	const started =
		what.kind === 'bank'
			? await startBankSession(app, pid, what.bankId, now)
			: what.kind === 'daily'
				? await startDailySession(app, pid, what.title, now)
				: await startReviewSession(app, pid, what.title, now);
	return started.ok ? { ok: true, sessionId: started.session.id } : started;
}
