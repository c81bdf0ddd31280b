/**
 * Public practice: published banks (read-only), practice sessions and the per-answer counters.
 * The queries on the answer path are prepared once per app (`createAnswerQueries`) and run
 * inside one transaction by `server/practice/answer.ts`.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../index';
import {
	bank,
	organization,
	participant,
	participantBadge,
	practiceAnswer,
	practiceKnown,
	practiceLaw,
	practiceReview,
	practiceSession,
	question,
	unitXp,
	xpWeek,
	type PracticeKind,
	type PracticeSession
} from '../schema';
import type { AnswerValue, Question } from '../../../quiz/question';

export interface PublishedBank {
	id: number;
	title: string;
	description: string;
	tags: string[];
	organizationName: string;
	questionCount: number;
}

const published = and(eq(bank.visibility, 'published'), isNull(bank.archivedAt));

/** Published, non-archived banks of every organization with their question counts. */
export function listPublishedBanks(db: Db, tag?: string): PublishedBank[] {
	const rows = db
		.select({
			id: bank.id,
			title: bank.title,
			description: bank.description,
			tags: bank.tags,
			organizationName: organization.name,
			questionCount: sql<number>`(select count(*) from question q where q.bank_id = "bank"."id")`
		})
		.from(bank)
		.innerJoin(organization, eq(bank.organizationId, organization.id))
		.where(published)
		.orderBy(desc(bank.updatedAt), desc(bank.id))
		.all()
		.filter((b) => b.questionCount > 0);
	return tag ? rows.filter((b) => b.tags.includes(tag)) : rows;
}

/** One published bank, or undefined (private, archived or missing alike). */
export function getPublishedBank(db: Db, bankId: number): PublishedBank | undefined {
	return db
		.select({
			id: bank.id,
			title: bank.title,
			description: bank.description,
			tags: bank.tags,
			organizationName: organization.name,
			questionCount: sql<number>`(select count(*) from question q where q.bank_id = "bank"."id")`
		})
		.from(bank)
		.innerJoin(organization, eq(bank.organizationId, organization.id))
		.where(and(eq(bank.id, bankId), published))
		.get();
}

/** Question ids of a published bank in bank order. */
export function publishedQuestionIds(db: Db, bankId: number): number[] {
	return db
		.select({ id: question.id })
		.from(question)
		.innerJoin(bank, eq(question.bankId, bank.id))
		.where(and(eq(question.bankId, bankId), published))
		.orderBy(asc(question.position), asc(question.id))
		.all()
		.map((r) => r.id);
}

/** Every question id of every published bank (today's challenge draws from it). */
export function publishedPoolIds(db: Db): number[] {
	return db
		.select({ id: question.id })
		.from(question)
		.innerJoin(bank, eq(question.bankId, bank.id))
		.where(published)
		.all()
		.map((r) => r.id);
}

/** How many published questions cite each law (citation document): the mastery denominators. */
export function publishedLawSizes(db: Db): Map<string, number> {
	const law = sql<string>`json_extract(${question.body}, '$.citation.document')`;
	const rows = db
		.select({ law, n: sql<number>`count(*)` })
		.from(question)
		.innerJoin(bank, eq(bank.id, question.bankId))
		.where(and(published, isNotNull(law)))
		.groupBy(law)
		.all();
	return new Map(rows.map((r) => [r.law.trim(), r.n]));
}

/** Question bodies by id (missing ids are left out). */
export function getQuestionBodies(db: Db, ids: readonly number[]): Map<number, Question> {
	if (ids.length === 0) return new Map();
	const rows = db
		.select({ id: question.id, body: question.body })
		.from(question)
		.where(inArray(question.id, [...ids]))
		.all();
	return new Map(rows.map((r) => [r.id, r.body]));
}

export function createPracticeSession(
	db: Db,
	input: {
		participantId: number;
		kind: PracticeKind;
		bankId: number | null;
		title: string;
		questionIds: number[];
		seed: number;
	},
	now = Date.now()
): PracticeSession {
	return db
		.insert(practiceSession)
		.values({ ...input, startedAt: new Date(now) })
		.returning()
		.get();
}

/** The participant's own session, or undefined (also for someone else's). */
export function getPracticeSession(
	db: Db,
	participantId: number,
	sessionId: number
): PracticeSession | undefined {
	return db
		.select()
		.from(practiceSession)
		.where(and(eq(practiceSession.id, sessionId), eq(practiceSession.participantId, participantId)))
		.get();
}

/** Which of `ids` the participant has answered right before. */
export function knownQuestionIds(
	db: Db,
	participantId: number,
	ids: readonly number[]
): Set<number> {
	if (ids.length === 0) return new Set();
	const rows = db
		.select({ id: practiceKnown.questionId })
		.from(practiceKnown)
		.where(
			and(
				eq(practiceKnown.participantId, participantId),
				// One bound parameter however many ids (SQLite caps the number of parameters).
				sql`${practiceKnown.questionId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`
			)
		)
		.all();
	return new Set(rows.map((r) => r.id));
}

