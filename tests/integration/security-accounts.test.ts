/**
 * Accounts under attack: links redeemed twice at once, a set-up link outliving the CLI, role
 * changes across ranks, and two requests creating the same name at once. Actions are called as
 * SvelteKit calls them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import type { AppContext } from '../../src/lib/server/app';
import { testApp } from '../../src/lib/server/app-testing';
import { freshDb } from '../../src/lib/server/db/queries/testing';
import { user, type Role } from '../../src/lib/server/db/schema';
import { createInvite, createUser, findOpenToken } from '../../src/lib/server/auth/accounts';
import { updateMember } from '../../src/lib/server/auth/members';
import type { SessionUser } from '../../src/lib/server/auth/session';
import { issueSetupToken, seedDemo } from '../../src/lib/server/seed';
import { runCli } from '../../src/lib/server/cli/main';
import { actions as setupActions } from '../../src/routes/(site)/setup/[token]/+page.server';
import { actions as inviteActions } from '../../src/routes/(site)/invite/[token]/+page.server';
import { actions as usersActions } from '../../src/routes/(site)/org/users/+page.server';

let db: Db;
let app: AppContext;
let orgA: number;

beforeEach(async () => {
	({ db, orgA } = await freshDb());
	app = await testApp({ db });
	await seedDemo(db);
});

function form(fields: Record<string, string>): FormData {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.append(k, v);
	return body;
}

/** Call an action the way SvelteKit does; returns the failure, the redirect or the data. */
async function call(
	action: (event: never) => unknown,
	opts: { params?: Record<string, string>; body: FormData; user?: SessionUser | null }
) {
	const url = new URL('http://127.0.0.1/x');
	const event = {
		locals: { app, user: opts.user ?? null },
		url,
		params: opts.params ?? {},
		request: new Request(url, { method: 'POST', body: opts.body }),
		cookies: { set: () => {}, delete: () => {} }
	};
	try {
		return await action(event as never);
	} catch (thrown) {
		return thrown;
	}
}

const account = (username: string) =>
	form({
		username,
		displayName: 'Nguyễn Văn An',
		password: 'mat-khau-123',
		passwordConfirm: 'mat-khau-123'
	});

const users = async () => (await db.select({ n: count() }).from(user))[0].n;

async function staff(role: Role, isPlatformAdmin = false, organizationId = orgA) {
	const row = await createUser(db, {
		organizationId,
		username: `${role}${isPlatformAdmin ? 'p' : ''}${Math.floor(Math.random() * 1e9)}`,
		displayName: 'Cán bộ',
		password: 'mat-khau-123',
		role,
		isPlatformAdmin
	});
	return { ...row, organizationId } as SessionUser & typeof row;
}

describe('finding 5: a link is redeemed once, even by concurrent requests', () => {
	it('creates exactly one account when two requests redeem the same invitation at once', async () => {
		const inviter = await staff('admin');
		const token = await createInvite(db, orgA, 'organizer', inviter.id);
		const before = await users();
		const results = await Promise.all(
			['lan', 'minh', 'hoa'].map((name) =>
				call(inviteActions.default, { params: { token }, body: account(name) })
			)
		);
		expect(await users()).toBe(before + 1);
		expect(results.filter((r) => isRedirect(r))).toHaveLength(1);
		const refused = results.filter((r) => isActionFailure(r));
		expect(refused).toHaveLength(2);
		for (const r of refused)
			expect((r as unknown as { data: { errors: { form: string } } }).data.errors.form).toBe(
				'Liên kết này vừa được sử dụng. Mỗi liên kết chỉ dùng được một lần.'
			);
	});

	it('creates exactly one platform administrator from one set-up link used twice at once', async () => {
		const token = (await issueSetupToken(db))!;
		const results = await Promise.all(
			['lan', 'minh'].map((name) =>
				call(setupActions.default, { params: { token }, body: account(name) })
			)
		);
		expect(results.filter((r) => isRedirect(r))).toHaveLength(1);
		expect(await db.select().from(user).where(eq(user.isPlatformAdmin, true))).toHaveLength(1);
	});
});

describe('finding 6: creating any admin uses up the first-run set-up link', () => {
	it('refuses the set-up link once an admin was created with the CLI', async () => {
		const token = (await issueSetupToken(db))!;
		const quiet = { out: () => {}, err: () => {} };
		expect(
			await runCli(
				[
					'user',
					'create',
					'quantri',
					'--org',
					'demo',
					'--role',
					'admin',
					'--password',
					'mk-12345678'
				],
				quiet,
				app
			)
		).toBe(0);
		expect(await findOpenToken(db, token)).toBeUndefined();
		const result = await call(setupActions.default, { params: { token }, body: account('ke-la') });
		expect(isHttpError(result) && result.status).toBe(404);
		expect(await db.select().from(user).where(eq(user.username, 'ke-la'))).toEqual([]);
	});
});

