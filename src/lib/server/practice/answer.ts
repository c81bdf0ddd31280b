/**
 * Answering one practice question, the persistence side: in one transaction read the facts the
 * rules need, let the pure reducer (`lib/practice/answer.ts`) decide, write what it decided.
 * Nothing is recomputed from history; every counter is incremented in place.
 */
import type { Db } from '../db';
import { createAnswerQueries, type AnswerQueries } from '../db/queries/practice';
import { toPublicQuestion, type PublicQuestion } from '../../quiz/judge';
import { deriveSeed } from '../../quiz/random';
import { weekKey } from '../../practice/calendar';
import {
	answerPractice,
	lawOf,
	type PracticeAnswerError,
	type PracticeAnswerFacts,
	type PracticeAnswerShown,
	type PracticeAnswerWrites
} from '../../practice/answer';
import { lawPoolSize, type PoolApp, type PoolCache } from './pool';
import { createBatcher } from './batch';
import { isQuestionHeld, type HeldApp, type HeldCache } from '../contest/held';

export type { PracticeAnswerError };

export interface PracticeAnswerResult extends PracticeAnswerShown {
	/** The question to answer next (saves clients a round trip), or null at the end. */
	next: { id: number; index: number; question: PublicQuestion } | null;
}

export type PracticeAnswerOutcome =
	{ ok: true; data: PracticeAnswerResult } | { ok: false; error: PracticeAnswerError };

/**
 * The answer as sent: a JSON value, or (a form without JavaScript) a function that reads it
 * against the question as this session shows it (options and ordering items as delivered).
 */
export type AnswerInput = unknown | ((shown: PublicQuestion) => unknown);

export interface AnswerArgs {
	participantId: number;
	sessionId: number;
	questionId: number;
	answer: AnswerInput;
	now: number;
}

/** Per-app state of the answer path: the one-answer transaction and the group-commit queue. */
export interface PracticeAnswerCache {
	run: (args: AnswerArgs) => PracticeAnswerOutcome;
	queue: (args: AnswerArgs) => Promise<PracticeAnswerOutcome>;
}

/** What answering needs of the app (an `AppContext` fits; app.ts imports this module). */
export interface AnswerApp {
	caches: { practiceAnswer: PracticeAnswerCache };
}

/** Build the answer path of one app (`createApp` calls it with the app's pool cache). */
export function createPracticeAnswerCache(
	db: Db,
	practicePool: PoolCache,
	heldBanks: HeldCache
): PracticeAnswerCache {
	const queries = createAnswerQueries(db);
	const pool: PoolApp & HeldApp = { db, caches: { practicePool, heldBanks } };
	const work = (a: AnswerArgs) => answerInTransaction(pool, queries, a);
	const tx = db.$client.transaction(work);
	return { run: (a) => tx.immediate(a), queue: createBatcher(db, work) };
}

/** Judge and record an answer to the current question of a practice session (its own transaction). */
export function submitPracticeAnswer(app: AnswerApp, args: AnswerArgs): PracticeAnswerOutcome {
	return app.caches.practiceAnswer.run(args);
}

/**
 * The same, committed together with the other answers of this turn of the event loop (see
 * batch.ts): what every answer request uses.
 */
export function queuePracticeAnswer(
	app: AnswerApp,
	args: AnswerArgs
): Promise<PracticeAnswerOutcome> {
	return app.caches.practiceAnswer.queue(args);
}

function answerInTransaction(
	app: PoolApp & HeldApp,
	q: AnswerQueries,
	a: AnswerArgs
): PracticeAnswerOutcome {
	const facts = readFacts(app, q, a);
	if (!facts) return { ok: false, error: 'not_found' };
	const session = facts.session!;
	const answer =
		typeof a.answer === 'function' && facts.question
			? (a.answer as (shown: PublicQuestion) => unknown)(
					toPublicQuestion(facts.question, { shuffleSeed: deriveSeed(session.seed, a.questionId) })
				)
			: a.answer;
	const decision = answerPractice(facts, { questionId: a.questionId, answer, now: a.now });
	if (!decision.ok) return decision;
	if (decision.writes) write(q, a, decision.writes);
	const next = decision.nextIndex === null ? null : nextQuestion(q, session, decision.nextIndex);
	return { ok: true, data: { ...decision.shown, next } };
}

