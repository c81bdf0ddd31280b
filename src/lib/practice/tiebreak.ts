/**
 * Ranking online-contest entries with the tie-break chain of Vietnamese provincial contests:
 * higher score → closer prediction → shorter completion time → earlier submission.
 * The SQL in queries/contests.ts orders the same way; tests check that they agree.
 */

export interface Standing {
	score: number;
	/** The entrant's answer to the prediction question, or null (ranks after every prediction). */
	prediction: number | null;
	/** Time taken, ms. */
	durationMs: number;
	/** When the attempt was handed in (epoch ms). */
	submittedAt: number;
}

/** |prediction − truth|, or null without a prediction (or without a prediction question). */
export function predictionGap(prediction: number | null, truth: number | null): number | null {
	if (prediction === null || truth === null) return null;
	return Math.abs(prediction - truth);
}

function compareGaps(a: number | null, b: number | null): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	return a - b;
}

/** Negative when `a` ranks above `b` for a round whose prediction answer is `truth`. */
export function compareStandings(a: Standing, b: Standing, truth: number | null): number {
	return (
		b.score - a.score ||
		compareGaps(predictionGap(a.prediction, truth), predictionGap(b.prediction, truth)) ||
		a.durationMs - b.durationMs ||
		a.submittedAt - b.submittedAt
	);
}

/**
 * Which of two submitted attempts of one entrant in one round counts: higher score, then
 * shorter time, then the earlier. The prediction cannot decide it, since its answer is known
 * only when the round ends; the chosen attempt's prediction is the one ranked.
 */
export function isBetterAttempt(candidate: Standing, current: Standing | null): boolean {
	if (!current) return true;
	return (
		(candidate.score - current.score ||
			current.durationMs - candidate.durationMs ||
			current.submittedAt - candidate.submittedAt) > 0
	);
}

export type Ranked<T> = T & { rank: number };

/** Sort and number standings; entries equal on the whole chain share a rank (1, 2, 2, 4). */
export function rankStandings<T extends Standing>(
	items: readonly T[],
	truth: number | null
): Ranked<T>[] {
	const sorted = [...items].sort((a, b) => compareStandings(a, b, truth));
	const out: Ranked<T>[] = [];
	sorted.forEach((item, i) => {
		const tied = i > 0 && compareStandings(sorted[i - 1], item, truth) === 0;
		out.push({ ...item, rank: tied ? out[i - 1].rank : i + 1 });
	});
	return out;
}

/** Overall result across rounds: the sum of each round's counted attempt. */
export interface OverallStanding {
	score: number;
	/** Sum of prediction gaps over the rounds taken; null when any counted attempt lacked one. */
	predictionGap: number | null;
	durationMs: number;
	/** The latest submission among the counted attempts. */
	submittedAt: number;
}

/** Overall ordering: total score → total prediction gap → total time → last counted submission. */
export function compareOverall(a: OverallStanding, b: OverallStanding): number {
	return (
		b.score - a.score ||
		compareGaps(a.predictionGap, b.predictionGap) ||
		a.durationMs - b.durationMs ||
		a.submittedAt - b.submittedAt
	);
}
