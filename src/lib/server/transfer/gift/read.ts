/**
 * Moodle GIFT → draft questions. Parsing is done by gift-pegjs (a maintained PEG grammar that
 * handles escapes, feedback, weights and formats). We split the file into blank-line separated
 * blocks first — the unit Moodle itself uses — so each question is parsed on its own: one broken
 * question is reported with its line and the others still import, and no single parse can grow
 * beyond one block.
 */
import { parse, type GIFTQuestion, type TextChoice, type TextFormat } from 'gift-pegjs';
import { DEFAULT_TIME_LIMIT_SEC, LIMITS } from '../../../quiz/question';
import { decodeEntities, htmlToText, markdownToText } from '../html';
import type { IssueLog } from '../issues';
import { cleanText, formatNumber, roundNoise, yieldToEventLoop } from '../text';
import { MAX_IMPORT_QUESTIONS, type BankDraft, type DraftQuestion } from '../types';
import { checkQuestion } from '../validate';
import { GIFT_BANK_PREFIX, GIFT_META_PREFIX } from './write';

/** No honest question (text + 6 options + explanation + feedback) comes near this. */
const MAX_BLOCK_CHARS = 20_000;

interface Block {
	/** Source line of each block line (comments removed). */
	lines: number[];
	text: string[];
	meta?: string;
	category?: string;
}

/** Split into blank-line separated blocks, keeping comments out and `$CATEGORY` apart. */
function splitBlocks(source: string): { blocks: Block[]; bank?: string } {
	const blocks: Block[] = [];
	let bank: string | undefined;
	let current: Block | undefined;
	let category: string | undefined;
	const lines = source.split(/\r\n?|\n/);
	lines.forEach((line, index) => {
		const trimmed = line.trim();
		if (!trimmed) {
			current = undefined;
			return;
		}
		if (trimmed.startsWith('//')) {
			if (trimmed.startsWith(GIFT_BANK_PREFIX.trim()))
				bank = trimmed.slice(GIFT_BANK_PREFIX.trim().length);
			else if (trimmed.startsWith(GIFT_META_PREFIX.trim())) {
				if (!current) {
					current = { lines: [], text: [], category };
					blocks.push(current);
				}
				if (!current.text.length) current.meta = trimmed.slice(GIFT_META_PREFIX.trim().length);
			}
			return;
		}
		if (/^\$CATEGORY:/i.test(trimmed)) {
			category = trimmed.replace(/^\$CATEGORY:/i, '').trim();
			if (current) current.category = category;
			return;
		}
		if (!current) {
			current = { lines: [], text: [], category };
			blocks.push(current);
		}
		current.lines.push(index + 1);
		current.text.push(line);
	});
	return { blocks: blocks.filter((block) => block.text.length), bank };
}

/** Find an unbalanced brace, honouring backslash escapes. */
function braceProblem(
	block: Block
): { line: number; code: 'gift_unclosed' | 'gift_unopened' } | undefined {
	let openLine = 0;
	let depth = 0;
	for (let row = 0; row < block.text.length; row++) {
		const text = block.text[row];
		for (let i = 0; i < text.length; i++) {
			const char = text[i];
			if (char === '\\') i++;
			else if (char === '{') {
				if (depth === 0) openLine = block.lines[row];
				depth++;
			} else if (char === '}') {
				if (depth === 0) return { line: block.lines[row], code: 'gift_unopened' };
				depth--;
			}
		}
	}
	return depth > 0 ? { line: openLine, code: 'gift_unclosed' } : undefined;
}

/** Question text in any GIFT text format → plain text (HTML and Markdown markup dropped). */
function plain(value: TextFormat | null | undefined): string {
	if (!value) return '';
	if (value.format === 'html') return cleanText(htmlToText(value.text));
	if (value.format === 'markdown') return cleanText(markdownToText(value.text));
	return cleanText(decodeEntities(value.text));
}

