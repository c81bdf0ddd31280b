/**
 * The rules of answering one practice question, as a reducer: the facts the database holds
 * before the answer (session, participant, review item, question…) plus the move (question id,
 * raw answer, time) → a refusal, or the facts to write and what the player is shown. Every rule of
 * a practice answer lives here (judging through the quiz engine, XP, streak, spaced repetition,
 * badges, daily bonus, session progress, duplicates); `server/practice/answer.ts` only reads the
 * facts, calls `answerPractice` and writes the result. Pure: time comes in as `now`.
 */
import { answerFromPhone, judgeAnswer, revealOf, toAnswerValue, type Reveal } from '../quiz/judge';
import { deriveSeed } from '../quiz/random';
import type { AnswerValue, Question } from '../quiz/question';
import { crossedBadges, crossedLawBadge, isPerfectSession, type BadgeCode } from './badges';
import { dayNumber, weekKey } from './calendar';
import { scheduleReview, type ReviewItem } from './schedule';
import { extendStreak, type StreakState } from './streak';
import { levelOf, xpForAnswer, XP_DAILY_BONUS, type LevelInfo } from './xp';

export type PracticeAnswerError =
	'not_found' | 'finished' | 'wrong_question' | 'bad_answer' | 'question_gone' | 'contest_held';

/** The session as stored (only what answering needs). */
export interface SessionFacts {
	kind: 'bank' | 'daily' | 'review';
	questionIds: readonly number[];
	seed: number;
	/** Answers given so far (= index of the current question). */
	answered: number;
	/** Right answers so far. */
	correct: number;
	finished: boolean;
}

export interface ParticipantFacts {
	xp: number;
	/** Right answers in total. */
	correct: number;
	unitId: number | null;
	streak: StreakState;
	/** Day number of the last daily-challenge bonus, or null. */
	dailyBonusDay: number | null;
}

/** Everything the rules look at, read from the database in the answer's transaction. */
export interface PracticeAnswerFacts {
	/** The participant's own session with this id, or null (missing, or someone else's). */
	session: SessionFacts | null;
	participant: ParticipantFacts;
	/** The question's body while its bank is published, or null. */
	question: Question | null;
	/** A running contest holds this question back from practice. */
	isHeld: boolean;
	/** What this session already recorded for this question, if anything. */
	previous: { answer: AnswerValue; xp: number } | null;
	/** The participant has answered this question right before (in any session). */
	knewIt: boolean;
	/** The question's place in the participant's mistakes box, or null. */
	review: ReviewItem | null;
	/** For the question's law (see `lawOf`): distinct right answers so far and its published pool. */
	law: { correct: number; poolSize: number } | null;
	/** XP the participant earned so far in the week of `now` (`weekKey`). */
	weekXp: number;
	/** Badge codes already earned. */
	badges: ReadonlySet<BadgeCode>;
}

export interface PracticeAnswerMove {
	questionId: number;
	/** As sent by the phone (ordering: item ids as delivered); checked here against the question. */
	answer: unknown;
	now: number;
}

/** What the player sees after an answer (the server adds the next question). */
export interface PracticeAnswerShown {
	questionId: number;
	correct: boolean;
	/** Partial credit 0..1 (multiple select, ordering). */
	fraction: number;
	reveal: Reveal;
	/** XP this answer earned, including today's challenge bonus. */
	xp: number;
	dailyBonus: number;
	totalXp: number;
	level: LevelInfo;
	streak: number;
	/** Badge codes earned by this answer. */
	badges: BadgeCode[];
	/** Answers given in the session so far, and its length. */
	answered: number;
	total: number;
	finished: boolean;
	/** True when this answer had already been recorded (a double tap): nothing changed. */
	repeated: boolean;
}

/** The facts an accepted answer changes. Counters are increments, so concurrent sessions add up. */
export interface PracticeAnswerWrites {
	/** The answer row (its XP without the daily bonus). */
	answer: { value: AnswerValue; correct: boolean; xp: number };
	/** Mistakes box: put or move the item, take it out, or leave it as it is. */
	review: { kind: 'set'; item: ReviewItem } | { kind: 'delete' } | { kind: 'keep' };
	/** First right answer to this question: remember it as known. */
	markKnown: boolean;
	/** The law whose distinct right answers grow by one, or null. */
	bumpLaw: string | null;
	participant: {
		xpGained: number;
		correct: boolean;
		streak: StreakState;
		dailyBonusDay: number | null;
	};
	/** Weekly XP row to add to, or null when nothing was earned. */
	week: { key: string; xp: number } | null;
	/** Unit leaderboard rows (all time and this week) to add to; `players` counts a newcomer. */
	unitXp: Array<{ unitId: number; period: string; xp: number; players: number }>;
	session: { correct: boolean; xpGained: number; finishedAt: number | null };
	/** Badges newly earned. */
	badges: BadgeCode[];
}

export type PracticeAnswerDecision =
	| { ok: false; error: PracticeAnswerError }
	| {
			ok: true;
			shown: PracticeAnswerShown;
			/** Index of the question to ask next, or null at the end. */
			nextIndex: number | null;
			/** Null for a repeated answer: nothing to write. */
			writes: PracticeAnswerWrites | null;
	  };

/** The law a question cites (its mastery badge), or null. */
export function lawOf(question: Question): string | null {
	return question.citation?.document?.trim() || null;
}

