/**
 * Answering one practice question: judge on the server, then in one transaction store the
 * answer and update every counter it touches (XP, streak, known questions, the mistakes box,
 * law mastery, badges, weekly and unit leaderboards). Nothing is recomputed from history.
 */
import type { Db } from '../db';
import { answerStatements } from '../db/queries/practice';
import {
	answerFromPhone,
	judgeAnswer,
	revealOf,
	toAnswerValue,
	toPublicQuestion,
	type PublicQuestion,
	type Reveal
} from '../../quiz/judge';
import { deriveSeed } from '../../quiz/random';
import type { Question } from '../../quiz/question';
import { dayNumber, weekKey } from '../../practice/calendar';
import { levelOf, xpForAnswer, XP_DAILY_BONUS, type LevelInfo } from '../../practice/xp';
import { extendStreak } from '../../practice/streak';
import { scheduleReview } from '../../practice/schedule';
import { crossedBadges, crossedLawBadge, isPerfectSession } from '../../practice/badges';
import { lawPoolSize } from './pool';
import { createBatcher } from './batch';
import { isQuestionHeld } from '../contest/held';

export type PracticeAnswerError =
	'not_found' | 'finished' | 'wrong_question' | 'bad_answer' | 'question_gone' | 'contest_held';

export interface PracticeAnswerResult {
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
	badges: string[];
	/** Answers given in the session so far, and its length. */
	answered: number;
	total: number;
	finished: boolean;
	/** True when this answer had already been recorded (a double tap): nothing changed. */
	repeated: boolean;
	/** The question to answer next (saves clients a round trip), or null at the end. */
	next: { id: number; index: number; question: PublicQuestion } | null;
}

export type PracticeAnswerOutcome =
	{ ok: true; data: PracticeAnswerResult } | { ok: false; error: PracticeAnswerError };

interface AnswerArgs {
	participantId: number;
	sessionId: number;
	questionId: number;
	answer: unknown;
	now: number;
}

const runners = new WeakMap<Db, (args: AnswerArgs) => PracticeAnswerOutcome>();
const batchers = new WeakMap<Db, (args: AnswerArgs) => Promise<PracticeAnswerOutcome>>();

/** Judge and record an answer to the current question of a practice session (its own transaction). */
export function submitPracticeAnswer(db: Db, args: AnswerArgs): PracticeAnswerOutcome {
	let run = runners.get(db);
	if (!run) {
		const tx = db.$client.transaction((a: AnswerArgs) => answerInTransaction(db, a));
		runners.set(db, (run = (a) => tx.immediate(a)));
	}
	return run(args);
}

/**
 * The same, committed together with the other answers of this turn of the event loop (see
 * batch.ts): what the HTTP endpoints use.
 */
export function queuePracticeAnswer(db: Db, args: AnswerArgs): Promise<PracticeAnswerOutcome> {
	let queue = batchers.get(db);
	if (!queue)
		batchers.set(db, (queue = createBatcher(db, (a: AnswerArgs) => answerInTransaction(db, a))));
	return queue(args);
}

