import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from '../../quiz/question';
import { validateQuestion } from '../transfer/validate';
import { DEMO_BANK } from './demo-bank';

const LAW_TAGS = ['Bộ luật Lao động', 'Luật Công đoàn', 'BHXH', 'An toàn vệ sinh lao động'];

describe('demo bank', () => {
	it('has the agreed title and at least 40 questions', () => {
		expect(DEMO_BANK.title).toBe('Tìm hiểu pháp luật lao động – công đoàn');
		expect(DEMO_BANK.questions.length).toBeGreaterThanOrEqual(40);
	});

	it('holds only questions that pass the importer/editor validation', () => {
		const problems = DEMO_BANK.questions.flatMap((question, index) =>
			validateQuestion(question, { line: index + 1 }).map((issue) => issue.message)
		);
		expect(problems).toEqual([]);
	});

	it('cites a legal document with its number and explains every answer', () => {
		for (const question of DEMO_BANK.questions) {
			expect(question.citation?.document, question.text).toBeTruthy();
			expect(question.citation?.number, question.text).toMatch(/^\d+\/\d{4}\/QH1[345]$/);
			expect(question.explanation?.length, question.text).toBeGreaterThan(20);
		}
	});

	it('uses all six question types and mostly single choice', () => {
		const counts = new Map<string, number>();
		for (const question of DEMO_BANK.questions)
			counts.set(question.type, (counts.get(question.type) ?? 0) + 1);
		expect([...counts.keys()].sort()).toEqual([...QUESTION_TYPES].sort());
		const singles = counts.get('single') ?? 0;
		for (const [type, count] of counts)
			if (type !== 'single') expect(singles).toBeGreaterThan(count);
	});

	it('tags each question with its law and covers all four laws', () => {
		for (const question of DEMO_BANK.questions)
			expect(
				question.tags.some((tag) => LAW_TAGS.includes(tag)),
				question.text
			).toBe(true);
		const used = new Set(DEMO_BANK.questions.flatMap((question) => question.tags));
		expect([...used].sort()).toEqual([...LAW_TAGS].sort());
	});

	it('keeps time limits between 15 and 30 seconds', () => {
		for (const question of DEMO_BANK.questions) {
			expect(question.timeLimitSec).toBeGreaterThanOrEqual(15);
			expect(question.timeLimitSec).toBeLessThanOrEqual(30);
		}
	});

	it('accepts typed answers without diacritics', () => {
		const typed = DEMO_BANK.questions.filter((question) => question.type === 'typeanswer');
		expect(typed.length).toBeGreaterThan(0);
		for (const question of typed) expect(question).toMatchObject({ ignoreDiacritics: true });
	});

	it('never repeats a question text', () => {
		const texts = DEMO_BANK.questions.map((question) => question.text);
		expect(new Set(texts).size).toBe(texts.length);
	});
});
