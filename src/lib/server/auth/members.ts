import { and, asc, count, eq, ne } from 'drizzle-orm';
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

/** Who is changing a member: their id, role and platform flag (a SessionUser fits). */
export type Actor = { id: number; role: Role; isPlatformAdmin: boolean };

export type MemberUpdateResult =
	'ok' | 'not_found' | 'self' | 'bad_role' | 'rank' | 'platform_admin' | 'last_platform_admin';

const RANK: Record<Role, number> = { host: 1, organizer: 2, admin: 3 };

/** A platform administrator outranks every organization role. */
function rankOf(person: { role: Role; isPlatformAdmin: boolean }): number {
	return person.isPlatformAdmin ? 4 : RANK[person.role];
}

/** A platform administrator who can still use the platform pages. */
function isActivePlatformAdmin(u: {
	role: Role;
	isPlatformAdmin: boolean;
	disabledAt: Date | null;
}) {
	return u.isPlatformAdmin && u.role === 'admin' && u.disabledAt === null;
}

/**
 * Change a member's role or disabled state, only within the admin's organization. Only someone of
 * equal or higher rank may change a member, and nobody may grant a role above their own; only a
 * platform administrator may change another one; the last active platform administrator can be
 * neither disabled nor demoted. Returns 'not_found' for users of other organizations
 * (indistinguishable from absent ones).
 */
export function updateMember(
	db: Db,
	organizationId: number,
	actor: Actor,
	memberId: number,
	change: MemberUpdate,
	now = Date.now()
): MemberUpdateResult {
	const member = db
		.select()
		.from(user)
		.where(and(eq(user.id, memberId), eq(user.organizationId, organizationId)))
		.get();
	if (!member) return 'not_found';
	if (change.role !== undefined && !ROLES.includes(change.role)) return 'bad_role';
	if (memberId === actor.id && (change.disabled || (change.role && change.role !== 'admin')))
		return 'self';
	if (member.isPlatformAdmin && !actor.isPlatformAdmin) return 'platform_admin';
	if (rankOf(member) > rankOf(actor)) return 'rank';
	if (change.role && RANK[change.role] > RANK[actor.role]) return 'rank';
	const after = {
		role: change.role ?? member.role,
		isPlatformAdmin: member.isPlatformAdmin,
		disabledAt:
			change.disabled === undefined ? member.disabledAt : change.disabled ? new Date(now) : null
	};
	return db.transaction((tx) => {
		if (isActivePlatformAdmin(member) && !isActivePlatformAdmin(after)) {
			const others = tx
				.select({
					role: user.role,
					isPlatformAdmin: user.isPlatformAdmin,
					disabledAt: user.disabledAt
				})
				.from(user)
				.where(and(eq(user.isPlatformAdmin, true), ne(user.id, memberId)))
				.all()
				.filter(isActivePlatformAdmin);
			if (others.length === 0) return 'last_platform_admin';
		}
		tx.update(user)
			.set({
				...(change.role ? { role: change.role } : {}),
				...(change.disabled !== undefined ? { disabledAt: after.disabledAt } : {})
			})
			.where(eq(user.id, memberId))
			.run();
		if (change.disabled) invalidateUserSessions(tx, memberId);
		return 'ok' as const;
	});
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
