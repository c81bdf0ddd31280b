import type { Page, Browser, BrowserContext } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { openSqlite, type Db } from '../../src/lib/server/db';
import { createUser } from '../../src/lib/server/auth/accounts';
import { generateToken, hashToken } from '../../src/lib/server/auth/session';
import { inviteToken, organization, type Role } from '../../src/lib/server/db/schema';

export const PASSWORD = 'mat-khau-an-toan-123';

let db: Db | undefined;
/**
 * The e2e server's database, opened beside it (SQLite WAL allows it). Playwright always runs the
 * app on a SQLite file, so the helpers and the e2e tests may use SQLite's synchronous queries.
 */
export function e2eDb(): Db {
	db ??= openSqlite(process.env.DATABASE_PATH ?? 'data/e2e/chuongvang.db');
	return db;
}

let counter = 0;
/** A unique lowercase suffix so tests never collide. */
export function unique(prefix: string): string {
	counter += 1;
	return `${prefix}${Date.now().toString(36)}${counter}`;
}

/** Create (or find) an organization by slug. */
export function ensureOrg(slug: string, name = slug): number {
	const existing = e2eDb().select().from(organization).where(eq(organization.slug, slug)).get();
	if (existing) return existing.id;
	return e2eDb()
		.insert(organization)
		.values({ name, slug, createdAt: new Date() })
		.returning()
		.get().id;
}

/** Create a staff user directly in the database. */
export async function makeUser(orgSlug: string, role: Role, username = unique(role)) {
	const organizationId = ensureOrg(orgSlug);
	await createUser(e2eDb(), {
		organizationId,
		username,
		displayName: `Người dùng ${username}`,
		password: PASSWORD,
		role
	});
	return { username, password: PASSWORD, organizationId };
}

/** Issue a one-time set-up link token as the console would print it. */
export function makeSetupToken(): string {
	const token = generateToken();
	e2eDb()
		.insert(inviteToken)
		.values({
			id: hashToken(token),
			kind: 'setup',
			organizationId: null,
			role: 'admin',
			expiresAt: new Date(Date.now() + 3600_000)
		})
		.run();
	return token;
}

/** Log in through the real login form. */
export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A phone-sized context (360×740, touch). */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
	return browser.newContext({
		viewport: { width: 360, height: 740 },
		isMobile: true,
		hasTouch: true,
		deviceScaleFactor: 2
	});
}