/** The question at `index` as the session shows it, or null (its bank is no longer published). */
function nextQuestion(
	q: AnswerQueries,
	{ questionIds, seed }: { questionIds: readonly number[]; seed: number },
	index: number
): PracticeAnswerResult['next'] {
	const id = questionIds[index];
	const row = id === undefined ? undefined : q.questionBody.get({ questionId: id });
	if (!row) return null;
	return { id, index, question: toPublicQuestion(row.body, { shuffleSeed: deriveSeed(seed, id) }) };
}

/** The facts `answerPractice` decides on, or null when the session is not the participant's. */
function readFacts(
	app: PoolApp & HeldApp,
	q: AnswerQueries,
	a: AnswerArgs
): PracticeAnswerFacts | null {
	const ids = { participantId: a.participantId, questionId: a.questionId };
	const session = q.session.get({ sessionId: a.sessionId, participantId: a.participantId });
	const p = session && q.participant.get(ids);
	if (!session || !p) return null;
	const question = q.questionBody.get(ids)?.body ?? null;
	const law = question && lawOf(question);
	const previous = q.previousAnswer.get({ sessionId: a.sessionId, questionId: a.questionId });
	return {
		session: {
			kind: session.kind,
			questionIds: session.questionIds,
			seed: session.seed,
			answered: session.answered,
			correct: session.correct,
			finished: session.finishedAt !== null
		},
		participant: {
			xp: p.xp,
			correct: p.correct,
			unitId: p.unitId,
			streak: { current: p.streakCurrent, best: p.streakBest, lastDay: p.streakLastDay },
			dailyBonusDay: p.dailyBonusDay
		},
		question,
		isHeld: isQuestionHeld(app, a.questionId, a.now),
		previous: previous ?? null,
		knewIt: q.isKnown.get(ids) !== undefined,
		review: q.review.get(ids) ?? null,
		law: law
			? {
					correct: q.lawCorrect.get({ participantId: a.participantId, law })?.correct ?? 0,
					poolSize: lawPoolSize(app, law, a.now)
				}
			: null,
		weekXp: q.weekXp.get({ participantId: a.participantId, week: weekKey(a.now) })?.xp ?? 0,
		badges: new Set(q.badges.all(ids).map((b) => b.code))
	};
}

function write(q: AnswerQueries, a: AnswerArgs, w: PracticeAnswerWrites): void {
	const ids = { participantId: a.participantId, questionId: a.questionId };
	q.insertAnswer.run({
		sessionId: a.sessionId,
		questionId: a.questionId,
		answer: w.answer.value,
		correct: w.answer.correct,
		xp: w.answer.xp,
		at: a.now
	});
	if (w.review.kind === 'set') q.upsertReview.run({ ...ids, ...w.review.item });
	else if (w.review.kind === 'delete') q.deleteReview.run(ids);
	if (w.markKnown) q.markKnown.run(ids);
	if (w.bumpLaw) q.bumpLaw.run({ participantId: a.participantId, law: w.bumpLaw });
	const p = w.participant;
	q.updateParticipant.run({
		participantId: a.participantId,
		xp: p.xpGained,
		correct: p.correct ? 1 : 0,
		streakCurrent: p.streak.current,
		streakBest: p.streak.best,
		streakLastDay: p.streak.lastDay,
		dailyBonusDay: p.dailyBonusDay
	});
	if (w.week) q.addWeekXp.run({ participantId: a.participantId, week: w.week.key, xp: w.week.xp });
	for (const row of w.unitXp) q.addUnitXp.run(row);
	q.updateSession.run({
		sessionId: a.sessionId,
		correct: w.session.correct ? 1 : 0,
		xp: w.session.xpGained,
		finishedAt: w.session.finishedAt
	});
	for (const code of w.badges) q.addBadge.run({ participantId: a.participantId, code, at: a.now });
}
