/**
 * Who is playing: the participant behind the `cv_player` cookie (a random device token; only its
 * SHA-256 is stored). Guests get one when they pick a nickname; accounts sign in with phone or
 * e-mail and password. Separate from staff sessions (`cv_session`).
 */
import { displayNameProblem, normalizeDisplayName } from '../../quiz/display-name';
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db';
import type { Participant } from '../db/schema';
import { generateToken, hashToken } from '../auth/session';
import {
	createGuest,
	createParticipantSession,
	deleteParticipantSession,
	findParticipantBySession,
	type ParticipantsApp,
	PARTICIPANT_RENEW_MS,
	renewParticipantSession
} from '../db/queries/participants';

export const PLAYER_COOKIE = 'cv_player';
export const NICKNAME_MAX = 40;

interface CookieEvent {
	cookies: Cookies;
	url: URL;
}

function setCookie(event: CookieEvent, token: string, expiresAt: Date): void {
	event.cookies.set(PLAYER_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: expiresAt,
		path: '/'
	});
}

/** The signed-in participant, or null. Renews the cookie when past half its life. */
export async function currentParticipant(
	app: ParticipantsApp,
	event: CookieEvent,
	now = Date.now()
): Promise<Participant | null> {
	const { db } = app;
	const token = event.cookies.get(PLAYER_COOKIE);
	if (!token) return null;
	const hash = hashToken(token);
	const hit = await findParticipantBySession(app, hash, now);
	if (!hit) {
		event.cookies.delete(PLAYER_COOKIE, { path: '/' });
		return null;
	}
	if (hit.expiresAt - now < PARTICIPANT_RENEW_MS) {
		setCookie(event, token, await renewParticipantSession(db, hash, now));
	}
	return hit.participant;
}

/** Sign this device in as `participantId` (a new token; the old one, if any, is dropped). */
export async function signInParticipant(
	db: Db,
	event: CookieEvent,
	participantId: number,
	now = Date.now()
): Promise<void> {
	const old = event.cookies.get(PLAYER_COOKIE);
	if (old) await deleteParticipantSession(db, hashToken(old));
	const token = generateToken();
	setCookie(event, token, await createParticipantSession(db, hashToken(token), participantId, now));
}

/** A new guest with `nickname`, signed in on this device. */
export async function startGuest(
	db: Db,
	event: CookieEvent,
	nickname: string,
	now = Date.now()
): Promise<Participant> {
	const guest = await createGuest(db, nickname, now);
	await signInParticipant(db, event, guest.id, now);
	return guest;
}

export async function signOutParticipant(db: Db, event: CookieEvent): Promise<void> {
	const token = event.cookies.get(PLAYER_COOKIE);
	if (token) await deleteParticipantSession(db, hashToken(token));
	event.cookies.delete(PLAYER_COOKIE, { path: '/' });
}

/**
 * A nickname of 1..40 characters (NFC, trimmed, invisible characters dropped), or null; also null
 * for names that could pass for someone else's on a leaderboard (quiz/display-name.ts).
 */
export function cleanNickname(input: unknown): string | null {
	if (typeof input !== 'string') return null;
	const text = normalizeDisplayName(input);
	if (displayNameProblem(text)) return null;
	return text.length >= 1 && text.length <= NICKNAME_MAX ? text : null;
}
