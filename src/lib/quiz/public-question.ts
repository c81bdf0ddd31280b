/**
 * What phones may see of a question, before and after it closes. Built field by field from an
 * allow-list (never by copying and deleting), so a field added to the model later stays private
 * until someone decides otherwise.
 */
import type { Citation, PointsMultiplier, Question } from './question';
import { shuffledIndices } from './random';

interface PublicCommon {
	text: string;
	timeLimitSec: number;
	points: PointsMultiplier;
	/** Upload path, or null. */
	image: string | null;
}

/** An ordering item as shown: its text and its canonical index (what the answer refers to). */
export interface PublicOrderingItem {
	index: number;
	text: string;
}

/** A question as sent to phones while it is open: no answer key, explanation or citation. */
export type PublicQuestion =
	| (PublicCommon & { type: 'single'; options: string[] })
	| (PublicCommon & { type: 'multiple'; options: string[] })
	| (PublicCommon & { type: 'truefalse' })
	| (PublicCommon & { type: 'typeanswer' })
	| (PublicCommon & { type: 'numeric'; unit: string | null })
	| (PublicCommon & { type: 'ordering'; items: PublicOrderingItem[] });

/** The answer key, per question type. */
export type RevealKey =
	| { type: 'single'; correct: number }
	| { type: 'multiple'; correct: number[] }
	| { type: 'truefalse'; correct: boolean }
	| { type: 'typeanswer'; accepted: string[] }
	| { type: 'numeric'; value: number; tolerance: number; unit: string | null }
	/** Items in the correct order. */
	| { type: 'ordering'; items: string[] };

/** Shown after the question closes. */
export interface Reveal {
	answer: RevealKey;
	explanation: string | null;
	citation: Citation | null;
}

export interface PublicQuestionOptions {
	/** Seeds the ordering shuffle; the engine derives it from the game seed and question index. */
	shuffleSeed: number;
}

/** The question as a phone may see it before the close (ordering items shuffled by the seed). */
export function toPublicQuestion(
	question: Question,
	{ shuffleSeed }: PublicQuestionOptions
): PublicQuestion {
	const common: PublicCommon = {
		text: question.text,
		timeLimitSec: question.timeLimitSec,
		points: question.points,
		image: question.image ?? null
	};
	switch (question.type) {
		case 'single':
		case 'multiple':
			return { ...common, type: question.type, options: [...question.options] };
		case 'truefalse':
		case 'typeanswer':
			return { ...common, type: question.type };
		case 'numeric':
			return { ...common, type: 'numeric', unit: question.unit ?? null };
		case 'ordering':
			return {
				...common,
				type: 'ordering',
				items: shuffledIndices(question.items.length, shuffleSeed).map((index) => ({
					index,
					text: question.items[index]
				}))
			};
	}
}

function answerKeyOf(question: Question): RevealKey {
	switch (question.type) {
		case 'single':
			return { type: 'single', correct: question.correct };
		case 'multiple':
			return { type: 'multiple', correct: [...question.correct].sort((a, b) => a - b) };
		case 'truefalse':
			return { type: 'truefalse', correct: question.correct };
		case 'typeanswer':
			return { type: 'typeanswer', accepted: [...question.accepted] };
		case 'numeric':
			return {
				type: 'numeric',
				value: question.value,
				tolerance: question.tolerance,
				unit: question.unit ?? null
			};
		case 'ordering':
			return { type: 'ordering', items: [...question.items] };
	}
}

/** The answer key, explanation and legal citation, shown once the question has closed. */
export function revealOf(question: Question): Reveal {
	return {
		answer: answerKeyOf(question),
		explanation: question.explanation ?? null,
		citation: question.citation ? { ...question.citation } : null
	};
}
