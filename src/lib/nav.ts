import { m } from '$lib/paraglide/messages.js';

type Role = 'admin' | 'organizer' | 'host';

/**
 * Staff navigation entries contributed by feature areas, shown in the header after "Dashboard".
 * Each area adds its line here (banks, events, contests…), with the least role that sees it.
 */
const entries: Array<{ href: string; label: () => string; minRole: Role }> = [];
entries.push(
	{ href: '/org/banks', label: () => m.bank_nav(), minRole: 'organizer' },
	{ href: '/org/quizzes', label: () => m.bank_quiz_nav(), minRole: 'organizer' }
);

const RANK: Record<Role, number> = { host: 1, organizer: 2, admin: 3 };

entries.push({ href: '/org/events', label: () => m.live_nav_events(), minRole: 'host' });
entries.push({ href: '/org/contests', label: () => m.contest_nav(), minRole: 'organizer' });

export function staffLinks(role: Role): Array<[string, string]> {
	return entries.filter((e) => RANK[role] >= RANK[e.minRole]).map((e) => [e.href, e.label()]);
}

void m;