/** GIFT's control characters: a decoded entity that is one of them must stay text. */
const GIFT_SPECIAL = /[~=#{}:\\]/;

/**
 * Every Moodle export writes letters as numeric entities (`&#7885;`), whose `#` the grammar reads
 * as feedback. Decode them before parsing (escaping the result when it is a control character),
 * and write numbers in exponent notation (`1.5e3`), which Moodle reads but the grammar does not,
 * out in full.
 */
function prepareBlock(text: string): string {
	return text
		.replace(/&#(x[0-9a-f]{1,6}|\d{1,7});/gi, (whole: string) => {
			const char = decodeEntities(whole);
			if (char === whole) return whole;
			return GIFT_SPECIAL.test(char) ? `\\${char}` : char;
		})
		.replace(/\{\s*#[^{}]*\}/g, (answer: string) =>
			answer.replace(
				/(^|[^\w.])([-+]?\d+(?:\.\d+)?[eE][-+]?\d+)/g,
				(_m, lead: string, num: string) => {
					const value = Number(num);
					return Number.isFinite(value) ? lead + formatNumber(value) : lead + num;
				}
			)
		);
}

/** Moodle category path → tags: "$course$/top/Luật lao động/Chương 1" → ["Luật lao động", "Chương 1"]. */
export function categoryTags(path: string | undefined): string[] {
	if (!path) return [];
	return path
		.split('/')
		.map((part) => cleanText(part).replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim())
		.filter((part) => part && !/^\$\w+\$$/.test(part) && part.toLowerCase() !== 'top')
		.map((part) => part.slice(0, LIMITS.tagMax).trim())
		.slice(-LIMITS.tagsMax);
}

function parseMeta(raw: string | undefined): Record<string, unknown> {
	if (!raw) return {};
	try {
		const value: unknown = JSON.parse(raw);
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: {};
	} catch {
		return {};
	}
}

function isFullyCorrect(choice: TextChoice): boolean {
	return choice.isCorrect
		? choice.weight === null || choice.weight >= 100
		: (choice.weight ?? 0) >= 100;
}

/** One parsed GIFT question → our question fields, or undefined when skipped (with a warning). */
function convert(
	parsed: GIFTQuestion,
	meta: Record<string, unknown>,
	line: number,
	log: IssueLog
): Record<string, unknown> | undefined {
	if (parsed.type === 'Category') return undefined;
	const text = plain(parsed.stem) || cleanText(parsed.title ?? '');
	if (parsed.type === 'Description' || parsed.type === 'Essay') {
		log.warn(line, 'type', 'type_unsupported', { value: parsed.type });
		return undefined;
	}
	const explanation = plain(parsed.globalFeedback);
	const base: Record<string, unknown> = { text };
	if (explanation) base.explanation = explanation;

	switch (parsed.type) {
		case 'MC': {
			const options = parsed.choices.map((choice) => plain(choice.text));
			const marked = parsed.choices.flatMap((choice, index) => (choice.isCorrect ? [index] : []));
			const positive = parsed.choices.flatMap((choice, index) =>
				!choice.isCorrect && (choice.weight ?? 0) > 0 ? [index] : []
			);
			const feedback = (index: number) => plain(parsed.choices[index]?.feedback);
			if (marked.length >= 1) {
				if (positive.length) log.warn(line, 'correct', 'partial_credit', {});
				// Moodle: "{=a =b ~c}" is one choice where either "=" answer earns full credit.
				// We keep the first as the key and say which others Moodle also accepted.
				if (marked.length > 1)
					log.warn(line, 'correct', 'correct_several_full', {
						value: options[marked[0]],
						others: marked
							.slice(1)
							.map((index) => `“${options[index]}”`)
							.join(', ')
					});
				if (!explanation && feedback(marked[0])) base.explanation = feedback(marked[0]);
				return { ...base, type: 'single', options, correct: marked[0] };
			}
			const correct = positive;
			if (!explanation && correct.length && feedback(correct[0]))
				base.explanation = feedback(correct[0]);
			return { ...base, type: 'multiple', options, correct };
		}
		case 'TF': {
			// Moodle reads "{TRUE#wrong#right}": the first feedback is shown to a wrong answer, the
			// second to a right one (gift-pegjs names them trueFeedback/falseFeedback in that order).
			const right = plain(parsed.falseFeedback);
			if (!explanation && right) base.explanation = right;
			return { ...base, type: 'truefalse', correct: parsed.isTrue };
		}
		case 'Short': {
			const full = parsed.choices.filter(isFullyCorrect);
			if (full.length < parsed.choices.length) log.warn(line, 'accepted', 'partial_credit', {});
			return {
				...base,
				type: 'typeanswer',
				accepted: full.map((choice) => plain(choice.text)),
				ignoreDiacritics: true
			};
		}
		case 'Numerical': {
			const answers = Array.isArray(parsed.choices)
				? parsed.choices.filter((choice) => choice.isCorrect && (choice.weight ?? 100) >= 100)
				: [{ text: parsed.choices }];
			if (Array.isArray(parsed.choices) && parsed.choices.length > 1)
				log.warn(line, 'value', 'numeric_extra_answers', {});
			const first = answers[0]?.text;
			if (!first) return { ...base, type: 'numeric', value: undefined, tolerance: 0 };
			if (first.type === 'high-low') {
				const low = first.numberLow ?? 0;
				const high = first.numberHigh ?? 0;
				return {
					...base,
					type: 'numeric',
					value: roundNoise((low + high) / 2),
					tolerance: roundNoise(Math.abs(high - low) / 2)
				};
			}
			return { ...base, type: 'numeric', value: first.number, tolerance: first.range ?? 0 };
		}
		case 'Matching': {
			// "item -> 1, item -> 2 …" numbers each item's position: that is an ordering question.
			const positions = parsed.matchPairs.map((pair) => Number(pair.subanswer.trim()));
			const isOrdering =
				positions.every((position) => Number.isInteger(position)) &&
				[...positions].sort((a, b) => a - b).every((position, index) => position === index + 1);
			if (!isOrdering) {
				log.warn(line, 'type', 'matching_skipped', {});
				return undefined;
			}
			if (meta.type !== 'ordering') log.warn(line, 'type', 'matching_as_ordering', {});
			const items = parsed.matchPairs
				.map((pair, index) => ({ item: plain(pair.subquestion), position: positions[index] }))
				.sort((a, b) => a.position - b.position)
				.map((entry) => entry.item);
			return { ...base, type: 'ordering', items };
		}
	}
}

/**
 * The GIFT grammar wants every ":" escaped, but Moodle reads "Điều 105: …" in a feedback line
 * without complaint and files in the wild rely on that. On a syntax error, retry once with lone
 * colons escaped — except in "::title::" (double colons) and numeric answers ("{#5:1}").
 */
export function escapeLooseColons(text: string): string {
	let out = '';
	let inNumeric = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '\\') {
			out += char + (text[i + 1] ?? '');
			i++;
			continue;
		}
		if (char === '{') inNumeric = /^\{\s*#/.test(text.slice(i, i + 8));
		else if (char === '}') inNumeric = false;
		const lone = char === ':' && text[i - 1] !== ':' && text[i + 1] !== ':';
		out += lone && !inNumeric ? '\\:' : char;
	}
	return out;
}

