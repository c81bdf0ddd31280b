/**
 * Moodle XML → draft questions: multichoice (single or multiple), truefalse, shortanswer and
 * numerical; categories and question tags become tags, generalfeedback the explanation; HTML
 * (often in CDATA) is reduced to text. Other question types are skipped with a warning.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEFAULT_TIME_LIMIT_SEC, LIMITS } from '../../quiz/question';
import { categoryTags } from './gift/read';
import { htmlToText } from './html';
import type { IssueLog } from './issues';
import { cleanText, parseNumber, yieldToEventLoop } from './text';
import { MAX_IMPORT_QUESTIONS, type BankDraft, type DraftQuestion } from './types';
import { checkQuestion } from './validate';

type Node = Record<string, unknown>;

/** XML at all (declaration, comment or a quiz root first); the reader checks for `<quiz>`. */
export function looksLikeXml(text: string): boolean {
	return /^\s*<(\?xml|!--|quiz[\s>])/.test(text);
}

/** The document without its CDATA sections and comments, in one linear pass. */
function markupOnly(text: string): string {
	let out = '';
	let from = 0;
	for (;;) {
		const cdata = text.indexOf('<![CDATA[', from);
		const comment = text.indexOf('<!--', from);
		const start = cdata < 0 ? comment : comment < 0 ? cdata : Math.min(cdata, comment);
		if (start < 0) return out + text.slice(from);
		out += text.slice(from, start);
		const isCdata = start === cdata;
		const end = text.indexOf(isCdata ? ']]>' : '-->', start + 4);
		if (end < 0) return out;
		from = end + 3;
	}
}

/** Line of every `<question` start tag, skipping CDATA sections and comments. */
function questionLines(text: string): number[] {
	const lines: number[] = [];
	const pattern = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<question\b|\n/g;
	let line = 1;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		const token = match[0];
		if (token === '\n') line++;
		else if (token === '<question') lines.push(line);
		else for (const char of token) if (char === '\n') line++;
	}
	return lines;
}

