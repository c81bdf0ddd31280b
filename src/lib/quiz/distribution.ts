/** Answer distribution for the reveal screen, kept up to date per answer in O(options). */
import type { Question } from './question';
import type { Distribution, StoredAnswer } from './types';

export function emptyDistribution(question: Question): Distribution {
	const slots =
		question.type === 'single' || question.type === 'multiple'
			? question.options.length
			: question.type === 'truefalse'
				? 2
				: 0;
	return { answered: 0, correct: 0, partial: 0, options: new Array<number>(slots).fill(0) };
}

function chosenSlots(stored: StoredAnswer): number[] {
	const { answer } = stored;
	switch (answer.type) {
		case 'single':
			return [answer.choice];
		case 'multiple':
			return answer.choices;
		case 'truefalse':
			return [answer.value ? 0 : 1];
		default:
			return [];
	}
}

function tally(distribution: Distribution, stored: StoredAnswer, sign: 1 | -1): Distribution {
	const options = [...distribution.options];
	for (const slot of chosenSlots(stored)) if (slot < options.length) options[slot] += sign;
	return {
		answered: distribution.answered + sign,
		correct: distribution.correct + (stored.correct ? sign : 0),
		partial: distribution.partial + (!stored.correct && stored.fraction > 0 ? sign : 0),
		options
	};
}

export function addToDistribution(distribution: Distribution, stored: StoredAnswer): Distribution {
	return tally(distribution, stored, 1);
}

/** Takes a kicked player's answer back out. */
export function removeFromDistribution(
	distribution: Distribution,
	stored: StoredAnswer
): Distribution {
	return tally(distribution, stored, -1);
}
