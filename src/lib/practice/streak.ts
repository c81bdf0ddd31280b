/**
 * The daily streak: consecutive Vietnam calendar days with at least one correct answer.
 * Days are `dayNumber`s (see calendar.ts) so that "yesterday" is simply day − 1.
 */

export interface StreakState {
	current: number;
	best: number;
	/** Day number of the last day that counted, or null for a new player. */
	lastDay: number | null;
}

export const NEW_STREAK: StreakState = { current: 0, best: 0, lastDay: null };

/** The streak after a correct answer on `day`. Idempotent within a day. */
export function extendStreak(state: StreakState, day: number): StreakState {
	if (state.lastDay === day) return state;
	// A clock that went backwards (or a replayed old answer) never breaks a streak.
	if (state.lastDay !== null && day < state.lastDay) return state;
	const current = state.lastDay === day - 1 ? state.current + 1 : 1;
	return { current, best: Math.max(state.best, current), lastDay: day };
}

/** The streak as shown on `day`: still alive today if the last counted day was today or yesterday. */
export function visibleStreak(state: StreakState, day: number): number {
	if (state.lastDay === null) return 0;
	return day - state.lastDay <= 1 ? state.current : 0;
}
