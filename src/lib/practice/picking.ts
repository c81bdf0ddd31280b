/**
 * Which questions a practice session asks. Pure and seeded: the server passes the seed.
 */
import { createRandom, deriveSeed } from '../quiz/random';

/** Questions per practice session. */
export const SESSION_SIZE = 10;
/** Questions in today's challenge. */
export const DAILY_SIZE = 5;
/** Questions in one "practise my mistakes" round at most. */
export const REVIEW_SIZE = 10;

function shuffle<T>(items: readonly T[], seed: number): T[] {
	const out = [...items];
	const random = createRandom(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/**
 * Up to `size` questions of a bank: the ones the player has not yet answered right come first
 * (learning), then the rest, each group in a random order.
 */
export function pickSessionQuestions(
	bankQuestionIds: readonly number[],
	knownIds: ReadonlySet<number>,
	seed: number,
	size = SESSION_SIZE
): number[] {
	const fresh = bankQuestionIds.filter((id) => !knownIds.has(id));
	const known = bankQuestionIds.filter((id) => knownIds.has(id));
	return [...shuffle(fresh, seed), ...shuffle(known, deriveSeed(seed, 1))].slice(0, size);
}

/** Today's challenge: the same questions for everyone on a given day. */
export function pickDailyQuestions(
	poolIds: readonly number[],
	day: number,
	size = DAILY_SIZE
): number[] {
	const sorted = [...poolIds].sort((a, b) => a - b);
	return shuffle(sorted, deriveSeed(0x5eed, day)).slice(0, size);
}
