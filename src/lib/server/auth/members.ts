import { and, asc, count, eq } from 'drizzle-orm';
import { forUpdate, transaction, type Db } from '../db';
import { organization, user, type Role, ROLES } from '../db/schema';
import { invalidateUserSessions } from './session';

/** Members of one organization, for its admins, by name (Vietnamese order). */
export async function listMembers(db: Db, organizationId: number) {
	const rows = await db
		.select({
			id: user.id,
			username: user.username,
			displayName: user.displayName,
			role: user.role,
			disabled: user.disabledAt
		})
		.from(user)
		.where(eq(user.organizationId, organizationId));
	return rows
		.map((u) => ({ ...u, disabled: u.disabled !== null }))
		.sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi') || a.id - b.id);
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
 * (indistinguishable from absent ones). Disabling a member ends their sessions.
 */
export async function updateMember(
	db: Db,
	organizationId: number,
	actor: Actor,
	memberId: number,
	change: MemberUpdate,
	now = Date.now()
): Promise<MemberUpdateResult> {
	const [member] = await db
		.select()
		.from(user)
		.where(and(eq(user.id, memberId), eq(user.organizationId, organizationId)));
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
	const result = await transaction(db, async (tx) => {
		if (isActivePlatformAdmin(member) && !isActivePlatformAdmin(after)) {
			// Every platform administrator's row, locked in id order (PostgreSQL): two concurrent
			// demotions of the last two wait for each other, and the second sees the first's change.
			const admins = await forUpdate(
				tx,
				tx
					.select({
						id: user.id,
						role: user.role,
						isPlatformAdmin: user.isPlatformAdmin,
						disabledAt: user.disabledAt
					})
					.from(user)
					.where(eq(user.isPlatformAdmin, true))
					.orderBy(asc(user.id))
			);
			if (!admins.some((a) => a.id !== memberId && isActivePlatformAdmin(a)))
				return 'last_platform_admin' as const;
		}
		await tx
			.update(user)
			.set({
				...(change.role ? { role: change.role } : {}),
				...(change.disabled !== undefined ? { disabledAt: after.disabledAt } : {})
			})
			.where(eq(user.id, memberId));
		return 'ok' as const;
	});
	// A disabled user's sessions are refused from the commit on (validateSessionToken checks it).
	if (result === 'ok' && change.disabled) await invalidateUserSessions(db, memberId);
	return result;
}

export const ORG_SLUG_RE = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;

/** Every organization with its number of members, by name (Vietnamese order). */
export async function listOrganizations(db: Db) {
	const rows = await db
		.select({
			id: organization.id,
			slug: organization.slug,
			name: organization.name,
			members: count(user.id)
		})
		.from(organization)
		.leftJoin(user, eq(user.organizationId, organization.id))
		.groupBy(organization.id, organization.slug, organization.name);
	return rows.sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.id - b.id);
}

export async function createOrganization(db: Db, name: string, slug: string, now = Date.now()) {
	const [created] = await db
		.insert(organization)
		.values({ name, slug, createdAt: new Date(now) })
		.returning();
	return created;
}

export async function findOrganizationBySlug(db: Db, slug: string) {
	const [found] = await db.select().from(organization).where(eq(organization.slug, slug));
	return found;
}
