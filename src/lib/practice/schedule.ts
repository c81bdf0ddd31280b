/**
 * "Luyện lại câu sai": a Leitner schedule for the questions a player got wrong. A mistake puts
 * the question in box 1; each right answer moves it up a box and waits longer before asking
 * again; a right answer in the last box retires it. A wrong answer anywhere sends it back to box 1.
 */
import { DAY_MS, MINUTE_MS } from './calendar';

/** Wait before the question is due again, per box (box 1 = just got it wrong). */
export const BOX_INTERVALS_MS = [MINUTE_MS, 10 * MINUTE_MS, DAY_MS, 3 * DAY_MS] as const;
export const LAST_BOX = BOX_INTERVALS_MS.length;

export interface ReviewItem {
	/** 1..LAST_BOX. */
	box: number;
	/** When it may be asked again (epoch ms). */
	dueAt: number;
}

/**
 * The review state after an answer. `item` is null when the question is not in the mistakes
 * list; the result is null when it is not (or no longer) in it.
 */
export function scheduleReview(
	item: ReviewItem | null,
	correct: boolean,
	now: number
): ReviewItem | null {
	if (!correct) return { box: 1, dueAt: now + BOX_INTERVALS_MS[0] };
	if (!item) return null;
	// Answering right before it was due (e.g. in a normal session) does not promote it.
	if (now < item.dueAt) return item;
	if (item.box >= LAST_BOX) return null;
	const box = item.box + 1;
	return { box, dueAt: now + BOX_INTERVALS_MS[box - 1] };
}

/** Whether the question should be asked in a review session at `now`. */
export function isDue(item: ReviewItem, now: number): boolean {
	return item.dueAt <= now;
}
