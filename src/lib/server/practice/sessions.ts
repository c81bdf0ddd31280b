/**
 * Starting practice sessions (a bank, today's challenge, "practise my mistakes") and reading
 * where a session stands. The answer itself is in answer.ts.
 */
import { randomInt } from 'node:crypto';
import type { Db } from '../db';
import type { PracticeSession } from '../db/schema';
import {
	createPracticeSession,
	dueReviewIds,
	getPracticeSession,
	getPublishedBank,
	getPublishedQuestionBodies,
	getQuestionBodies,
	knownQuestionIds,
	listSessionAnswers,
	publishedQuestionIds,
	type SessionAnswer
} from '../db/queries/practice';
import { pickDailyQuestions, pickSessionQuestions, REVIEW_SIZE } from '../../practice/picking';
import { dayNumber } from '../../practice/calendar';
import { deriveSeed } from '../../quiz/random';
import { revealOf, toPublicQuestion, type PublicQuestion, type Reveal } from '../../quiz/judge';
import { publishedPool, type PoolApp } from './pool';
import { isBankHeld, withoutHeld, type HeldApp } from '../contest/held';

/** `contest_held`: a contest using the bank is not over (its questions are held back from practice). */
export type StartError = 'not_found' | 'empty' | 'nothing_due' | 'contest_held';
export type StartOutcome =
	{ ok: true; session: PracticeSession } | { ok: false; error: StartError };

function newSeed(): number {
	return randomInt(0, 2 ** 31 - 1);
}

/** A session of up to ten questions of a published bank, unknown questions first. */
export async function startBankSession(
	app: HeldApp,
	participantId: number,
	bankId: number,
	now = Date.now(),
	seed = newSeed()
): Promise<StartOutcome> {
	const { db } = app;
	const found = await getPublishedBank(db, bankId);
	if (!found) return { ok: false, error: 'not_found' };
	if (await isBankHeld(app, bankId, now)) return { ok: false, error: 'contest_held' };
	const ids = await publishedQuestionIds(db, bankId);
	if (ids.length === 0) return { ok: false, error: 'empty' };
	const picked = pickSessionQuestions(ids, await knownQuestionIds(db, participantId, ids), seed);
	const session = await createPracticeSession(
		db,
		{ participantId, kind: 'bank', bankId, title: found.title, questionIds: picked, seed },
		now
	);
	return { ok: true, session };
}

/** Today's challenge: the same few questions for everyone today. */
export async function startDailySession(
	app: PoolApp & HeldApp,
	participantId: number,
	title: string,
	now = Date.now()
): Promise<StartOutcome> {
	const { db } = app;
	const pool = await withoutHeld(app, await publishedPool(app, now), now);
	const ids = pickDailyQuestions(pool, dayNumber(now));
	if (ids.length === 0) return { ok: false, error: 'empty' };
	const session = await createPracticeSession(
		db,
		{
			participantId,
			kind: 'daily',
			bankId: null,
			title,
			questionIds: ids,
			seed: deriveSeed(0xda11, dayNumber(now))
		},
		now
	);
	return { ok: true, session };
}

/** "Practise my mistakes": the questions due for review now. */
export async function startReviewSession(
	app: HeldApp,
	participantId: number,
	title: string,
	now = Date.now(),
	seed = newSeed()
): Promise<StartOutcome> {
	const { db } = app;
	const due = await dueReviewIds(db, participantId, now, REVIEW_SIZE);
	// Questions deleted from their bank since drop out silently.
	const bodies = await getQuestionBodies(db, due);
	const ids = await withoutHeld(
		app,
		due.filter((id) => bodies.has(id)),
		now
	);
	if (ids.length === 0) return { ok: false, error: 'nothing_due' };
	const session = await createPracticeSession(
		db,
		{ participantId, kind: 'review', bankId: null, title, questionIds: ids, seed },
		now
	);
	return { ok: true, session };
}

export interface SessionView {
	session: PracticeSession;
	/** The question to answer now (null when the session is over). */
	current: { id: number; index: number; question: PublicQuestion } | null;
}

/** Where a session stands: its current question as a phone may see it. */
export async function viewSession(
	db: Db,
	participantId: number,
	sessionId: number
): Promise<SessionView | undefined> {
	const session = await getPracticeSession(db, participantId, sessionId);
	if (!session) return undefined;
	if (session.finishedAt || session.answered >= session.questionIds.length)
		return { session, current: null };
	const id = session.questionIds[session.answered];
	// A bank made private (or archived) since the session started serves nothing more.
	const body = (await getPublishedQuestionBodies(db, [id])).get(id);
	if (!body) return { session, current: null };
	return {
		session,
		current: {
			id,
			index: session.answered,
			question: toPublicQuestion(body, { shuffleSeed: deriveSeed(session.seed, id) })
		}
	};
}

export interface SummaryItem extends SessionAnswer {
	question: PublicQuestion;
	reveal: Reveal;
}

/** The end-of-session summary: every answer with its reveal. */
export async function sessionSummary(
	db: Db,
	participantId: number,
	sessionId: number
): Promise<SummaryItem[] | undefined> {
	const session = await getPracticeSession(db, participantId, sessionId);
	if (!session) return undefined;
	const answers = await listSessionAnswers(db, sessionId);
	const bodies = await getQuestionBodies(
		db,
		answers.map((a) => a.questionId)
	);
	return answers.flatMap((a) => {
		const body = bodies.get(a.questionId);
		if (!body) return [];
		const question = toPublicQuestion(body, {
			shuffleSeed: deriveSeed(session.seed, a.questionId)
		});
		return [{ ...a, question, reveal: revealOf(body) }];
	});
}
