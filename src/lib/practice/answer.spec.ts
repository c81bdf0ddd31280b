import { describe, expect, it } from 'vitest';
import type { Question } from '../quiz/question';
import {
	answerPractice,
	lawOf,
	type PracticeAnswerFacts,
	type PracticeAnswerMove,
	type SessionFacts
} from './answer';
import { DAY_MS, MINUTE_MS, dayNumber, weekKey } from './calendar';
import { BOX_INTERVALS_MS, LAST_BOX } from './schedule';
import { XP_DAILY_BONUS, XP_REPEAT } from './xp';

const NOW = Date.parse('2025-05-19T08:00:00+07:00');
const TODAY = dayNumber(NOW);
const LAW = 'Bộ luật Lao động 2019';
const RIGHT = { type: 'single', choice: 0 } as const;
const WRONG = { type: 'single', choice: 1 } as const;

function question(extra: Partial<Question> = {}): Question {
	return {
		type: 'single',
		text: 'Người lao động được nghỉ hằng năm bao nhiêu ngày?',
		options: ['12 ngày', '10 ngày', '14 ngày'],
		correct: 0,
		timeLimitSec: 20,
		points: 1,
		difficulty: 'easy',
		citation: { document: LAW, number: '45/2019/QH14', article: 'Điều 113' },
		...extra
	} as Question;
}

function session(extra: Partial<SessionFacts> = {}): SessionFacts {
	return {
		kind: 'bank',
		questionIds: [11, 12, 13, 14, 15],
		seed: 7,
		answered: 0,
		correct: 0,
		finished: false,
		...extra
	};
}

function facts(extra: Partial<PracticeAnswerFacts> = {}): PracticeAnswerFacts {
	return {
		session: session(),
		participant: {
			xp: 0,
			correct: 0,
			unitId: null,
			streak: { current: 0, best: 0, lastDay: null },
			dailyBonusDay: null
		},
		question: question(),
		isHeld: false,
		previous: null,
		knewIt: false,
		review: null,
		law: { correct: 0, poolSize: 50 },
		weekXp: 0,
		badges: new Set(),
		...extra
	};
}

function move(extra: Partial<PracticeAnswerMove> = {}): PracticeAnswerMove {
	return { questionId: 11, answer: RIGHT, now: NOW, ...extra };
}

/** The decision, asserted accepted. */
function accepted(f: PracticeAnswerFacts, m: PracticeAnswerMove = move()) {
	const decision = answerPractice(f, m);
	if (!decision.ok) throw new Error(`refused: ${decision.error}`);
	return decision;
}

/** The writes of an accepted, new answer. */
function writes(f: PracticeAnswerFacts, m: PracticeAnswerMove = move()) {
	const { writes } = accepted(f, m);
	if (!writes) throw new Error('nothing written');
	return writes;
}

const regular = facts().participant;

describe('which answers are refused', () => {
	it.each([
		['the session is missing or someone else’s', facts({ session: null }), move(), 'not_found'],
		['the question is not in the session', facts(), move({ questionId: 99 }), 'wrong_question'],
		['the question is a later one', facts(), move({ questionId: 13 }), 'wrong_question'],
		['its bank is no longer published', facts({ question: null }), move(), 'question_gone'],
		['a running contest holds it back', facts({ isHeld: true }), move(), 'contest_held'],
		[
			'the answer does not fit the question',
			facts(),
			move({ answer: { choice: 0 } }),
			'bad_answer'
		],
		[
			'the choice is out of range',
			facts(),
			move({ answer: { type: 'single', choice: 5 } }),
			'bad_answer'
		],
		[
			'the session is over',
			facts({ session: session({ answered: 5, finished: true }) }),
			move({ questionId: 11, answer: RIGHT }),
			'wrong_question'
		]
	] as const)('when %s', (_, f, m, error) => {
		expect(answerPractice(f, m)).toEqual({ ok: false, error });
	});

	it('refuses an answer to a finished session whose current question is still listed', () => {
		// Finished early (kept for safety: a finished session never takes a new answer).
		const f = facts({ session: session({ answered: 1, finished: true }) });
		expect(answerPractice(f, move({ questionId: 12 }))).toEqual({ ok: false, error: 'finished' });
	});
});

