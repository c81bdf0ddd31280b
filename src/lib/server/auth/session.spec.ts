import { describe, expect, it, beforeEach } from 'vitest';
import type { Db } from '../db';
import { openTestDb } from '../db/test-databases';
import { organization, session } from '../db/schema';
import { createUser } from './accounts';
import {
	createSession,
	generateToken,
	hashToken,
	readCookie,
	validateSessionToken,
	SESSION_MS,
	SESSION_RENEW_MS
} from './session';

let db: Db;
let userId: number;
const T0 = Date.UTC(2026, 10, 1);

beforeEach(async () => {
	db = await openTestDb();
	const [org] = await db
		.insert(organization)
		.values({ slug: 'a', name: 'A', createdAt: new Date(T0) })
		.returning();
	userId = (
		await createUser(db, {
			organizationId: org.id,
			username: 'hoa',
			displayName: 'Hoa',
			password: 'mat-khau-123',
			role: 'host'
		})
	).id;
});

describe('sessions', () => {
	it('stores only the SHA-256 of the cookie token', async () => {
		const token = generateToken();
		await createSession(db, token, userId, T0);
		const rows = await db.select().from(session);
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(hashToken(token));
		expect(rows[0].id).not.toContain(token);
	});

	it('validates a fresh session without renewing it', async () => {
		const token = generateToken();
		await createSession(db, token, userId, T0);
		const result = await validateSessionToken(db, token, T0 + 1000);
		expect(result.user?.username).toBe('hoa');
		expect(result.user?.organizationSlug).toBe('a');
		expect(result.renewed).toBe(false);
	});

	it('extends a session past its half-life (sliding expiry)', async () => {
		const token = generateToken();
		await createSession(db, token, userId, T0);
		const later = T0 + SESSION_MS - SESSION_RENEW_MS + 1;
		const result = await validateSessionToken(db, token, later);
		expect(result.renewed).toBe(true);
		expect(result.session?.expiresAt.getTime()).toBe(later + SESSION_MS);
		const [stored] = await db.select().from(session);
		expect(stored.expiresAt.getTime()).toBe(later + SESSION_MS);
	});

	it('rejects and deletes an expired session', async () => {
		const token = generateToken();
		await createSession(db, token, userId, T0);
		expect((await validateSessionToken(db, token, T0 + SESSION_MS)).user).toBeNull();
		expect(await db.select().from(session)).toHaveLength(0);
	});

	it('rejects a forged token', async () => {
		await createSession(db, generateToken(), userId, T0);
		expect((await validateSessionToken(db, 'forged-token', T0)).user).toBeNull();
	});
});

describe('readCookie', () => {
	it.each([
		['a=1; cv_session=abc; b=2', 'abc'],
		['cv_session=x%20y', 'x y'],
		['other=1', undefined],
		[undefined, undefined],
		['cv_session=%E0%A4%A', undefined]
	])('reads cv_session from %s', (header, expected) => {
		expect(readCookie(header, 'cv_session')).toBe(expected);
	});
});
