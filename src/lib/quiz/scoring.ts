/**
 * Kahoot-style points for one answer.
 *
 * - P = BASE_POINTS × the question's multiplier (0, 1000 or 2000).
 * - `speed` and `speed-streak`: points = round(P × (1 − t / (2T)) × fraction), t the response time
 *   clamped to [0, T], T the question's time limit. An instant right answer earns P, one at the
 *   buzzer P / 2. Time the host adds lengthens the window for answers but not T (answers in it
 *   earn P / 2), so early and late answerers are scored against the same T and an answer's points
 *   are final the moment it arrives. Rounding happens once, at the end, so partial credit stays a
 *   whole number.
 * - `accuracy`: points = round(P × fraction), no speed factor.
 * - `speed-streak` adds STREAK_BONUS_STEP for each consecutive fully correct answer beyond the
 *   first, capped at STREAK_BONUS_MAX.
 * - The streak counts fully correct answers in a row in every mode (phones show it); partial
 *   credit, a wrong or a missing answer resets it. Questions worth 0 points (warm-ups, polls)
 *   neither extend nor break a streak and earn no bonus.
 */
import type { Judgement } from './judge';
import { BASE_POINTS, type PointsMultiplier } from './question';

export const SCORING_MODES = ['speed-streak', 'speed', 'accuracy'] as const;
export type ScoringMode = (typeof SCORING_MODES)[number];

export const STREAK_BONUS_STEP = 100;
export const STREAK_BONUS_MAX = 500;

export interface ScoreInput {
	mode: ScoringMode;
	/** The question's points multiplier. */
	multiplier: PointsMultiplier;
	judgement: Judgement;
	responseMs: number;
	/** The question's time limit in ms (T). */
	timeLimitMs: number;
	/** Consecutive fully correct answers before this one. */
	streak: number;
}

export interface Score {
	/** Total points for the answer: speed/accuracy points plus the streak bonus. */
	points: number;
	streakBonus: number;
	/** The streak after this answer. */
	streak: number;
}

/** The streak bonus for an answer that brings the streak to `streak` (1 = first correct). */
export function streakBonus(streak: number): number {
	return Math.min(STREAK_BONUS_MAX, STREAK_BONUS_STEP * Math.max(0, streak - 1));
}

function speedFactor(responseMs: number, timeLimitMs: number): number {
	if (!(timeLimitMs > 0)) return 1;
	const t = Math.min(Math.max(responseMs, 0), timeLimitMs);
	return 1 - t / (2 * timeLimitMs);
}

/** Points and the new streak for a submitted answer. */
export function scoreAnswer(input: ScoreInput): Score {
	const { mode, multiplier, judgement } = input;
	if (multiplier === 0) return { points: 0, streakBonus: 0, streak: input.streak };
	const fullPoints = BASE_POINTS * multiplier;
	const fraction = Math.min(1, Math.max(0, judgement.fraction));
	const factor = mode === 'accuracy' ? 1 : speedFactor(input.responseMs, input.timeLimitMs);
	const base = Math.round(fullPoints * factor * fraction);
	if (!judgement.correct) return { points: base, streakBonus: 0, streak: 0 };
	const streak = input.streak + 1;
	const bonus = mode === 'speed-streak' ? streakBonus(streak) : 0;
	return { points: base + bonus, streakBonus: bonus, streak };
}

/** No answer before the close: no points, and the streak breaks (unless the question is worth 0). */
export function scoreMissedAnswer(multiplier: PointsMultiplier, streak: number): Score {
	return { points: 0, streakBonus: 0, streak: multiplier === 0 ? streak : 0 };
}