describe('judging and session progress', () => {
	it('judges a right answer, reveals the key and moves to the next question', () => {
		const d = accepted(facts());
		expect(d.shown).toMatchObject({
			questionId: 11,
			correct: true,
			fraction: 1,
			reveal: { answer: { type: 'single', correct: 0 }, citation: { document: LAW } },
			answered: 1,
			total: 5,
			finished: false,
			repeated: false
		});
		expect(d.nextIndex).toBe(1);
		expect(d.writes!.answer).toEqual({ value: RIGHT, correct: true, xp: 10 });
		expect(d.writes!.session).toEqual({ correct: true, xpGained: 10, finishedAt: null });
	});

	it('records a wrong answer with no XP', () => {
		const d = accepted(facts(), move({ answer: WRONG }));
		expect(d.shown).toMatchObject({ correct: false, xp: 0, totalXp: 0, answered: 1 });
		expect(d.writes!.answer).toEqual({ value: WRONG, correct: false, xp: 0 });
		expect(d.writes!.session).toEqual({ correct: false, xpGained: 0, finishedAt: null });
		expect(d.writes!.week).toBeNull();
	});

	it('stores only the fields the answer type defines', () => {
		const w = writes(facts(), move({ answer: { type: 'single', choice: 0, cheat: 'x' } }));
		expect(w.answer.value).toEqual(RIGHT);
	});

	it('finishes the session on its last question, with no next question', () => {
		const f = facts({ session: session({ answered: 4, correct: 2 }) });
		const d = accepted(f, move({ questionId: 15 }));
		expect(d.shown).toMatchObject({ answered: 5, total: 5, finished: true });
		expect(d.nextIndex).toBeNull();
		expect(d.writes!.session.finishedAt).toBe(NOW);
	});
});

describe('a repeated answer (double tap, resubmitted form)', () => {
	const f = facts({
		session: session({ answered: 1, correct: 1 }),
		participant: {
			...regular,
			xp: 40,
			correct: 4,
			streak: { current: 2, best: 5, lastDay: TODAY }
		},
		previous: { answer: RIGHT, xp: 10 }
	});

	it('answers with what was stored, whatever is sent now, and writes nothing', () => {
		const d = accepted(f, move({ answer: WRONG }));
		expect(d.writes).toBeNull();
		expect(d.shown).toMatchObject({
			correct: true,
			xp: 10,
			dailyBonus: 0,
			totalXp: 40,
			streak: 2,
			badges: [],
			answered: 1,
			finished: false,
			repeated: true
		});
		expect(d.nextIndex).toBe(1);
	});

	it('still answers once the session is finished', () => {
		const done = { ...f, session: session({ answered: 5, correct: 5, finished: true }) };
		const d = accepted(done);
		expect(d.shown).toMatchObject({ repeated: true, finished: true, answered: 5 });
		expect(d.nextIndex).toBeNull();
	});

	it('is refused when nothing was stored for that question', () => {
		expect(answerPractice({ ...f, previous: null }, move())).toEqual({
			ok: false,
			error: 'wrong_question'
		});
	});
});

