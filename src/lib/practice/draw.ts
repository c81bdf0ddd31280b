/**
 * Drawing an attempt's questions with a fixed mix by topic and difficulty ("5 câu BLLĐ dễ,
 * 5 câu BHXH khó, 10 câu bất kỳ"). Seeded, so a test can replay a draw.
 */
import type { Difficulty } from '../quiz/question';
import { createRandom } from '../quiz/random';

export interface PoolQuestion {
	id: number;
	tags: readonly string[];
	difficulty: Difficulty | null;
}

/** One row of the mix; null tag / difficulty = any. */
export interface MixRow {
	tag: string | null;
	difficulty: Difficulty | null;
	count: number;
}

export function matchesRow(question: PoolQuestion, row: MixRow): boolean {
	return (
		(row.tag === null || question.tags.includes(row.tag)) &&
		(row.difficulty === null || question.difficulty === row.difficulty)
	);
}

/** Rows with both a tag and a difficulty first, then one, then none: specific rows fill first. */
export function orderedMix(mix: readonly MixRow[]): MixRow[] {
	const specificity = (row: MixRow) =>
		(row.tag === null ? 0 : 1) + (row.difficulty === null ? 0 : 1);
	return mix
		.map((row, i) => ({ row, i }))
		.sort((a, b) => specificity(b.row) - specificity(a.row) || a.i - b.i)
		.map(({ row }) => row);
}

export interface MixShortage {
	row: MixRow;
	/** Questions this row can surely get. */
	available: number;
}

/**
 * Rows the pool cannot always fill, whatever the draw: a row may lose to earlier rows that share
 * its questions at most their own count. Empty = every draw succeeds.
 */
export function mixShortages(pool: readonly PoolQuestion[], mix: readonly MixRow[]): MixShortage[] {
	const rows = orderedMix(mix);
	const shortages: MixShortage[] = [];
	rows.forEach((row, i) => {
		const matching = pool.filter((q) => matchesRow(q, row));
		const takenBefore = rows
			.slice(0, i)
			.filter((earlier) => matching.some((q) => matchesRow(q, earlier)))
			.reduce((sum, earlier) => sum + earlier.count, 0);
		const available = Math.max(0, matching.length - takenBefore);
		if (available < row.count) shortages.push({ row, available });
	});
	return shortages;
}

/** Question ids for one attempt, in a shuffled order; null when the pool runs short. */
export function drawQuestions(
	pool: readonly PoolQuestion[],
	mix: readonly MixRow[],
	seed: number
): number[] | null {
	const random = createRandom(seed);
	const used = new Set<number>();
	const picked: number[] = [];
	for (const row of orderedMix(mix)) {
		const candidates = pool.filter((q) => !used.has(q.id) && matchesRow(q, row));
		if (candidates.length < row.count) return null;
		for (let n = 0; n < row.count; n++) {
			const j = n + Math.floor(random() * (candidates.length - n));
			[candidates[n], candidates[j]] = [candidates[j], candidates[n]];
			used.add(candidates[n].id);
			picked.push(candidates[n].id);
		}
	}
	for (let i = picked.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[picked[i], picked[j]] = [picked[j], picked[i]];
	}
	return picked;
}

/** Total questions per attempt. */
export function mixSize(mix: readonly MixRow[]): number {
	return mix.reduce((sum, row) => sum + row.count, 0);
}
