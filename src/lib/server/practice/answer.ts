/**
 * Answering one practice question, the persistence side: in one transaction read the facts the
 * rules need, let the pure reducer (`lib/practice/answer.ts`) decide, write what it decided.
 * Nothing is recomputed from history; every counter is incremented in place.
 */
import type { Db, DbOrTx } from '../db';
import { transaction } from '../db/transaction';
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
	run: (args: AnswerArgs) => Promise<PracticeAnswerOutcome>;
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
	const queriesOn = createAnswerQueries(db);
	const pool: PoolApp & HeldApp = { db, caches: { practicePool, heldBanks } };
	const work = (tx: DbOrTx, a: AnswerArgs) => answerInTransaction(pool, queriesOn(tx), a);
	return {
		run: (a) => transaction(db, (tx) => work(tx, a)),
		queue: createBatcher(db, work)
	};
}

/** Judge and record an answer to the current question of a practice session (its own transaction). */
export function submitPracticeAnswer(
	app: AnswerApp,
	args: AnswerArgs
): Promise<PracticeAnswerOutcome> {
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

async function answerInTransaction(
	app: PoolApp & HeldApp,
	q: AnswerQueries,
	a: AnswerArgs
): Promise<PracticeAnswerOutcome> {
	const facts = await readFacts(app, q, a);
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
	if (decision.writes) await write(q, a, decision.writes);
	const next =
		decision.nextIndex === null ? null : await nextQuestion(q, session, decision.nextIndex);
	return { ok: true, data: { ...decision.shown, next } };
}

/** The question at `index` as the session shows it, or null (its bank is no longer published). */
async function nextQuestion(
	q: AnswerQueries,
	{ questionIds, seed }: { questionIds: readonly number[]; seed: number },
	index: number
): Promise<PracticeAnswerResult['next']> {
	const id = questionIds[index];
	const row = id === undefined ? undefined : (await q.questionBody.execute({ questionId: id }))[0];
	if (!row) return null;
	return { id, index, question: toPublicQuestion(row.body, { shuffleSeed: deriveSeed(seed, id) }) };
}

/**
 * The facts `answerPractice` decides on, or null when the session is not the participant's. The
 * participant's row is read first, and locked (see `createAnswerQueries`): what follows is read
 * after any other answer of theirs has committed.
 */
async function readFacts(
	app: PoolApp & HeldApp,
	q: AnswerQueries,
	a: AnswerArgs
): Promise<PracticeAnswerFacts | null> {
	const ids = { participantId: a.participantId, questionId: a.questionId };
	const [p] = await q.participant.execute(ids);
	const [session] = p
		? await q.session.execute({ sessionId: a.sessionId, participantId: a.participantId })
		: [];
	if (!session || !p) return null;
	const question = (await q.questionBody.execute(ids))[0]?.body ?? null;
	const law = question && lawOf(question);
	const [previous] = await q.previousAnswer.execute({
		sessionId: a.sessionId,
		questionId: a.questionId
	});
	const [known] = await q.isKnown.execute(ids);
	const [review] = await q.review.execute(ids);
	const lawFacts = law
		? {
				correct:
					(await q.lawCorrect.execute({ participantId: a.participantId, law }))[0]?.correct ?? 0,
				poolSize: await lawPoolSize(app, law, a.now)
			}
		: null;
	const [week] = await q.weekXp.execute({ participantId: a.participantId, week: weekKey(a.now) });
	const badges = await q.badges.execute(ids);
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
		isHeld: await isQuestionHeld(app, a.questionId, a.now),
		previous: previous ?? null,
		knewIt: known !== undefined,
		review: review ?? null,
		law: lawFacts,
		weekXp: week?.xp ?? 0,
		badges: new Set(badges.map((b) => b.code))
	};
}

async function write(q: AnswerQueries, a: AnswerArgs, w: PracticeAnswerWrites): Promise<void> {
	const ids = { participantId: a.participantId, questionId: a.questionId };
	await q.insertAnswer.execute({
		sessionId: a.sessionId,
		questionId: a.questionId,
		answer: w.answer.value,
		correct: w.answer.correct,
		xp: w.answer.xp,
		at: a.now
	});
	if (w.review.kind === 'set') await q.upsertReview.execute({ ...ids, ...w.review.item });
	else if (w.review.kind === 'delete') await q.deleteReview.execute(ids);
	if (w.markKnown) await q.markKnown.execute(ids);
	if (w.bumpLaw) await q.bumpLaw.execute({ participantId: a.participantId, law: w.bumpLaw });
	const p = w.participant;
	await q.updateParticipant.execute({
		participantId: a.participantId,
		xp: p.xpGained,
		correct: p.correct ? 1 : 0,
		streakCurrent: p.streak.current,
		streakBest: p.streak.best,
		streakLastDay: p.streak.lastDay,
		dailyBonusDay: p.dailyBonusDay
	});
	if (w.week)
		await q.addWeekXp.execute({ participantId: a.participantId, week: w.week.key, xp: w.week.xp });
	for (const row of w.unitXp) await q.addUnitXp.execute(row);
	await q.updateSession.execute({
		sessionId: a.sessionId,
		correct: w.session.correct ? 1 : 0,
		xp: w.session.xpGained,
		finishedAt: w.session.finishedAt
	});
	for (const code of w.badges)
		await q.addBadge.execute({ participantId: a.participantId, code, at: a.now });
}
