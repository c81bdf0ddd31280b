/**
 * Questions → Moodle GIFT. What GIFT cannot say (time limit, points, difficulty, citation, tags,
 * "ignore diacritics", unit, ordering vs matching) rides along in a `// @chuong-vang {…}` comment
 * line before each question: Moodle skips comments, our importer reads them back.
 */
import type { Question } from '../../../quiz/question';
import { formatNumber } from '../text';
import type { BankMeta } from '../types';

export const GIFT_META_PREFIX = '// @chuong-vang ';
export const GIFT_BANK_PREFIX = '// @chuong-vang-bank ';

/** Escape GIFT's control characters; newlines become "\n" so a question stays one block. */
export function escapeGift(text: string): string {
	const escaped = text.replace(/[\\~=#{}:]/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\n');
	// GIFT has no escape for a leading "[html]" (read as a text format), "%50%" (read as a weight)
	// or "//" (read as a comment line): stating the format first makes them plain text again.
	return /^(\[|%|\/\/)/.test(escaped) ? `[moodle]${escaped}` : escaped;
}

/** Moodle's own grade steps for 1–6 correct answers of a multiple-answer question. */
const SHARES = ['100', '50', '33.33333', '25', '20', '16.66667'];

function answerBlock(question: Question): string {
	switch (question.type) {
		case 'single':
			return question.options
				.map((option, index) => `\t${index === question.correct ? '=' : '~'}${escapeGift(option)}`)
				.join('\n');
		case 'multiple': {
			const share =
				SHARES[question.correct.length - 1] ?? formatNumber(100 / question.correct.length);
			return question.options
				.map((option, index) =>
					question.correct.includes(index)
						? `\t~%${share}%${escapeGift(option)}`
						: `\t~%-100%${escapeGift(option)}`
				)
				.join('\n');
		}
		case 'truefalse':
			return question.correct ? '\tTRUE' : '\tFALSE';
		case 'typeanswer':
			return question.accepted.map((answer) => `\t=${escapeGift(answer)}`).join('\n');
		case 'numeric':
			return `\t#${formatNumber(question.value)}:${formatNumber(question.tolerance)}`;
		case 'ordering':
			return question.items
				.map((item, index) => `\t=${escapeGift(item)} -> ${index + 1}`)
				.join('\n');
	}
}

function metadata(question: Question): string {
	const meta: Record<string, unknown> = {
		type: question.type,
		timeLimitSec: question.timeLimitSec,
		points: question.points
	};
	if (question.difficulty) meta.difficulty = question.difficulty;
	if (question.citation) meta.citation = question.citation;
	meta.tags = question.tags;
	if (question.image) meta.image = question.image;
	if (question.type === 'typeanswer') meta.ignoreDiacritics = question.ignoreDiacritics;
	if (question.type === 'numeric' && question.unit !== undefined) meta.unit = question.unit;
	// JSON never contains a newline here, so the comment stays on one line.
	return GIFT_META_PREFIX + JSON.stringify(meta);
}

/** Category path for Moodle: one level named after the bank. "/" is Moodle's separator. */
function category(meta: BankMeta): string {
	const name = meta.title.replace(/\//g, '-').replace(/\s+/g, ' ').trim();
	return name ? `$CATEGORY: $course$/${name}` : '';
}

export function writeGift(meta: BankMeta, questions: Question[]): Uint8Array {
	const bank = { title: meta.title, description: meta.description, tags: meta.tags };
	const blocks = [
		[GIFT_BANK_PREFIX + JSON.stringify(bank), category(meta)].filter(Boolean).join('\n')
	];
	for (const question of questions) {
		const explanation = question.explanation ? `\n\t####${escapeGift(question.explanation)}` : '';
		blocks.push(
			`${metadata(question)}\n${escapeGift(question.text)} {\n${answerBlock(question)}${explanation}\n}`
		);
	}
	return new TextEncoder().encode(`${blocks.join('\n\n')}\n`);
}
