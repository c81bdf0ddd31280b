/**
 * What phones may see of a question, before and after it closes. Built field by field from an
 * allow-list (never by copying and deleting), so a field added to the model later stays private
 * until someone decides otherwise.
 */
import type { AnswerValue, Citation, PointsMultiplier, Question } from './question';
import { deriveSeed, hashString } from './random';

interface PublicCommon {
	text: string;
	timeLimitSec: number;
	points: PointsMultiplier;
	/** Upload path, or null. */
	image: string | null;
}

/**
 * An ordering item as delivered: `id` is only its place in the delivered list (0, 1, 2…), never
 * its place in the correct order; an ordering answer lists these ids in the order chosen.
 */
export interface PublicOrderingItem {
	id: number;
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

/**
 * The order in which an ordering question's items are delivered, as canonical indices (entry n
 * is the item with public id n). Items are ranked by a hash of the seed and their own text, so
 * the delivery depends on the set of items and the seed only — never on the stored (correct)
 * order: a phone learns nothing about the answer, not even which order it is not. The seed,
 * and with it this mapping, stays on the server.
 */
export function orderingDelivery(items: readonly string[], shuffleSeed: number): number[] {
	const keyed = items.map((text, index) => ({
		index,
		text,
		key: deriveSeed(shuffleSeed, hashString(text))
	}));
	keyed.sort(
		(a, b) => a.key - b.key || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) || a.index - b.index
	);
	return keyed.map((k) => k.index);
}

/**
 * A phone's answer in the engine's terms: an ordering answer arrives as public ids (see
 * `orderingDelivery`) and is mapped to canonical indices; anything else, or anything malformed,
 * is returned as it came for `toAnswerValue` to check.
 */
export function answerFromPhone(question: Question, answer: unknown, shuffleSeed: number): unknown {
	if (question.type !== 'ordering') return answer;
	if (typeof answer !== 'object' || answer === null) return answer;
	const order = (answer as { order?: unknown }).order;
	if (!Array.isArray(order)) return answer;
	const delivery = orderingDelivery(question.items, shuffleSeed);
	const mapped = order.map((id) =>
		Number.isInteger(id) && id >= 0 && id < delivery.length ? delivery[id] : -1
	);
	return { ...(answer as object), order: mapped };
}

/** A stored answer as the phone gave it (ordering: canonical indices back to public ids). */
export function answerForPhone(
	question: Question,
	answer: AnswerValue,
	shuffleSeed: number
): AnswerValue {
	if (question.type !== 'ordering' || answer.type !== 'ordering') return answer;
	const delivery = orderingDelivery(question.items, shuffleSeed);
	return { type: 'ordering', order: answer.order.map((index) => delivery.indexOf(index)) };
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
				items: orderingDelivery(question.items, shuffleSeed).map((index, id) => ({
					id,
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
