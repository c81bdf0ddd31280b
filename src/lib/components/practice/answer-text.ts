/** The correct answer of a revealed question as lines of text, in the user's language. */
import { m } from '$lib/paraglide/messages.js';
import type { PublicQuestion, RevealKey } from '$lib/quiz/judge';

const letter = (i: number) => String.fromCharCode(65 + i);
const number = (n: number) => String(n).replace('.', ',');

export function correctAnswerLines(question: PublicQuestion, key: RevealKey): string[] {
	switch (key.type) {
		case 'single':
			return question.type === 'single'
				? [`${letter(key.correct)}. ${question.options[key.correct]}`]
				: [];
		case 'multiple':
			return question.type === 'multiple'
				? key.correct.map((i) => `${letter(i)}. ${question.options[i]}`)
				: [];
		case 'truefalse':
			return [key.correct ? m.practice_true() : m.practice_false()];
		case 'typeanswer':
			return key.accepted.length > 1
				? [key.accepted[0], m.practice_also_accepted({ list: key.accepted.slice(1).join('; ') })]
				: key.accepted.slice(0, 1);
		case 'numeric': {
			const value = `${number(key.value)}${key.unit ? ` ${key.unit}` : ''}`;
			return key.tolerance > 0
				? [`${value} (${m.practice_tolerance({ tolerance: number(key.tolerance) })})`]
				: [value];
		}
		case 'ordering':
			return key.items.map((item, i) => `${i + 1}. ${item}`);
	}
}
