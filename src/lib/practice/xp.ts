/**
 * Experience points and levels. XP rewards learning, not guessing: wrong answers earn nothing
 * (and cost nothing), a question earns its full XP only the first time it is answered right,
 * fixing a past mistake earns it again, and replaying what is already known earns a token point.
 */
import type { Difficulty } from '../quiz/question';

/** Full XP for a first correct answer, by difficulty (questions without one count as medium). */
export const XP_BY_DIFFICULTY: Record<Difficulty, number> = { easy: 10, medium: 15, hard: 20 };
/** A correct answer to a question the player already knew. */
export const XP_REPEAT = 1;
/** Bonus for finishing today's challenge (once a day). */
export const XP_DAILY_BONUS = 30;

export interface AnswerXpInput {
	correct: boolean;
	difficulty: Difficulty | null | undefined;
	/** The player had answered this question right before. */
	knewIt: boolean;
	/** The question was in the player's mistakes list (spaced-repetition review). */
	wasMistake: boolean;
}

/** XP earned by one answer. */
export function xpForAnswer({ correct, difficulty, knewIt, wasMistake }: AnswerXpInput): number {
	if (!correct) return 0;
	const full = XP_BY_DIFFICULTY[difficulty ?? 'medium'];
	if (!knewIt) return full;
	// Getting a past mistake right is learning too: half the XP, rounded up.
	return wasMistake ? Math.ceil(full / 2) : XP_REPEAT;
}

/** XP needed to reach `level` from zero: 0, 100, 250, 450, 700… (each step 50 more than the last). */
export function xpForLevel(level: number): number {
	if (level <= 1) return 0;
	const n = level - 1;
	return 50 * n + 25 * n * (n + 1);
}

export interface LevelInfo {
	level: number;
	/** XP at which the current level started. */
	floor: number;
	/** XP at which the next level starts. */
	next: number;
	/** 0..1 progress towards the next level. */
	progress: number;
}

/** The level reached with `xp` points (level 1 at 0 XP). */
export function levelOf(xp: number): LevelInfo {
	const points = Math.max(0, Math.floor(xp));
	let level = 1;
	while (xpForLevel(level + 1) <= points) level++;
	const floor = xpForLevel(level);
	const next = xpForLevel(level + 1);
	return { level, floor, next, progress: (points - floor) / (next - floor) };
}
