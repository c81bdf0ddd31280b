/**
 * Reading an answer from a plain HTML form (practice and contest pages work without JavaScript).
 * The shape is checked again by `toAnswerValue` against the real question; anything unreadable
 * here becomes null, which the services answer with `bad_answer`.
 */
import type { PublicQuestion } from '../../quiz/judge';

/** Field names the question components use. */
export const ANSWER_FIELDS = {
	choice: 'choice',
	choices: 'choices',
	value: 'value',
	text: 'text',
	/** `pos-<item id>` = the position (1-based) chosen for that item (ids as delivered, not canonical). */
	positionPrefix: 'pos-'
} as const;

function int(value: FormDataEntryValue | null): number | null {
	if (typeof value !== 'string' || !/^\d{1,3}$/.test(value)) return null;
	return Number(value);
}

/** A number typed the Vietnamese way ("2,5", "1.000") or the English way ("2.5"). */
export function readNumber(text: string): number | null {
	let t = text.trim().replace(/\s/g, '');
	if (!t || t.length > 30) return null;
	if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
	else t = t.replace(',', '.');
	if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
	const n = Number(t);
	return Number.isFinite(n) ? n : null;
}

export function answerFromForm(question: PublicQuestion, form: FormData): unknown {
	switch (question.type) {
		case 'single': {
			const choice = int(form.get(ANSWER_FIELDS.choice));
			return choice === null ? null : { type: 'single', choice };
		}
		case 'multiple': {
			const choices = form.getAll(ANSWER_FIELDS.choices).map(int);
			if (choices.length === 0 || choices.some((c) => c === null)) return null;
			return { type: 'multiple', choices };
		}
		case 'truefalse': {
			const value = form.get(ANSWER_FIELDS.value);
			return value === 'true' || value === 'false'
				? { type: 'truefalse', value: value === 'true' }
				: null;
		}
		case 'typeanswer': {
			const text = form.get(ANSWER_FIELDS.text);
			return typeof text === 'string' && text.trim()
				? { type: 'typeanswer', text: text.trim() }
				: null;
		}
		case 'numeric': {
			const text = form.get(ANSWER_FIELDS.value);
			const value = typeof text === 'string' ? readNumber(text) : null;
			return value === null ? null : { type: 'numeric', value };
		}
		case 'ordering': {
			const placed = question.items.map((item) => ({
				id: item.id,
				position: int(form.get(`${ANSWER_FIELDS.positionPrefix}${item.id}`))
			}));
			const positions = placed.map((p) => p.position);
			if (positions.some((p) => p === null) || new Set(positions).size !== positions.length)
				return null;
			return {
				type: 'ordering',
				order: placed.sort((a, b) => a.position! - b.position!).map((p) => p.id)
			};
		}
	}
}
