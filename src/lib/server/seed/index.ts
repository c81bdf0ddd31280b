import { eq, count } from 'drizzle-orm';
import type { Db } from '../db';
import { organization, user, inviteToken } from '../db/schema';
import { generateToken, hashToken } from '../auth/session';

export const DEMO_ORG_SLUG = 'demo';
export const DEMO_ORG_NAME = 'Công đoàn Demo';
const SETUP_LINK_MS = 7 * 24 * 60 * 60 * 1000;

/** Seeders other domains register (demo bank, demo quiz…): each must be idempotent. */
const contentSeeders: Array<(db: Db, orgId: number) => void> = [];
export function registerDemoSeeder(seed: (db: Db, orgId: number) => void): void {
	contentSeeders.push(seed);
}

/** Create the demo organization and its content when missing. Safe to run at every start. */
export function seedDemo(db: Db, now = Date.now()): number {
	let org = db.select().from(organization).where(eq(organization.slug, DEMO_ORG_SLUG)).get();
	if (!org) {
		org = db
			.insert(organization)
			.values({ slug: DEMO_ORG_SLUG, name: DEMO_ORG_NAME, createdAt: new Date(now) })
			.returning()
			.get();
	}
	for (const seed of contentSeeders) seed(db, org.id);
	return org.id;
}

/**
 * While no staff account exists, issue a fresh one-time set-up link (older ones stop working).
 * Returns the token to print, or undefined when set-up is done.
 */
export function issueSetupToken(db: Db, now = Date.now()): string | undefined {
	const users = db.select({ n: count() }).from(user).get()?.n ?? 0;
	if (users > 0) return undefined;
	db.delete(inviteToken).where(eq(inviteToken.kind, 'setup')).run();
	const token = generateToken();
	db.insert(inviteToken)
		.values({
			id: hashToken(token),
			kind: 'setup',
			organizationId: null,
			role: 'admin',
			expiresAt: new Date(now + SETUP_LINK_MS)
		})
		.run();
	return token;
}