/** Judge one answer and decide every fact it changes. */
export function answerPractice(
	facts: PracticeAnswerFacts,
	move: PracticeAnswerMove
): PracticeAnswerDecision {
	const { session, participant, question } = facts;
	if (!session) return { ok: false, error: 'not_found' };
	const position = session.questionIds.indexOf(move.questionId);
	if (position < 0) return { ok: false, error: 'wrong_question' };
	if (!question) return { ok: false, error: 'question_gone' };
	// A session started before a contest took these questions: no key while the contest runs.
	if (facts.isHeld) return { ok: false, error: 'contest_held' };
	if (position < session.answered) return repeatAnswer(facts, session, question, move);
	if (session.finished) return { ok: false, error: 'finished' };
	if (position !== session.answered) return { ok: false, error: 'wrong_question' };

	// Ordering: the ids as delivered in this session, mapped through its seed.
	const delivered = answerFromPhone(
		question,
		move.answer,
		deriveSeed(session.seed, move.questionId)
	);
	const answer = toAnswerValue(question, delivered);
	if (!answer) return { ok: false, error: 'bad_answer' };
	const { correct, fraction } = judgeAnswer(question, answer);

	const answerXp = xpForAnswer({
		correct,
		difficulty: question.difficulty,
		knewIt: facts.knewIt,
		wasMistake: !!facts.review
	});
	const answered = session.answered + 1;
	const total = session.questionIds.length;
	const finished = answered >= total;
	const today = dayNumber(move.now);
	const earnsDailyBonus =
		finished && session.kind === 'daily' && participant.dailyBonusDay !== today;
	const dailyBonus = earnsDailyBonus ? XP_DAILY_BONUS : 0;
	const xp = answerXp + dailyBonus;
	const totalXp = participant.xp + xp;
	const streak = correct ? extendStreak(participant.streak, today) : participant.streak;
	const firstTimeRight = correct && !facts.knewIt;
	const law = firstTimeRight ? lawOf(question) : null;

	const candidates = crossedBadges(
		{
			correctTotal: participant.correct,
			streak: participant.streak.current,
			level: levelOf(participant.xp).level
		},
		{
			correctTotal: participant.correct + (correct ? 1 : 0),
			streak: streak.current,
			level: levelOf(totalXp).level
		}
	);
	if (law && facts.law) {
		const { correct: before, poolSize } = facts.law;
		const badge = crossedLawBadge(law, before, before + 1, poolSize);
		if (badge) candidates.unshift(badge);
	}
	if (finished && isPerfectSession(answered, session.correct + (correct ? 1 : 0)))
		candidates.push('perfect-session');
	const badges = [...new Set(candidates)].filter((code) => !facts.badges.has(code));

	const week = weekKey(move.now);
	const unitXp =
		xp > 0 && participant.unitId !== null
			? [
					{ unitId: participant.unitId, period: 'all', xp, players: participant.xp === 0 ? 1 : 0 },
					{ unitId: participant.unitId, period: week, xp, players: facts.weekXp === 0 ? 1 : 0 }
				]
			: [];

	return {
		ok: true,
		shown: {
			questionId: move.questionId,
			correct,
			fraction,
			reveal: revealOf(question),
			xp,
			dailyBonus,
			totalXp,
			level: levelOf(totalXp),
			streak: streak.current,
			badges,
			answered,
			total,
			finished,
			repeated: false
		},
		nextIndex: finished ? null : answered,
		writes: {
			answer: { value: answer, correct, xp: answerXp },
			review: reviewChange(facts.review, scheduleReview(facts.review, correct, move.now)),
			markKnown: firstTimeRight,
			bumpLaw: law,
			participant: {
				xpGained: xp,
				correct,
				streak,
				dailyBonusDay: earnsDailyBonus ? today : participant.dailyBonusDay
			},
			week: xp > 0 ? { key: week, xp } : null,
			unitXp,
			session: { correct, xpGained: xp, finishedAt: finished ? move.now : null },
			badges
		}
	};
}

/** A double tap or a resubmitted form: answer again with what was stored, change nothing. */
function repeatAnswer(
	facts: PracticeAnswerFacts,
	session: SessionFacts,
	question: Question,
	move: PracticeAnswerMove
): PracticeAnswerDecision {
	const { previous, participant } = facts;
	if (!previous) return { ok: false, error: 'wrong_question' };
	const judged = judgeAnswer(question, previous.answer);
	const total = session.questionIds.length;
	return {
		ok: true,
		shown: {
			questionId: move.questionId,
			correct: judged.correct,
			fraction: judged.fraction,
			reveal: revealOf(question),
			xp: previous.xp,
			dailyBonus: 0,
			totalXp: participant.xp,
			level: levelOf(participant.xp),
			streak: participant.streak.current,
			badges: [],
			answered: session.answered,
			total,
			finished: session.finished,
			repeated: true
		},
		nextIndex: session.answered < total ? session.answered : null,
		writes: null
	};
}

function reviewChange(
	before: ReviewItem | null,
	after: ReviewItem | null
): PracticeAnswerWrites['review'] {
	if (after && (after.box !== before?.box || after.dueAt !== before?.dueAt))
		return { kind: 'set', item: after };
	if (!after && before) return { kind: 'delete' };
	return { kind: 'keep' };
}
