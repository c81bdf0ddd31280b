import { m } from '$lib/paraglide/messages.js';

type Role = 'admin' | 'organizer' | 'host';
const RANK: Record<Role, number> = { host: 1, organizer: 2, admin: 3 };

/**
 * Dashboard tiles contributed by feature areas (banks, events, contests…): each area adds its
 * entries here with the least role that sees them.
 */
const tiles: Array<{ href: string; title: () => string; text: () => string; minRole: Role }> = [];
tiles.push(
	{
		href: '/org/banks',
		title: () => m.bank_nav(),
		text: () => m.bank_tile_text(),
		minRole: 'organizer'
	},
	{
		href: '/org/quizzes',
		title: () => m.bank_quiz_nav(),
		text: () => m.bank_quiz_tile_text(),
		minRole: 'organizer'
	}
);

tiles.push({
	href: '/org/events',
	title: () => m.live_nav_events(),
	text: () => m.live_tile_text(),
	minRole: 'host'
});

tiles.push({
	href: '/org/contests',
	title: () => m.contest_org_title(),
	text: () => m.contest_org_tile_text(),
	minRole: 'organizer'
});

export function dashboardTiles(role: Role) {
	return tiles
		.filter((t) => RANK[role] >= RANK[t.minRole])
		.map((t) => ({ href: t.href, title: t.title(), text: t.text() }));
}

void m;
