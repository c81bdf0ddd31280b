/**
 * The project's own lossless format:
 * `{ format: 'chuong-vang-bank', version: 1, bank: { title, description?, tags? }, questions: Question[] }`.
 * Bump `JSON_FORMAT_VERSION` when the shape changes incompatibly; importers refuse newer versions.
 */
import * as v from 'valibot';
import type { Question } from '../../quiz/question';
import type { IssueLog } from './issues';
import { checkQuestion } from './validate';
import { yieldToEventLoop } from './text';
import type { BankDraft, BankMeta, DraftQuestion } from './types';

export const JSON_FORMAT_ID = 'chuong-vang-bank';
export const JSON_FORMAT_VERSION = 1;

const COMMON_KEYS = [
	'type',
	'text',
	'timeLimitSec',
	'points',
	'explanation',
	'citation',
	'difficulty',
	'tags',
	'image'
] as const;
const TYPE_KEYS: Record<string, readonly string[]> = {
	single: ['options', 'correct'],
	multiple: ['options', 'correct'],
	truefalse: ['correct'],
	typeanswer: ['accepted', 'ignoreDiacritics'],
	numeric: ['value', 'tolerance', 'unit'],
	ordering: ['items']
};

/** Copy only the fields of the question model, in a stable order. */
export function pickQuestionFields(
	question: Question | Record<string, unknown>
): Record<string, unknown> {
	const source = question as Record<string, unknown>;
	const keys = [...COMMON_KEYS, ...(TYPE_KEYS[String(source.type)] ?? [])];
	const out: Record<string, unknown> = {};
	for (const key of keys) {
		if (Object.prototype.hasOwnProperty.call(source, key) && source[key] !== undefined)
			out[key] = source[key];
	}
	if (out.citation && typeof out.citation === 'object') {
		const citation = out.citation as Record<string, unknown>;
		out.citation = Object.fromEntries(
			(['document', 'number', 'article'] as const)
				.filter((key) => citation[key] !== undefined)
				.map((key) => [key, citation[key]])
		);
	}
	return out;
}

export function writeJson(meta: BankMeta, questions: Question[]): Uint8Array {
	const document = {
		format: JSON_FORMAT_ID,
		version: JSON_FORMAT_VERSION,
		bank: {
			title: meta.title,
			...(meta.description ? { description: meta.description } : {}),
			...(meta.tags?.length ? { tags: meta.tags } : {})
		},
		questions: questions.map(pickQuestionFields)
	};
	return new TextEncoder().encode(`${JSON.stringify(document, null, '\t')}\n`);
}

const Envelope = v.object({
	format: v.literal(JSON_FORMAT_ID),
	version: v.number(),
	bank: v.optional(
		v.object({
			title: v.optional(v.string()),
			description: v.optional(v.string()),
			tags: v.optional(v.array(v.string()))
		})
	),
	questions: v.array(v.unknown())
});

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Line of a JSON.parse failure, from V8's "at position N" or "(line N column M)". */
function syntaxErrorLine(text: string, error: unknown): number {
	const message = error instanceof Error ? error.message : '';
	const line = /line (\d+)/.exec(message);
	if (line) return Number(line[1]);
	const position = /position (\d+)/.exec(message);
	if (position) return text.slice(0, Number(position[1])).split('\n').length;
	return 1;
}

export async function readJson(
	text: string,
	log: IssueLog,
	maxQuestions: number
): Promise<BankDraft> {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		log.error(syntaxErrorLine(text, error), 'file', 'json_syntax', {});
		return { questions: [] };
	}
	const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
	if (record.format === JSON_FORMAT_ID && record.version !== JSON_FORMAT_VERSION) {
		log.error(0, 'file', 'json_version', {
			version: String(record.version),
			supported: JSON_FORMAT_VERSION
		});
		return { questions: [] };
	}
	const parsed = v.safeParse(Envelope, data);
	if (!parsed.success) {
		log.error(0, 'file', 'json_not_bank', {});
		return { questions: [] };
	}
	const { bank, questions: items } = parsed.output;
	if (items.length > maxQuestions) {
		log.error(0, 'file', 'too_many_questions', { max: maxQuestions });
		return { questions: [] };
	}
	log.lineKind = 'question';
	const questions: DraftQuestion[] = [];
	for (const [index, item] of items.entries()) {
		if (index % 500 === 499) await yieldToEventLoop();
		const line = index + 1;
		const question =
			typeof item === 'object' && item !== null && !Array.isArray(item)
				? pickQuestionFields(item as Record<string, unknown>)
				: item;
		// The one default everywhere: typed answers match without diacritics unless told otherwise.
		if (
			isRecord(question) &&
			question.type === 'typeanswer' &&
			question.ignoreDiacritics === undefined
		)
			question.ignoreDiacritics = true;
		if (checkQuestion(question, line, log))
			questions.push({ ...(question as unknown as Question), line });
	}
	return {
		...(bank?.title ? { title: bank.title } : {}),
		...(bank?.description ? { description: bank.description } : {}),
		...(bank?.tags ? { tags: bank.tags } : {}),
		questions
	};
}
