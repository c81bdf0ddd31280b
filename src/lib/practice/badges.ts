/**
 * Badges. Each is earned the moment a threshold is crossed, so the server only compares the
 * facts before and after an answer (no rescans); badges once earned are kept.
 */

export const STREAK_BADGES = [3, 7, 30] as const;
export const LEVEL_BADGES = [5, 10] as const;
/** A law is mastered after this many of its distinct questions answered right (or all, if fewer). */
export const LAW_MASTERY_MIN = 10;
/** A session this long with no mistake earns "perfect session". */
export const PERFECT_SESSION_MIN = 5;

/** `first-correct`, `streak-3`, `level-5`, `perfect-session`, or `law:<document name>`. */
export type BadgeCode = string;

export const LAW_BADGE_PREFIX = 'law:';

export function lawBadge(document: string): BadgeCode {
	return LAW_BADGE_PREFIX + document;
}

/** Whether `correct` distinct right answers master a law with `poolSize` published questions. */
export function isLawMastered(correct: number, poolSize: number): boolean {
	return poolSize > 0 && correct >= Math.min(LAW_MASTERY_MIN, poolSize);
}

export interface BadgeFacts {
	correctTotal: number;
	streak: number;
	level: number;
}

/** Badges whose threshold lies between `before` and `after` (streaks, levels, first correct). */
export function crossedBadges(before: BadgeFacts, after: BadgeFacts): BadgeCode[] {
	const codes: BadgeCode[] = [];
	if (before.correctTotal < 1 && after.correctTotal >= 1) codes.push('first-correct');
	for (const days of STREAK_BADGES) {
		if (before.streak < days && after.streak >= days) codes.push(`streak-${days}`);
	}
	for (const level of LEVEL_BADGES) {
		if (before.level < level && after.level >= level) codes.push(`level-${level}`);
	}
	return codes;
}

/** The law badge earned by one more distinct right answer on `document`, if any. */
export function crossedLawBadge(
	document: string,
	correctBefore: number,
	correctAfter: number,
	poolSize: number
): BadgeCode | null {
	return !isLawMastered(correctBefore, poolSize) && isLawMastered(correctAfter, poolSize)
		? lawBadge(document)
		: null;
}

/** Whether a finished session earns "perfect session". */
export function isPerfectSession(answered: number, correct: number): boolean {
	return answered >= PERFECT_SESSION_MIN && correct === answered;
}

export type BadgeView =
	| { kind: 'first-correct' }
	| { kind: 'perfect-session' }
	| { kind: 'streak'; days: number }
	| { kind: 'level'; level: number }
	| { kind: 'law'; document: string }
	| { kind: 'unknown'; code: string };

/** What a stored badge code means, for display. */
export function describeBadge(code: BadgeCode): BadgeView {
	if (code === 'first-correct' || code === 'perfect-session') return { kind: code };
	if (code.startsWith(LAW_BADGE_PREFIX))
		return { kind: 'law', document: code.slice(LAW_BADGE_PREFIX.length) };
	const streak = /^streak-(\d+)$/.exec(code);
	if (streak) return { kind: 'streak', days: Number(streak[1]) };
	const level = /^level-(\d+)$/.exec(code);
	if (level) return { kind: 'level', level: Number(level[1]) };
	return { kind: 'unknown', code };
}