function answerInTransaction(db: Db, a: AnswerArgs): PracticeAnswerOutcome {
	const st = answerStatements(db);
	const session = st.session.get(a.sessionId, a.participantId);
	if (!session) return { ok: false, error: 'not_found' };
	const questionIds = JSON.parse(session.question_ids) as number[];
	const position = questionIds.indexOf(a.questionId);
	if (position < 0) return { ok: false, error: 'wrong_question' };

	const bodyRow = st.questionBody.get(a.questionId);
	if (!bodyRow) return { ok: false, error: 'question_gone' };
	// A session started before a contest took these questions: no key while the contest runs.
	if (isQuestionHeld(db, a.questionId, a.now)) return { ok: false, error: 'contest_held' };
	const question = JSON.parse(bodyRow.body) as Question;
	const participant = st.participant.get(a.participantId)!;

	if (position < session.answered) {
		// Already answered (a double tap or a resubmitted form): answer again with what was stored.
		const previous = st.previousAnswer.get(a.sessionId, a.questionId);
		if (!previous) return { ok: false, error: 'wrong_question' };
		const judged = judgeAnswer(question, JSON.parse(previous.answer));
		return {
			ok: true,
			data: {
				questionId: a.questionId,
				correct: judged.correct,
				fraction: judged.fraction,
				reveal: revealOf(question),
				xp: previous.xp,
				dailyBonus: 0,
				totalXp: participant.xp,
				level: levelOf(participant.xp),
				streak: participant.streak_current,
				badges: [],
				answered: session.answered,
				total: questionIds.length,
				finished: session.finished_at !== null,
				repeated: true,
				next: nextQuestion(db, questionIds, session.answered, session.seed)
			}
		};
	}
	if (session.finished_at !== null) return { ok: false, error: 'finished' };
	if (position !== session.answered) return { ok: false, error: 'wrong_question' };
	// Ordering: the ids as delivered in this session, mapped through its seed.
	const delivered = answerFromPhone(question, a.answer, deriveSeed(session.seed, a.questionId));
	const answer = toAnswerValue(question, delivered);
	if (!answer) return { ok: false, error: 'bad_answer' };

	const { correct, fraction } = judgeAnswer(question, answer);
	const pid = a.participantId;
	const knewIt = !!st.isKnown.get(pid, a.questionId);
	const reviewRow = st.review.get(pid, a.questionId);
	const review = reviewRow ? { box: reviewRow.box, dueAt: reviewRow.due_at } : null;
	let xp = xpForAnswer({ correct, difficulty: question.difficulty, knewIt, wasMistake: !!review });

	const nextReview = scheduleReview(review, correct, a.now);
	if (nextReview && (nextReview.box !== review?.box || nextReview.dueAt !== review?.dueAt))
		st.upsertReview.run(pid, a.questionId, nextReview.box, nextReview.dueAt);
	else if (!nextReview && review) st.deleteReview.run(pid, a.questionId);

	const badges: string[] = [];
	if (correct && !knewIt) {
		st.markKnown.run(pid, a.questionId);
		const law = question.citation?.document?.trim();
		if (law) {
			const after = st.bumpLaw.get(pid, law)!.correct;
			const badge = crossedLawBadge(law, after - 1, after, lawPoolSize(db, law, a.now));
			if (badge) badges.push(badge);
		}
	}

	const answered = session.answered + 1;
	const finished = answered >= questionIds.length;
	const sessionCorrect = session.correct + (correct ? 1 : 0);
	const today = dayNumber(a.now);
	let dailyBonus = 0;
	let bonusDay = participant.daily_bonus_day;
	if (finished && session.kind === 'daily' && bonusDay !== today) {
		dailyBonus = XP_DAILY_BONUS;
		bonusDay = today;
	}
	st.insertAnswer.run(
		a.sessionId,
		a.questionId,
		JSON.stringify(answer),
		correct ? 1 : 0,
		xp,
		a.now
	);
	xp += dailyBonus;

	const streakBefore = {
		current: participant.streak_current,
		best: participant.streak_best,
		lastDay: participant.streak_last_day
	};
	const streak = correct ? extendStreak(streakBefore, today) : streakBefore;
	const totalXp = participant.xp + xp;
	st.updateParticipant.run(
		xp,
		correct ? 1 : 0,
		streak.current,
		streak.best,
		streak.lastDay,
		bonusDay,
		pid
	);
	if (xp > 0) {
		const week = weekKey(a.now);
		const weekXp = st.addWeekXp.get(week, pid, xp)!.xp;
		if (participant.unit_id !== null) {
			st.addUnitXp.run(participant.unit_id, 'all', xp, participant.xp === 0 ? 1 : 0);
			st.addUnitXp.run(participant.unit_id, week, xp, weekXp === xp ? 1 : 0);
		}
	}
	st.updateSession.run(correct ? 1 : 0, xp, finished ? a.now : null, a.sessionId);

	badges.push(
		...crossedBadges(
			{
				correctTotal: participant.correct,
				streak: streakBefore.current,
				level: levelOf(participant.xp).level
			},
			{
				correctTotal: participant.correct + (correct ? 1 : 0),
				streak: streak.current,
				level: levelOf(totalXp).level
			}
		)
	);
	if (finished && isPerfectSession(answered, sessionCorrect)) badges.push('perfect-session');
	const earned = badges.filter((code) => st.addBadge.run(pid, code, a.now).changes > 0);

	return {
		ok: true,
		data: {
			questionId: a.questionId,
			correct,
			fraction,
			reveal: revealOf(question),
			xp,
			dailyBonus,
			totalXp,
			level: levelOf(totalXp),
			streak: streak.current,
			badges: earned,
			answered,
			total: questionIds.length,
			finished,
			repeated: false,
			next: finished ? null : nextQuestion(db, questionIds, answered, session.seed)
		}
	};
}

function nextQuestion(db: Db, questionIds: number[], index: number, seed: number) {
	const id = questionIds[index];
	if (id === undefined) return null;
	const row = answerStatements(db).questionBody.get(id);
	if (!row) return null;
	const question = toPublicQuestion(JSON.parse(row.body) as Question, {
		shuffleSeed: deriveSeed(seed, id)
	});
	return { id, index, question };
}
