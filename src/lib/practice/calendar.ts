/**
 * Calendar keys for streaks and weekly leaderboards. Days and weeks follow Vietnam time
 * (UTC+7, no daylight saving), whatever the server's time zone.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Vietnam is UTC+7 all year. */
export const VN_OFFSET_MS = 7 * HOUR_MS;

/** Whole days since 1970-01-01 in Vietnam time: consecutive days differ by exactly 1. */
export function dayNumber(nowMs: number): number {
	return Math.floor((nowMs + VN_OFFSET_MS) / DAY_MS);
}

/** "2025-05-19": the Vietnam calendar day of an instant. */
export function dayKey(nowMs: number): string {
	return new Date(dayNumber(nowMs) * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
function isoWeekday(day: number): number {
	return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** ISO-8601 week of an instant in Vietnam time, e.g. "2025-W21" (weeks start on Monday). */
export function weekKey(nowMs: number): string {
	const day = dayNumber(nowMs);
	const weekday = isoWeekday(day);
	// The Thursday of this week decides the ISO year.
	const thursday = day - weekday + 4;
	const year = new Date(thursday * DAY_MS).getUTCFullYear();
	const jan1 = Math.floor(Date.UTC(year, 0, 1) / DAY_MS);
	const week = Math.floor((thursday - jan1) / 7) + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The instant the Vietnam week containing `nowMs` began (Monday 00:00 UTC+7). */
export function weekStart(nowMs: number): number {
	const day = dayNumber(nowMs);
	const weekday = isoWeekday(day);
	return (day - weekday + 1) * DAY_MS - VN_OFFSET_MS;
}