function isNode(value: unknown): value is Node {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of `<x format="…"><text>…</text></x>` (or of a bare `<text>`), HTML reduced to text. */
function textOf(value: unknown, format?: string): string {
	if (typeof value === 'string' || typeof value === 'number')
		return cleanText(format === 'html' ? htmlToText(String(value)) : String(value));
	if (!isNode(value)) return '';
	const own = typeof value['@_format'] === 'string' ? (value['@_format'] as string) : format;
	if ('text' in value) return textOf(value.text, own);
	if ('#text' in value) return textOf(value['#text'], own);
	return '';
}

function list(value: unknown): Node[] {
	if (Array.isArray(value)) return value.filter(isNode);
	return isNode(value) ? [value] : [];
}

function fraction(answer: Node): number {
	return parseNumber(String(answer['@_fraction'] ?? '0')) ?? 0;
}

const SUPPORTED = new Set(['multichoice', 'truefalse', 'shortanswer', 'numerical', 'ordering']);

/** Moodle shows a correct answer's own feedback when there is no general feedback. */
function feedbackOf(answer: Node | undefined): string {
	return answer ? textOf(answer.feedback) : '';
}

function convert(node: Node, line: number, log: IssueLog): Record<string, unknown> | undefined {
	const type = String(node['@_type'] ?? '');
	if (!SUPPORTED.has(type)) {
		log.warn(line, 'type', 'type_unsupported', { value: type || '?' });
		return undefined;
	}
	const text = textOf(node.questiontext) || textOf(node.name);
	const base: Record<string, unknown> = { text };
	const explanation = textOf(node.generalfeedback);
	if (explanation) base.explanation = explanation;
	const rawText = JSON.stringify(node.questiontext ?? '');
	if (
		rawText.includes('@@PLUGINFILE@@') ||
		list(isNode(node.questiontext) ? node.questiontext.file : undefined).length
	) {
		const name = /@@PLUGINFILE@@\/([^"'\\]+)/.exec(rawText)?.[1] ?? 'image';
		log.warn(line, 'image', 'image_ignored', { value: decodeURIComponent(name) });
	}
	const answers = list(node.answer);

	switch (type) {
		case 'multichoice': {
			const single = !/^(false|0)$/i.test(textOf(node.single) || 'true');
			const options = answers.map((answer) => textOf(answer));
			if (single) {
				const full = answers.flatMap((answer, index) => (fraction(answer) >= 100 ? [index] : []));
				const correct = full[0];
				if (answers.some((answer) => fraction(answer) > 0 && fraction(answer) < 100))
					log.warn(line, 'correct', 'partial_credit', {});
				// Moodle lets any answer at 100% earn full credit: keep the first, name the others.
				if (full.length > 1)
					log.warn(line, 'correct', 'correct_several_full', {
						value: options[full[0]],
						others: full
							.slice(1)
							.map((index) => `“${options[index]}”`)
							.join(', ')
					});
				if (!explanation && correct !== undefined && feedbackOf(answers[correct]))
					base.explanation = feedbackOf(answers[correct]);
				return { ...base, type: 'single', options, correct };
			}
			const correct = answers.flatMap((answer, index) => (fraction(answer) > 0 ? [index] : []));
			return { ...base, type: 'multiple', options, correct };
		}
		case 'truefalse': {
			const right = answers.find((answer) => fraction(answer) >= 100);
			const value = right ? textOf(right).toLowerCase() : '';
			if (!explanation && feedbackOf(right)) base.explanation = feedbackOf(right);
			return {
				...base,
				type: 'truefalse',
				correct: value === 'true' ? true : value === 'false' ? false : undefined
			};
		}
		case 'shortanswer': {
			const full = answers.filter((answer) => fraction(answer) >= 100);
			if (full.length < answers.length) log.warn(line, 'accepted', 'partial_credit', {});
			// "*" stays in the accepted answers: the judge reads it as Moodle's wildcard.
			if (/^1$/.test(textOf(node.usecase))) log.warn(line, 'accepted', 'usecase_ignored', {});
			if (!explanation && feedbackOf(full[0])) base.explanation = feedbackOf(full[0]);
			return {
				...base,
				type: 'typeanswer',
				accepted: full.map((answer) => textOf(answer)),
				ignoreDiacritics: true
			};
		}
		case 'numerical': {
			const full = answers.filter((answer) => fraction(answer) >= 100);
			if (answers.length > 1) log.warn(line, 'value', 'numeric_extra_answers', {});
			const first = full[0];
			const value = first ? parseNumber(textOf(first)) : undefined;
			const tolerance = first ? (parseNumber(textOf(first.tolerance)) ?? 0) : 0;
			const unit = list(isNode(node.units) ? node.units.unit : undefined).find(
				(entry) => (parseNumber(textOf(entry.multiplier)) ?? 1) === 1
			);
			const unitName = unit ? textOf(unit.unit_name) : '';
			if (!explanation && feedbackOf(first)) base.explanation = feedbackOf(first);
			return {
				...base,
				type: 'numeric',
				value,
				tolerance,
				...(unitName ? { unit: unitName } : {})
			};
		}
		case 'ordering': {
			// qtype_ordering writes each item's place in the right order as its "fraction".
			const items = answers
				.map((answer, index) => ({ text: textOf(answer), place: fraction(answer), index }))
				.sort((a, b) => a.place - b.place || a.index - b.index)
				.map((entry) => entry.text);
			return { ...base, type: 'ordering', items };
		}
	}
	return undefined;
}

export async function readMoodleXml(source: string, log: IssueLog): Promise<BankDraft> {
	// Entity declarations enable "billion laughs" expansion: refuse them outright — but only in
	// the markup, not in CDATA or comments, where a pasted web page's DOCTYPE is just text.
	if (/<!DOCTYPE|<!ENTITY/i.test(markupOnly(source))) {
		log.error(0, 'file', 'xml_entity', {});
		return { questions: [] };
	}
	const valid = XMLValidator.validate(source);
	if (valid !== true) {
		log.error(valid.err.line || 1, 'file', 'xml_syntax', {});
		return { questions: [] };
	}
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: true,
		isArray: (name) => ['question', 'answer', 'tag', 'unit', 'file'].includes(name)
	});
	const document = parser.parse(source) as Node;
	const quiz = document.quiz;
	if (!isNode(quiz) && quiz !== '') {
		log.error(0, 'file', 'xml_not_moodle', {});
		return { questions: [] };
	}
	const nodes = isNode(quiz) ? list(quiz.question) : [];
	if (nodes.length > MAX_IMPORT_QUESTIONS) {
		log.error(0, 'file', 'too_many_questions', { max: MAX_IMPORT_QUESTIONS });
		return { questions: [] };
	}
	const lines = questionLines(source);
	let category: string[] = [];
	const questions: DraftQuestion[] = [];
	for (const [index, node] of nodes.entries()) {
		if (index % 500 === 499) await yieldToEventLoop();
		const line = lines[index] ?? 0;
		if (node['@_type'] === 'category') {
			category = categoryTags(textOf(node.category));
			continue;
		}
		const question = convert(node, line, log);
		if (!question) continue;
		const ownTags = list(isNode(node.tags) ? node.tags.tag : undefined)
			.map((tag) => textOf(tag).replace(/[,;]/g, ' ').trim().slice(0, LIMITS.tagMax))
			.filter(Boolean);
		question.tags = [...new Set([...category, ...ownTags])].slice(0, LIMITS.tagsMax);
		question.timeLimitSec = DEFAULT_TIME_LIMIT_SEC;
		question.points = 1;
		if (checkQuestion(question, line, log))
			questions.push({ ...(question as unknown as DraftQuestion), line });
	}
	return { questions };
}
