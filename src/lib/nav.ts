import { m } from '$lib/paraglide/messages.js';

type Role = 'admin' | 'organizer' | 'host';

/**
 * Staff navigation entries contributed by feature areas, shown in the header after "Dashboard".
 * Each area adds its line here (banks, events, contests…), with the least role that sees it.
 */
const entries: Array<{ href: string; label: () => string; minRole: Role }> = [];

const RANK: Record<Role, number> = { host: 1, organizer: 2, admin: 3 };

entries.push({ href: '/org/events', label: () => m.live_nav_events(), minRole: 'host' });

export function staffLinks(role: Role): Array<[string, string]> {
	return entries.filter((e) => RANK[role] >= RANK[e.minRole]).map((e) => [e.href, e.label()]);
}

void m;
