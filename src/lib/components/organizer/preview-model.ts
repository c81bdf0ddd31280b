/**
 * What the previews need from a question that may still be half-typed in the editor:
 * every field optional and tolerated when malformed.
 */
import { shuffledIndices } from '$lib/quiz/random';

export interface PreviewModel {
	type: string;
	text: string;
	options: string[];
	/** Indices of correct options (single/multiple). */
	correct: number[];
	tfCorrect: boolean | null;
	accepted: string[];
	value: number | null;
	tolerance: number;
	unit: string;
	/** Items in the correct order. */
	items: string[];
	/** Item indices as phones see them (shuffled). */
	shownOrder: number[];
	timeLimitSec: number;
	points: number;
	imageUrl: string | null;
}

const strings = (v: unknown): string[] =>
	Array.isArray(v) ? v.map((s) => (typeof s === 'string' ? s : '')) : [];

/** Build the preview model from a `Question` or the editor's unvalidated draft. */
export function toPreviewModel(question: object, imageUrl?: string | null): PreviewModel {
	const q = question as Record<string, unknown>;
	const items = strings(q.items);
	const correct = Array.isArray(q.correct)
		? q.correct.filter((n): n is number => typeof n === 'number')
		: typeof q.correct === 'number'
			? [q.correct]
			: [];
	return {
		type: typeof q.type === 'string' ? q.type : 'single',
		text: typeof q.text === 'string' ? q.text : '',
		options: strings(q.options),
		correct,
		tfCorrect: typeof q.correct === 'boolean' ? q.correct : null,
		accepted: strings(q.accepted),
		value: typeof q.value === 'number' && Number.isFinite(q.value) ? q.value : null,
		tolerance: typeof q.tolerance === 'number' && Number.isFinite(q.tolerance) ? q.tolerance : 0,
		unit: typeof q.unit === 'string' ? q.unit : '',
		items,
		// The same seed for a given length, so the preview does not reshuffle on every keystroke.
		shownOrder: shuffledIndices(items.length, 7919 + items.length),
		timeLimitSec: typeof q.timeLimitSec === 'number' && q.timeLimitSec > 0 ? q.timeLimitSec : 20,
		points: typeof q.points === 'number' ? q.points : 1,
		imageUrl:
			imageUrl !== undefined
				? imageUrl
				: typeof q.image === 'string' && q.image
					? `/uploads/${q.image}`
					: null
	};
}
