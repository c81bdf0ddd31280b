import type { Role } from '../db/schema';

export { ROLES, type Role } from '../db/schema';

/** What each role may do. Admin ⊃ organizer ⊃ host. */
const RANK: Record<Role, number> = { host: 1, organizer: 2, admin: 3 };

/** True when `role` is at least `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
	return RANK[role] >= RANK[needed];
}
