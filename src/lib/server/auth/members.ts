import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { organization, user, type Role, ROLES } from '../db/schema';
import { invalidateUserSessions } from './session';

/** Members of one organization, for its admins. */
export function listMembers(db: Db, organizationId: number) {
	return db
		.select({
			id: user.id,
			username: user.username,
			displayName: user.displayName,
			role: user.role,
			disabled: user.disabledAt
		})
		.from(user)
		.where(eq(user.organizationId, organizationId))
		.orderBy(asc(user.displayName))
		.all()
		.map((u) => ({ ...u, disabled: u.disabled !== null }));
}

export type MemberUpdate = { role?: Role; disabled?: boolean };

/**
 * Change a member's role or disabled state, only within the admin's organization.
 * Returns 'not_found' for users of other organizations (indistinguishable from absent ones).
 */
export function updateMember(
	db: Db,
	organizationId: number,
	actorId: number,
	memberId: number,
	change: MemberUpdate,
	now = Date.now()
): 'ok' | 'not_found' | 'self' | 'bad_role' {
	const member = db
		.select()
		.from(user)
		.where(and(eq(user.id, memberId), eq(user.organizationId, organizationId)))
		.get();
	if (!member) return 'not_found';
	if (change.role !== undefined && !ROLES.includes(change.role)) return 'bad_role';
	if (memberId === actorId && (change.disabled || (change.role && change.role !== 'admin')))
		return 'self';
	db.update(user)
		.set({
			...(change.role ? { role: change.role } : {}),
			...(change.disabled !== undefined
				? { disabledAt: change.disabled ? new Date(now) : null }
				: {})
		})
		.where(eq(user.id, memberId))
		.run();
	if (change.disabled) invalidateUserSessions(db, memberId);
	return 'ok';
}

export const ORG_SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;

export function listOrganizations(db: Db) {
	return db
		.select({
			id: organization.id,
			slug: organization.slug,
			name: organization.name,
			members: count(user.id)
		})
		.from(organization)
		.leftJoin(user, eq(user.organizationId, organization.id))
		.groupBy(organization.id)
		.orderBy(asc(organization.name))
		.all();
}

export function createOrganization(db: Db, name: string, slug: string, now = Date.now()) {
	return db
		.insert(organization)
		.values({ name, slug, createdAt: new Date(now) })
		.returning()
		.get();
}

export function findOrganizationBySlug(db: Db, slug: string) {
	return db.select().from(organization).where(eq(organization.slug, slug)).get();
}