describe('finding 11: roles change only by equal or higher rank', () => {
	it('does not let an organization admin demote or disable a platform admin', async () => {
		const platform = await staff('admin', true);
		await staff('admin', true); // not the last one: the refusal is about rank
		const orgAdmin = await staff('admin');
		for (const change of [{ role: 'host' as const }, { disabled: true }])
			expect(await updateMember(db, orgA, orgAdmin, platform.id, change)).toBe('platform_admin');
		const [row] = await db.select().from(user).where(eq(user.id, platform.id));
		expect(row.role).toBe('admin');
		expect(row.disabledAt).toBeNull();
	});

	it('shows the refusal in Vietnamese on the members page', async () => {
		const platform = await staff('admin', true);
		const orgAdmin = await staff('admin');
		const result = await call(usersActions.update, {
			user: orgAdmin,
			body: form({ id: String(platform.id), disabled: '1' })
		});
		expect(isActionFailure(result) && result.status).toBe(403);
		expect((result as { data: { updateError: string } }).data.updateError).toMatch(
			/^Chỉ quản trị viên hệ thống mới có thể khoá/
		);
	});

	it('never removes the last active platform admin, even by another platform admin', async () => {
		const last = await staff('admin', true);
		const other = await staff('admin', true);
		expect(await updateMember(db, orgA, last, other.id, { disabled: true })).toBe('ok');
		// `other` is disabled now: `last` is the only one left.
		const peer = { ...other, isPlatformAdmin: true, role: 'admin' as const };
		expect(await updateMember(db, orgA, peer, last.id, { role: 'organizer' })).toBe(
			'last_platform_admin'
		);
		expect(await updateMember(db, orgA, peer, last.id, { disabled: true })).toBe(
			'last_platform_admin'
		);
		expect((await db.select().from(user).where(eq(user.id, last.id)))[0].disabledAt).toBeNull();
	});

	it('keeps one of the last two platform admins when each disables the other at once', async () => {
		// Ten rounds: the survivor of each round and a new admin disable each other at once, so a
		// missing lock (PostgreSQL runs both transactions at the same time) shows in some round.
		let survivor = await staff('admin', true);
		for (let round = 0; round < 10; round++) {
			const fresh = await staff('admin', true);
			const results = await Promise.all([
				updateMember(db, orgA, survivor, fresh.id, { disabled: true }),
				updateMember(db, orgA, fresh, survivor.id, { disabled: true })
			]);
			expect(results.sort()).toEqual(['last_platform_admin', 'ok']);
			const active = (await db.select().from(user).where(eq(user.isPlatformAdmin, true))).filter(
				(u) => u.disabledAt === null
			);
			expect(active).toHaveLength(1);
			survivor = active[0].id === fresh.id ? fresh : survivor;
		}
	});

	it('lets an admin change admins, organizers and hosts of the same rank or below', async () => {
		const orgAdmin = await staff('admin');
		const peer = await staff('admin');
		const host = await staff('host');
		expect(await updateMember(db, orgA, orgAdmin, host.id, { role: 'organizer' })).toBe('ok');
		expect(await updateMember(db, orgA, orgAdmin, peer.id, { disabled: true })).toBe('ok');
		const organizer = { ...host, role: 'organizer' as const };
		expect(await updateMember(db, orgA, organizer, orgAdmin.id, { role: 'host' })).toBe('rank');
	});
});

describe('finding 12: two requests creating the same thing get the clear message', () => {
	it('answers the second of two concurrent "create user" requests with "username taken", not 500', async () => {
		const admin = await staff('admin');
		const results = await Promise.all(
			[0, 1].map(() =>
				call(usersActions.create, {
					user: admin,
					body: form({
						username: 'trung',
						displayName: 'Trần Trung',
						password: 'mat-khau-123',
						passwordConfirm: 'mat-khau-123',
						role: 'host'
					})
				})
			)
		);
		expect(results.filter((r) => isActionFailure(r))).toHaveLength(1);
		const failed = results.find((r) => isActionFailure(r)) as unknown as {
			status: number;
			data: { createErrors: { username: string } };
		};
		expect(failed.status).toBe(400);
		expect(failed.data.createErrors.username).toBe('Tên đăng nhập này đã có người dùng.');
		expect(await db.select().from(user).where(eq(user.username, 'trung'))).toHaveLength(1);
	});

	it('answers two concurrent redemptions choosing the same username with "username taken"', async () => {
		const admin = await staff('admin');
		const tokens = await Promise.all([0, 1].map(() => createInvite(db, orgA, 'host', admin.id)));
		const results = await Promise.all(
			tokens.map((token) =>
				call(inviteActions.default, { params: { token }, body: account('anh') })
			)
		);
		expect(results.filter((r) => isRedirect(r))).toHaveLength(1);
		const failed = results.find((r) => isActionFailure(r)) as unknown as {
			data: { errors: { username: string } };
		};
		expect(failed.data.errors.username).toBe('Tên đăng nhập này đã có người dùng.');
	});
});
