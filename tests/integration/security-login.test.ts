import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../src/lib/server/db/queries/testing';
import type { Db } from '../../src/lib/server/db';
import { createUser, login } from '../../src/lib/server/auth/accounts';
import { LoginGuard } from '../../src/lib/server/auth/login-guard';

const RIGHT = 'mat-khau-dung-123';
let db: Db;
let guard: LoginGuard;

beforeEach(async () => {
	const fresh = await freshDb();
	db = fresh.db;
	guard = new LoginGuard();
	await createUser(db, {
		organizationId: fresh.orgA,
		username: 'hoa',
		displayName: 'Nguyễn Thị Hoa',
		password: RIGHT,
		role: 'admin'
	});
});

const attempt = (password: string, ip: string, device?: string) =>
	login(db, 'hoa', password, ip, device, guard);

describe('finding 16: failed logins cannot lock a known user out', () => {
	it('stops a stranger after a few wrong passwords while the owner still logs in from elsewhere', async () => {
		for (let i = 0; i < 5; i++) expect((await attempt('doan-bua', '203.0.113.9')).ok).toBe(false);
		expect(await attempt(RIGHT, '203.0.113.9')).toMatchObject({ reason: 'rate_limited' });
		expect((await attempt(RIGHT, '198.51.100.20')).ok).toBe(true);
	});

	it("keeps the owner's browser working on the same Wi-Fi address as the stranger", async () => {
		const hall = '192.0.2.1';
		expect((await attempt(RIGHT, hall, 'trinh-duyet-cua-hoa')).ok).toBe(true);
		for (let i = 0; i < 5; i++) await attempt('doan-bua', hall, 'trinh-duyet-la');
		expect(await attempt(RIGHT, hall, 'trinh-duyet-la')).toMatchObject({
			reason: 'rate_limited'
		});
		expect((await attempt(RIGHT, hall, 'trinh-duyet-cua-hoa')).ok).toBe(true);
	});

	it("slows a crowd of addresses on one account, except the owner's known browser", async () => {
		expect((await attempt(RIGHT, '198.51.100.20', 'trinh-duyet-cua-hoa')).ok).toBe(true);
		for (let a = 0; a < 12; a++)
			for (let i = 0; i < 5; i++) await attempt('doan-bua', `203.0.113.${a}`);
		// A new address is slowed down for a while (a window, not a lock)…
		const fresh = await attempt(RIGHT, '198.51.100.77');
		expect(fresh).toMatchObject({ reason: 'rate_limited' });
		expect(
			fresh.ok === false && fresh.reason === 'rate_limited' && fresh.retryAfterSec
		).toBeLessThanOrEqual(900);
		// …but the browser that logged in before is never kept out.
		expect((await attempt(RIGHT, '198.51.100.20', 'trinh-duyet-cua-hoa')).ok).toBe(true);
	});
});
