/**
 * Aiken (Moodle's simplest format): a question line, options "A." or "A)", then "ANSWER: B".
 * A question without its ANSWER line is reported at the question's first line; the next
 * question still imports.
 */
import { DEFAULT_TIME_LIMIT_SEC } from '../../quiz/question';
import type { IssueLog } from './issues';
import { cleanText, yieldToEventLoop } from './text';
import { MAX_IMPORT_QUESTIONS, type BankDraft, type DraftQuestion } from './types';
import { checkQuestion } from './validate';

const OPTION = /^([A-Za-z])\s*[.)]\s*(.*)$/;
const ANSWER = /^ANSWER\s*:\s*(.*)$/i;

interface Pending {
	line: number;
	text: string[];
	options: string[];
}

/** Does the text look like Aiken (options and at least one ANSWER line)? */
export function looksLikeAiken(text: string): boolean {
	return /^ANSWER\s*:\s*[A-Za-z]\s*$/im.test(text) && /^[A-Za-z]\s*[.)]\s*\S/m.test(text);
}

export async function readAiken(source: string, log: IssueLog): Promise<BankDraft> {
	const questions: DraftQuestion[] = [];
	let pending: Pending | undefined;

	const missingAnswer = () => {
		if (pending) log.error(pending.line, 'correct', 'aiken_missing_answer', {});
		pending = undefined;
	};

	const lines = source.split(/\r\n?|\n/);
	for (let index = 0; index < lines.length; index++) {
		if (index % 5000 === 4999) await yieldToEventLoop();
		const line = index + 1;
		const trimmed = lines[index].trim();
		if (!trimmed) continue;

		const answer = ANSWER.exec(trimmed);
		if (answer && !pending) continue; // a stray ANSWER line has no question to belong to
		if (answer && pending) {
			finish(pending, answer[1].trim(), log, questions);
			pending = undefined;
			if (questions.length > MAX_IMPORT_QUESTIONS) {
				log.error(0, 'file', 'too_many_questions', { max: MAX_IMPORT_QUESTIONS });
				return { questions: [] };
			}
			continue;
		}
		const option = OPTION.exec(trimmed);
		const expected = pending ? String.fromCharCode(65 + pending.options.length) : 'A';
		if (option && pending && option[1].toUpperCase() === expected) {
			pending.options.push(cleanText(option[2]));
			continue;
		}
		if (pending && pending.options.length === 0) {
			pending.text.push(trimmed); // a question written over several lines
			continue;
		}
		missingAnswer();
		pending = { line, text: [trimmed], options: [] };
	}
	missingAnswer();
	return { questions };
}

function finish(pending: Pending, answer: string, log: IssueLog, out: DraftQuestion[]): void {
	const question: Record<string, unknown> = {
		type: 'single',
		text: cleanText(pending.text.join('\n')),
		options: pending.options,
		timeLimitSec: DEFAULT_TIME_LIMIT_SEC,
		points: 1,
		tags: []
	};
	if (!/^[A-Za-z]$/.test(answer)) {
		log.error(pending.line, 'correct', answer ? 'correct_invalid' : 'correct_missing', {
			value: answer
		});
		return;
	}
	const index = answer.toUpperCase().charCodeAt(0) - 65;
	if (index >= pending.options.length) {
		log.error(pending.line, 'correct', 'correct_out_of_range', { value: answer.toUpperCase() });
		return;
	}
	question.correct = index;
	if (checkQuestion(question, pending.line, log))
		out.push({ ...(question as unknown as DraftQuestion), line: pending.line });
}