/** Question ids due for review at `now`, earliest first. */
export function dueReviewIds(db: Db, participantId: number, now: number, limit: number): number[] {
	return (
		db
			.select({ id: practiceReview.questionId })
			.from(practiceReview)
			// Joined with question: a question deleted since must not take a place in the session.
			.innerJoin(question, eq(question.id, practiceReview.questionId))
			.where(and(eq(practiceReview.participantId, participantId), lte(practiceReview.dueAt, now)))
			.orderBy(asc(practiceReview.dueAt), asc(practiceReview.questionId))
			.limit(limit)
			.all()
			.map((r) => r.id)
	);
}

export interface ReviewSummary {
	/** Questions in the mistakes list. */
	total: number;
	/** Due now. */
	due: number;
	/** When the next one not yet due becomes due (epoch ms), or null. */
	nextDueAt: number | null;
}

/** Counts only questions that still exist, like the session `dueReviewIds` starts. */
export function reviewSummary(db: Db, participantId: number, now: number): ReviewSummary {
	const { dueAt } = practiceReview;
	const row = db
		.select({
			total: sql<number>`count(*)`,
			due: sql<number | null>`sum(${dueAt} <= ${now})`,
			next: sql<number | null>`min(CASE WHEN ${dueAt} > ${now} THEN ${dueAt} END)`
		})
		.from(practiceReview)
		.innerJoin(question, eq(question.id, practiceReview.questionId))
		.where(eq(practiceReview.participantId, participantId))
		.get()!;
	return { total: row.total, due: row.due ?? 0, nextDueAt: row.next };
}

/** The participant's latest sessions (history). */
export function listPracticeSessions(db: Db, participantId: number, limit = 20): PracticeSession[] {
	return db
		.select()
		.from(practiceSession)
		.where(eq(practiceSession.participantId, participantId))
		.orderBy(desc(practiceSession.startedAt), desc(practiceSession.id))
		.limit(limit)
		.all();
}

export interface SessionAnswer {
	questionId: number;
	answer: AnswerValue;
	correct: boolean;
	xp: number;
}

/** The answers given in a session. */
export function listSessionAnswers(db: Db, sessionId: number): SessionAnswer[] {
	return db
		.select({
			questionId: practiceAnswer.questionId,
			answer: practiceAnswer.answer,
			correct: practiceAnswer.correct,
			xp: practiceAnswer.xp
		})
		.from(practiceAnswer)
		.where(eq(practiceAnswer.sessionId, sessionId))
		.orderBy(asc(practiceAnswer.answeredAt))
		.all();
}

export function listBadges(db: Db, participantId: number): Array<{ code: string; earnedAt: Date }> {
	return db
		.select({ code: participantBadge.code, earnedAt: participantBadge.earnedAt })
		.from(participantBadge)
		.where(eq(participantBadge.participantId, participantId))
		.orderBy(asc(participantBadge.earnedAt))
		.all();
}

const ph = sql.placeholder;

/**
 * The answer path's queries as drizzle prepared statements (compiled once, then bound per call;
 * with the reducer's extra reads ~60 µs of CPU per answer more than the raw statements they
 * replaced, ≤ 10 % of an answer request — docs/performance.md, 7 Dec):
 * `createAnswerQueries` is called once per app (`AppCaches`, see server/app.ts), and
 * `server/practice/answer.ts` runs them inside one transaction per answer.
 */
