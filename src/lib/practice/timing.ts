/**
 * The clock of an online-contest attempt. The server is the only clock: the phone's countdown is
 * a display of `deadlineAt`. A small grace absorbs the network delay of the last tap.
 */

/** Answers saved this long after the deadline still count (the tap left the phone in time). */
export const ANSWER_GRACE_MS = 2_000;

export interface AttemptClock {
	startedAt: number;
	deadlineAt: number;
}

export function deadlineOf(startedAt: number, timeLimitSec: number): number {
	return startedAt + timeLimitSec * 1000;
}

/** Whether an answer arriving at `now` may still be saved. */
export function acceptsAnswers(clock: AttemptClock, now: number): boolean {
	return now <= clock.deadlineAt + ANSWER_GRACE_MS;
}

/** Whether the attempt is over and should be closed with what was answered. */
export function isExpired(clock: AttemptClock, now: number): boolean {
	return now > clock.deadlineAt + ANSWER_GRACE_MS;
}

/** Milliseconds left for display (never negative). */
export function remainingMs(clock: AttemptClock, now: number): number {
	return Math.max(0, clock.deadlineAt - now);
}

/**
 * Completion time for ranking: from start to hand-in, capped at the time limit (an attempt closed
 * by the clock took the whole time, however late the close ran).
 */
export function completionMs(clock: AttemptClock, submittedAt: number): number {
	return Math.max(0, Math.min(submittedAt, clock.deadlineAt) - clock.startedAt);
}

/** When an attempt closed by the clock counts as handed in. */
export function closedAt(clock: AttemptClock, now: number): number {
	return Math.min(now, clock.deadlineAt);
}

/** Whether a round's window is open at `now` (opens inclusive, closes exclusive). */
export function isRoundOpen(round: { opensAt: number; closesAt: number }, now: number): boolean {
	return now >= round.opensAt && now < round.closesAt;
}
