import { describe, expect, it, beforeEach } from 'vitest';
import { openDatabase, type Db } from '../db';
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
	db = openDatabase(':memory:');
	const org = db
		.insert(organization)
		.values({ slug: 'a', name: 'A', createdAt: new Date(T0) })
		.returning()
		.get();
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
	it('stores only the SHA-256 of the cookie token', () => {
		const token = generateToken();
		createSession(db, token, userId, T0);
		const rows = db.select().from(session).all();
		expect(rows).toHaveLength(1);
		expect(rows[0].id).toBe(hashToken(token));
		expect(rows[0].id).not.toContain(token);
	});

	it('validates a fresh session without renewing it', () => {
		const token = generateToken();
		createSession(db, token, userId, T0);
		const result = validateSessionToken(db, token, T0 + 1000);
		expect(result.user?.username).toBe('hoa');
		expect(result.user?.organizationSlug).toBe('a');
		expect(result.renewed).toBe(false);
	});

	it('extends a session past its half-life (sliding expiry)', () => {
		const token = generateToken();
		createSession(db, token, userId, T0);
		const later = T0 + SESSION_MS - SESSION_RENEW_MS + 1;
		const result = validateSessionToken(db, token, later);
		expect(result.renewed).toBe(true);
		expect(result.session?.expiresAt.getTime()).toBe(later + SESSION_MS);
	});

	it('rejects and deletes an expired session', () => {
		const token = generateToken();
		createSession(db, token, userId, T0);
		expect(validateSessionToken(db, token, T0 + SESSION_MS).user).toBeNull();
		expect(db.select().from(session).all()).toHaveLength(0);
	});

	it('rejects a forged token', () => {
		createSession(db, generateToken(), userId, T0);
		expect(validateSessionToken(db, 'forged-token', T0).user).toBeNull();
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
