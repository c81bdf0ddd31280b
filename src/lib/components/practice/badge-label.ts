/** Badge codes as names, in the user's language. */
import { m } from '$lib/paraglide/messages.js';
import { describeBadge } from '$lib/practice/badges';

export function badgeLabel(code: string): string {
	const badge = describeBadge(code);
	switch (badge.kind) {
		case 'first-correct':
			return m.practice_badge_first_correct();
		case 'perfect-session':
			return m.practice_badge_perfect();
		case 'streak':
			return m.practice_badge_streak({ days: badge.days });
		case 'level':
			return m.practice_badge_level({ level: badge.level });
		case 'law':
			return m.practice_badge_law({ law: badge.document });
		case 'unknown':
			return badge.code;
	}
}
