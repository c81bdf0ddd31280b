import { eq, count } from 'drizzle-orm';
import type { Db } from '../db';
import { organization, user, inviteToken } from '../db/schema';
import { generateToken, hashToken } from '../auth/session';

export const DEMO_ORG_SLUG = 'demo';
export const DEMO_ORG_NAME = 'Công đoàn Demo';
const SETUP_LINK_MS = 7 * 24 * 60 * 60 * 1000;

/** Seeders other domains register (demo bank, demo quiz…): each must be idempotent. */
type DemoSeeder = (db: Db, orgId: number) => Promise<void> | void;
const contentSeeders: DemoSeeder[] = [];
export function registerDemoSeeder(seed: DemoSeeder): void {
	contentSeeders.push(seed);
}

/** Create the demo organization and its content when missing. Safe to run at every start. */
export async function seedDemo(db: Db, now = Date.now()): Promise<number> {
	// Two nodes starting together may both find it missing: the second insert does nothing.
	await db
		.insert(organization)
		.values({ slug: DEMO_ORG_SLUG, name: DEMO_ORG_NAME, createdAt: new Date(now) })
		.onConflictDoNothing({ target: organization.slug });
	const [org] = await db.select().from(organization).where(eq(organization.slug, DEMO_ORG_SLUG));
	for (const seed of contentSeeders) await seed(db, org.id);
	return org.id;
}

/**
 * While no staff account exists, issue a fresh one-time set-up link (older ones stop working).
 * Returns the token to print, or undefined when set-up is done.
 */
export async function issueSetupToken(db: Db, now = Date.now()): Promise<string | undefined> {
	const [row] = await db.select({ n: count() }).from(user);
	if ((row?.n ?? 0) > 0) return undefined;
	await db.delete(inviteToken).where(eq(inviteToken.kind, 'setup'));
	const token = generateToken();
	await db.insert(inviteToken).values({
		id: hashToken(token),
		kind: 'setup',
		organizationId: null,
		role: 'admin',
		expiresAt: new Date(now + SETUP_LINK_MS)
	});
	return token;
}
