import { eq } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db, DbOrTx } from '../db';
import {
	session,
	user,
	organization,
	type Session,
	type User,
	type Organization
} from '../db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sessions last 30 days and are renewed when fewer than 15 remain (the Lucia guide's sliding expiry). */
export const SESSION_MS = 30 * DAY_MS;
export const SESSION_RENEW_MS = 15 * DAY_MS;
export const SESSION_COOKIE = 'cv_session';

/** A random, unguessable token (20 bytes, base32): what the cookie holds. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored id of a token: its SHA-256 in hex, so a database leak yields no usable cookie. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
	db: DbOrTx,
	token: string,
	userId: number,
	now = Date.now()
): Promise<Session> {
	const row: Session = { id: hashToken(token), userId, expiresAt: new Date(now + SESSION_MS) };
	await db.insert(session).values(row);
	return row;
}

export type SessionUser = Pick<
	User,
	'id' | 'username' | 'displayName' | 'role' | 'isPlatformAdmin'
> & {
	organizationId: number;
	organizationSlug: string;
	organizationName: string;
	/** The organization's time zone: every time on its pages and in its exports is shown in it. */
	timeZone: string;
};

export type SessionValidation =
	| { session: Session; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

/** Look a cookie token up; expire it when stale, extend it when past half-life. */
export async function validateSessionToken(
	db: Db,
	token: string,
	now = Date.now()
): Promise<SessionValidation> {
	const id = hashToken(token);
	const [row] = await db
		.select({ session, user, organization })
		.from(session)
		.innerJoin(user, eq(session.userId, user.id))
		.innerJoin(organization, eq(user.organizationId, organization.id))
		.where(eq(session.id, id));
	if (!row) return { session: null, user: null, renewed: false };
	if (now >= row.session.expiresAt.getTime() || row.user.disabledAt) {
		await db.delete(session).where(eq(session.id, id));
		return { session: null, user: null, renewed: false };
	}
	let renewed = false;
	if (now >= row.session.expiresAt.getTime() - SESSION_RENEW_MS) {
		row.session.expiresAt = new Date(now + SESSION_MS);
		await db.update(session).set({ expiresAt: row.session.expiresAt }).where(eq(session.id, id));
		renewed = true;
	}
	return { session: row.session, user: toSessionUser(row.user, row.organization), renewed };
}

function toSessionUser(u: User, org: Organization): SessionUser {
	return {
		id: u.id,
		username: u.username,
		displayName: u.displayName,
		role: u.role,
		isPlatformAdmin: u.isPlatformAdmin,
		organizationId: org.id,
		organizationSlug: org.slug,
		organizationName: org.name,
		timeZone: org.timeZone
	};
}

/** What was revoked: one session (logout) or every session of a user (disabled, password changed). */
export type Revocation = { sessionId: string } | { userId: number };
type RevocationListener = (revoked: Revocation) => void;
const revocationListeners = new Set<RevocationListener>();

/**
 * Be told when sessions end, so open sockets can be closed at once (realtime/index.ts). Returns
 * the unsubscribe function. Process-wide because sessions are: one database, one process.
 */
export function onSessionsRevoked(listener: RevocationListener): () => void {
	revocationListeners.add(listener);
	return () => revocationListeners.delete(listener);
}

function announce(revoked: Revocation): void {
	for (const listener of revocationListeners) listener(revoked);
}

export async function invalidateSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
	announce({ sessionId });
}

/** Ends every session of a user (call it after the change that caused it has committed). */
export async function invalidateUserSessions(db: DbOrTx, userId: number): Promise<void> {
	await db.delete(session).where(eq(session.userId, userId));
	announce({ userId });
}

/** Read one cookie from a raw Cookie header (the socket handshake has no SvelteKit helpers). */
export function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eqAt = part.indexOf('=');
		if (eqAt < 0) continue;
		if (part.slice(0, eqAt).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eqAt + 1).trim());
			} catch {
				return undefined;
			}
		}
	}
	return undefined;
}