describe('XP', () => {
	it.each([
		['easy, first time right', {}, 'easy', 10],
		['medium, first time right', {}, 'medium', 15],
		['hard, first time right', {}, 'hard', 20],
		['known already', { knewIt: true }, 'hard', XP_REPEAT],
		[
			'a mistake fixed in review',
			{ knewIt: true, review: { box: 1, dueAt: NOW - MINUTE_MS } },
			'hard',
			10
		]
	] as const)('%s earns its XP', (_, extra, difficulty, xp) => {
		const d = accepted(facts({ ...extra, question: question({ difficulty }) }));
		expect(d.shown.xp).toBe(xp);
		expect(d.writes!.participant.xpGained).toBe(xp);
	});

	it('adds the level reached to what is shown', () => {
		const f = facts({ participant: { ...regular, xp: 95 } });
		expect(accepted(f).shown).toMatchObject({ totalXp: 105, level: { level: 2 } });
	});

	it('adds the daily bonus once a day on finishing today’s challenge', () => {
		const last = facts({ session: session({ kind: 'daily', answered: 4 }) });
		const d = accepted(last, move({ questionId: 15 }));
		expect(d.shown).toMatchObject({ xp: 10 + XP_DAILY_BONUS, dailyBonus: XP_DAILY_BONUS });
		expect(d.writes!.answer.xp).toBe(10);
		expect(d.writes!.participant).toMatchObject({
			xpGained: 10 + XP_DAILY_BONUS,
			dailyBonusDay: TODAY
		});
		expect(d.writes!.session.xpGained).toBe(10 + XP_DAILY_BONUS);

		const again = { ...last, participant: { ...regular, dailyBonusDay: TODAY } };
		expect(accepted(again, move({ questionId: 15 })).shown.dailyBonus).toBe(0);
	});

	it('gives the daily bonus even for a wrong last answer, but not for other kinds', () => {
		const daily = facts({ session: session({ kind: 'daily', answered: 4 }) });
		expect(accepted(daily, move({ questionId: 15, answer: WRONG })).shown.xp).toBe(XP_DAILY_BONUS);
		const bank = facts({ session: session({ answered: 4 }) });
		expect(accepted(bank, move({ questionId: 15 })).shown.dailyBonus).toBe(0);
	});

	it('adds earned XP to the week and, for a unit member, to the unit’s boards', () => {
		const f = facts({ participant: { ...regular, xp: 0, unitId: 3 }, weekXp: 0 });
		const w = writes(f);
		expect(w.week).toEqual({ key: weekKey(NOW), xp: 10 });
		expect(w.unitXp).toEqual([
			{ unitId: 3, period: 'all', xp: 10, players: 1 },
			{ unitId: 3, period: weekKey(NOW), xp: 10, players: 1 }
		]);
		const veteran = facts({ participant: { ...regular, xp: 500, unitId: 3 }, weekXp: 20 });
		expect(writes(veteran).unitXp.map((u) => u.players)).toEqual([0, 0]);
		expect(writes(facts()).unitXp).toEqual([]);
	});
});

describe('the daily streak', () => {
	const withStreak = (current: number, lastDay: number | null) =>
		facts({ participant: { ...regular, streak: { current, best: 9, lastDay } } });

	it.each([
		['grows on the day after the last counted day', withStreak(4, TODAY - 1), RIGHT, 5],
		['stays the same on a second right answer today', withStreak(4, TODAY), RIGHT, 4],
		['restarts at 1 after a missed day', withStreak(4, TODAY - 2), RIGHT, 1],
		['starts at 1 for a new player', withStreak(0, null), RIGHT, 1],
		['does not move on a wrong answer', withStreak(4, TODAY - 1), WRONG, 4]
	] as const)('%s', (_, f, answer, current) => {
		const d = accepted(f, move({ answer }));
		expect(d.shown.streak).toBe(current);
		expect(d.writes!.participant.streak.current).toBe(current);
	});

	it('records the day that counted and keeps the best', () => {
		expect(writes(withStreak(9, TODAY - 1)).participant.streak).toEqual({
			current: 10,
			best: 10,
			lastDay: TODAY
		});
	});
});