function parseLeniently(text: string): GIFTQuestion[] {
	try {
		return parse(text);
	} catch (error) {
		const retry = escapeLooseColons(text);
		if (retry === text) throw error;
		try {
			return parse(retry);
		} catch {
			throw error; // report the original error: its position matches the file
		}
	}
}

/** Our metadata comment, when present, restores what GIFT cannot express. */
function applyMeta(
	question: Record<string, unknown>,
	meta: Record<string, unknown>,
	tags: string[]
): void {
	question.timeLimitSec = meta.timeLimitSec ?? DEFAULT_TIME_LIMIT_SEC;
	question.points = meta.points ?? 1;
	question.tags = Array.isArray(meta.tags) ? meta.tags : tags;
	for (const key of ['difficulty', 'citation', 'image'] as const)
		if (meta[key] !== undefined) question[key] = meta[key];
	if (question.type === 'typeanswer' && typeof meta.ignoreDiacritics === 'boolean')
		question.ignoreDiacritics = meta.ignoreDiacritics;
	if (question.type === 'numeric' && typeof meta.unit === 'string') question.unit = meta.unit;
}

function bankInfo(raw: string | undefined): Omit<BankDraft, 'questions'> {
	const info = parseMeta(raw);
	const out: Omit<BankDraft, 'questions'> = {};
	if (typeof info.title === 'string' && info.title) out.title = info.title;
	if (typeof info.description === 'string' && info.description) out.description = info.description;
	if (Array.isArray(info.tags))
		out.tags = info.tags.filter((tag): tag is string => typeof tag === 'string');
	return out;
}

export async function readGift(source: string, log: IssueLog): Promise<BankDraft> {
	const { blocks, bank } = splitBlocks(source);
	if (blocks.length > MAX_IMPORT_QUESTIONS) {
		log.error(0, 'file', 'too_many_questions', { max: MAX_IMPORT_QUESTIONS });
		return { questions: [] };
	}
	const questions: DraftQuestion[] = [];
	for (let index = 0; index < blocks.length; index++) {
		if (index % 25 === 24) await yieldToEventLoop();
		const block = blocks[index];
		const line = block.lines[0];
		const text = prepareBlock(block.text.join('\n'));
		if (text.length > MAX_BLOCK_CHARS) {
			log.error(line, 'text', 'gift_too_long', { length: text.length });
			continue;
		}
		const braces = braceProblem(block);
		if (braces) {
			log.error(braces.line, 'text', braces.code, {
				brace: braces.code === 'gift_unclosed' ? '{' : '}'
			});
			continue;
		}
		let parsed: GIFTQuestion[];
		try {
			parsed = parseLeniently(text);
		} catch (error) {
			const location = (error as { location?: { start?: { line?: number; offset?: number } } })
				.location;
			const at = location?.start?.line ? (block.lines[location.start.line - 1] ?? line) : line;
			const offset = location?.start?.offset ?? 0;
			const near = text
				.slice(Math.max(0, offset - 10), offset + 10)
				.replace(/\s+/g, ' ')
				.trim();
			log.error(at, 'text', 'gift_syntax', { near });
			continue;
		}
		const meta = parseMeta(block.meta);
		for (const item of parsed) {
			const question = convert(item, meta, line, log);
			if (!question) continue;
			applyMeta(question, meta, categoryTags(block.category));
			if (checkQuestion(question, line, log))
				questions.push({ ...(question as unknown as DraftQuestion), line });
		}
	}
	return { ...bankInfo(bank), questions };
}