export function createAnswerQueries(db: Db) {
	const pid = ph('participantId');
	const qid = ph('questionId');
	return {
		session: db
			.select({
				kind: practiceSession.kind,
				questionIds: practiceSession.questionIds,
				seed: practiceSession.seed,
				answered: practiceSession.answered,
				correct: practiceSession.correct,
				finishedAt: practiceSession.finishedAt
			})
			.from(practiceSession)
			.where(and(eq(practiceSession.id, ph('sessionId')), eq(practiceSession.participantId, pid)))
			.prepare(),
		// Only while its bank is published: a bank made private mid-session stops serving (finding 16).
		questionBody: db
			.select({ body: question.body })
			.from(question)
			.innerJoin(bank, eq(bank.id, question.bankId))
			.where(and(eq(question.id, qid), published))
			.prepare(),
		participant: db
			.select({
				xp: participant.xp,
				correct: participant.correct,
				unitId: participant.unitId,
				streakCurrent: participant.streakCurrent,
				streakBest: participant.streakBest,
				streakLastDay: participant.streakLastDay,
				dailyBonusDay: participant.dailyBonusDay
			})
			.from(participant)
			.where(eq(participant.id, pid))
			.prepare(),
		previousAnswer: db
			.select({ answer: practiceAnswer.answer, xp: practiceAnswer.xp })
			.from(practiceAnswer)
			.where(and(eq(practiceAnswer.sessionId, ph('sessionId')), eq(practiceAnswer.questionId, qid)))
			.prepare(),
		isKnown: db
			.select({ one: sql<number>`1` })
			.from(practiceKnown)
			.where(and(eq(practiceKnown.participantId, pid), eq(practiceKnown.questionId, qid)))
			.prepare(),
		review: db
			.select({ box: practiceReview.box, dueAt: practiceReview.dueAt })
			.from(practiceReview)
			.where(and(eq(practiceReview.participantId, pid), eq(practiceReview.questionId, qid)))
			.prepare(),
		lawCorrect: db
			.select({ correct: practiceLaw.correct })
			.from(practiceLaw)
			.where(and(eq(practiceLaw.participantId, pid), eq(practiceLaw.law, ph('law'))))
			.prepare(),
		weekXp: db
			.select({ xp: xpWeek.xp })
			.from(xpWeek)
			.where(and(eq(xpWeek.week, ph('week')), eq(xpWeek.participantId, pid)))
			.prepare(),
		badges: db
			.select({ code: participantBadge.code })
			.from(participantBadge)
			.where(eq(participantBadge.participantId, pid))
			.prepare(),
		insertAnswer: db
			.insert(practiceAnswer)
			.values({
				sessionId: ph('sessionId'),
				questionId: qid,
				answer: ph('answer'),
				correct: ph('correct'),
				xp: ph('xp'),
				// Epoch ms as given (a placeholder on a timestamp column would go through Date).
				answeredAt: sql`${ph('at')}`
			})
			.onConflictDoNothing()
			.prepare(),
		markKnown: db
			.insert(practiceKnown)
			.values({ participantId: pid, questionId: qid })
			.onConflictDoNothing()
			.prepare(),
		upsertReview: db
			.insert(practiceReview)
			.values({ participantId: pid, questionId: qid, box: ph('box'), dueAt: ph('dueAt') })
			.onConflictDoUpdate({
				target: [practiceReview.participantId, practiceReview.questionId],
				set: { box: sql`excluded.box`, dueAt: sql`excluded.due_at` }
			})
			.prepare(),
		deleteReview: db
			.delete(practiceReview)
			.where(and(eq(practiceReview.participantId, pid), eq(practiceReview.questionId, qid)))
			.prepare(),
		bumpLaw: db
			.insert(practiceLaw)
			.values({ participantId: pid, law: ph('law'), correct: 1 })
			.onConflictDoUpdate({
				target: [practiceLaw.participantId, practiceLaw.law],
				set: { correct: sql`${practiceLaw.correct} + 1` }
			})
			.prepare(),
		updateParticipant: db
			.update(participant)
			.set({
				xp: sql`${participant.xp} + ${ph('xp')}`,
				answered: sql`${participant.answered} + 1`,
				correct: sql`${participant.correct} + ${ph('correct')}`,
				streakCurrent: sql`${ph('streakCurrent')}`,
				streakBest: sql`${ph('streakBest')}`,
				streakLastDay: sql`${ph('streakLastDay')}`,
				dailyBonusDay: sql`${ph('dailyBonusDay')}`
			})
			.where(eq(participant.id, pid))
			.prepare(),
		addWeekXp: db
			.insert(xpWeek)
			.values({ week: ph('week'), participantId: pid, xp: ph('xp') })
			.onConflictDoUpdate({
				target: [xpWeek.week, xpWeek.participantId],
				set: { xp: sql`${xpWeek.xp} + excluded.xp` }
			})
			.prepare(),
		addUnitXp: db
			.insert(unitXp)
			.values({ unitId: ph('unitId'), period: ph('period'), xp: ph('xp'), players: ph('players') })
			.onConflictDoUpdate({
				target: [unitXp.unitId, unitXp.period],
				set: {
					xp: sql`${unitXp.xp} + excluded.xp`,
					players: sql`${unitXp.players} + excluded.players`
				}
			})
			.prepare(),
		updateSession: db
			.update(practiceSession)
			.set({
				answered: sql`${practiceSession.answered} + 1`,
				correct: sql`${practiceSession.correct} + ${ph('correct')}`,
				xp: sql`${practiceSession.xp} + ${ph('xp')}`,
				finishedAt: sql`${ph('finishedAt')}`
			})
			.where(eq(practiceSession.id, ph('sessionId')))
			.prepare(),
		addBadge: db
			.insert(participantBadge)
			.values({ participantId: pid, code: ph('code'), earnedAt: sql`${ph('at')}` })
			.onConflictDoNothing()
			.prepare()
	};
}

export type AnswerQueries = ReturnType<typeof createAnswerQueries>;

/** Bodies of the given questions whose bank is still published (what a running practice may show). */
export function getPublishedQuestionBodies(db: Db, ids: readonly number[]): Map<number, Question> {
	if (ids.length === 0) return new Map();
	const rows = db
		.select({ id: question.id, body: question.body })
		.from(question)
		.innerJoin(bank, eq(bank.id, question.bankId))
		.where(and(inArray(question.id, [...ids]), published))
		.all();
	return new Map(rows.map((r) => [r.id, r.body]));
}