describe('the mistakes box (spaced repetition)', () => {
	it('puts a wrongly answered question in box 1, due in a minute', () => {
		expect(writes(facts(), move({ answer: WRONG })).review).toEqual({
			kind: 'set',
			item: { box: 1, dueAt: NOW + BOX_INTERVALS_MS[0] }
		});
	});

	it('moves a due question up a box on a right answer, waiting longer', () => {
		const f = facts({ review: { box: 2, dueAt: NOW - 1 } });
		expect(writes(f).review).toEqual({
			kind: 'set',
			item: { box: 3, dueAt: NOW + BOX_INTERVALS_MS[2] }
		});
	});

	it('sends it back to box 1 on a wrong answer', () => {
		const f = facts({ review: { box: 3, dueAt: NOW - 1 } });
		expect(writes(f, move({ answer: WRONG })).review).toEqual({
			kind: 'set',
			item: { box: 1, dueAt: NOW + MINUTE_MS }
		});
	});

	it('takes it out after a right answer in the last box', () => {
		const f = facts({ review: { box: LAST_BOX, dueAt: NOW - DAY_MS } });
		expect(writes(f).review).toEqual({ kind: 'delete' });
	});

	it('leaves it where it is when answered right before it is due', () => {
		expect(writes(facts({ review: { box: 2, dueAt: NOW + 1 } })).review).toEqual({ kind: 'keep' });
	});

	it('leaves the box alone for a right answer to a question not in it', () => {
		expect(writes(facts()).review).toEqual({ kind: 'keep' });
	});
});

describe('known questions and law mastery', () => {
	it('remembers a first right answer and counts it for its law', () => {
		const w = writes(facts());
		expect(w.markKnown).toBe(true);
		expect(w.bumpLaw).toBe(LAW);
	});

	it.each([
		['a wrong answer', facts(), WRONG],
		['a question already known', facts({ knewIt: true }), RIGHT]
	] as const)('counts nothing for %s', (_, f, answer) => {
		const w = writes(f, move({ answer }));
		expect(w.markKnown).toBe(false);
		expect(w.bumpLaw).toBeNull();
	});

	it('reads the law from the citation, trimmed, and none without one', () => {
		expect(lawOf(question({ citation: { document: `  ${LAW} ` } }))).toBe(LAW);
		expect(lawOf(question({ citation: undefined }))).toBeNull();
		expect(writes(facts({ question: question({ citation: undefined }) })).bumpLaw).toBeNull();
	});

	it('earns the law badge on the answer that masters it', () => {
		expect(writes(facts({ law: { correct: 9, poolSize: 50 } })).badges).toContain(`law:${LAW}`);
		expect(writes(facts({ law: { correct: 2, poolSize: 3 } })).badges).toContain(`law:${LAW}`);
		expect(writes(facts({ law: { correct: 8, poolSize: 50 } })).badges).not.toContain(`law:${LAW}`);
	});
});

describe('badges', () => {
	it('earns first-correct on the first right answer ever', () => {
		expect(accepted(facts()).shown.badges).toContain('first-correct');
		expect(accepted(facts(), move({ answer: WRONG })).shown.badges).toEqual([]);
	});

	it('earns a streak badge when the streak crosses its threshold', () => {
		const f = facts({
			participant: { ...regular, correct: 10, streak: { current: 2, best: 2, lastDay: TODAY - 1 } }
		});
		expect(writes(f).badges).toEqual(['streak-3']);
	});

	it('earns a level badge when the XP crosses the level', () => {
		const f = facts({ participant: { ...regular, xp: 695, correct: 90 } });
		expect(writes(f).badges).toContain('level-5');
	});

	it('earns perfect-session for a long enough session with no mistake', () => {
		const f = facts({
			session: session({ answered: 4, correct: 4 }),
			participant: { ...regular, correct: 30 }
		});
		expect(writes(f, move({ questionId: 15 })).badges).toEqual(['perfect-session']);
		const flawed = { ...f, session: session({ answered: 4, correct: 3 }) };
		expect(writes(flawed, move({ questionId: 15 })).badges).toEqual([]);
	});

	it('never earns a badge twice', () => {
		const w = writes(facts({ badges: new Set(['first-correct']) }));
		expect(w.badges).not.toContain('first-correct');
	});
});

describe('purity', () => {
	it('gives the same decision for the same facts and leaves its inputs unchanged', () => {
		const f = facts({ review: { box: 2, dueAt: NOW - 1 } });
		const copy = structuredClone(f);
		expect(answerPractice(f, move())).toEqual(answerPractice(f, move()));
		expect(f).toEqual(copy);
	});
});
