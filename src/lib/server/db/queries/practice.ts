/**
 * Public practice: published banks (read-only), practice sessions and the per-answer counters.
 * The statements on the answer path are prepared once per database and run inside one
 * transaction by `server/practice/answer.ts`.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../index';
import {
	bank,
	organization,
	participantBadge,
	practiceAnswer,
	practiceSession,
	question,
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
	const rows = db.$client
		.prepare(
			`SELECT json_extract(q.body, '$.citation.document') AS law, count(*) AS n
			 FROM question q JOIN bank b ON b.id = q.bank_id
			 WHERE b.visibility = 'published' AND b.archived_at IS NULL AND law IS NOT NULL
			 GROUP BY law`
		)
		.all() as Array<{ law: string; n: number }>;
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
	const rows = db.$client
		.prepare(
			`SELECT question_id AS id FROM practice_known WHERE participant_id = ?
			 AND question_id IN (SELECT value FROM json_each(?))`
		)
		.all(participantId, JSON.stringify(ids)) as Array<{ id: number }>;
	return new Set(rows.map((r) => r.id));
}

/** Question ids due for review at `now`, earliest first. */
export function dueReviewIds(db: Db, participantId: number, now: number, limit: number): number[] {
	return (
		db.$client
			.prepare(
				// Joined with question: a question deleted since must not take a place in the session.
				`SELECT r.question_id AS id FROM practice_review r JOIN question q ON q.id = r.question_id
				 WHERE r.participant_id = ? AND r.due_at <= ?
				 ORDER BY r.due_at, r.question_id LIMIT ?`
			)
			.all(participantId, now, limit) as Array<{ id: number }>
	).map((r) => r.id);
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
	const row = db.$client
		.prepare(
			`SELECT count(*) AS total, sum(r.due_at <= ?) AS due,
				min(CASE WHEN r.due_at > ? THEN r.due_at END) AS next
			 FROM practice_review r JOIN question q ON q.id = r.question_id
			 WHERE r.participant_id = ?`
		)
		.get(now, now, participantId) as { total: number; due: number | null; next: number | null };
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

/** The prepared statements of the answer path, created once per database. */
export function answerStatements(db: Db) {
	let s = statementCache.get(db);
	if (!s) statementCache.set(db, (s = prepareAnswerStatements(db)));
	return s;
}

const statementCache = new WeakMap<Db, ReturnType<typeof prepareAnswerStatements>>();

function prepareAnswerStatements(db: Db) {
	const c = db.$client;
	return {
		session: c.prepare<
			[number, number],
			{
				id: number;
				kind: PracticeKind;
				question_ids: string;
				seed: number;
				answered: number;
				correct: number;
				xp: number;
				finished_at: number | null;
			}
		>(
			`SELECT id, kind, question_ids, seed, answered, correct, xp, finished_at
			 FROM practice_session WHERE id = ? AND participant_id = ?`
		),
		// Only while its bank is published: a bank made private mid-session stops serving (finding 16).
		questionBody: c.prepare<[number], { body: string }>(
			`SELECT q.body FROM question q JOIN bank b ON b.id = q.bank_id
			 WHERE q.id = ? AND b.visibility = 'published' AND b.archived_at IS NULL`
		),
		insertAnswer: c.prepare(
			`INSERT INTO practice_answer (session_id, question_id, answer, correct, xp, answered_at)
			 VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
		),
		previousAnswer: c.prepare<[number, number], { answer: string; correct: number; xp: number }>(
			'SELECT answer, correct, xp FROM practice_answer WHERE session_id = ? AND question_id = ?'
		),
		isKnown: c.prepare<[number, number], { one: number }>(
			'SELECT 1 AS one FROM practice_known WHERE participant_id = ? AND question_id = ?'
		),
		markKnown: c.prepare(
			'INSERT OR IGNORE INTO practice_known (participant_id, question_id) VALUES (?, ?)'
		),
		review: c.prepare<[number, number], { box: number; due_at: number }>(
			'SELECT box, due_at FROM practice_review WHERE participant_id = ? AND question_id = ?'
		),
		upsertReview: c.prepare(
			`INSERT INTO practice_review (participant_id, question_id, box, due_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT (participant_id, question_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at`
		),
		deleteReview: c.prepare(
			'DELETE FROM practice_review WHERE participant_id = ? AND question_id = ?'
		),
		bumpLaw: c.prepare<[number, string], { correct: number }>(
			`INSERT INTO practice_law (participant_id, law, correct) VALUES (?, ?, 1)
			 ON CONFLICT (participant_id, law) DO UPDATE SET correct = correct + 1 RETURNING correct`
		),
		participant: c.prepare<
			[number],
			{
				xp: number;
				correct: number;
				unit_id: number | null;
				streak_current: number;
				streak_best: number;
				streak_last_day: number | null;
				daily_bonus_day: number | null;
			}
		>(
			`SELECT xp, correct, unit_id, streak_current, streak_best, streak_last_day, daily_bonus_day
			 FROM participant WHERE id = ?`
		),
		updateParticipant: c.prepare(
			`UPDATE participant SET xp = xp + ?, answered = answered + 1, correct = correct + ?,
			 streak_current = ?, streak_best = ?, streak_last_day = ?, daily_bonus_day = ? WHERE id = ?`
		),
		addWeekXp: c.prepare<[string, number, number], { xp: number }>(
			`INSERT INTO xp_week (week, participant_id, xp) VALUES (?, ?, ?)
			 ON CONFLICT (week, participant_id) DO UPDATE SET xp = xp + excluded.xp RETURNING xp`
		),
		addUnitXp: c.prepare(
			`INSERT INTO unit_xp (unit_id, period, xp, players) VALUES (?, ?, ?, ?)
			 ON CONFLICT (unit_id, period) DO UPDATE SET xp = xp + excluded.xp, players = players + excluded.players`
		),
		updateSession: c.prepare(
			`UPDATE practice_session SET answered = answered + 1, correct = correct + ?, xp = xp + ?,
			 finished_at = ? WHERE id = ?`
		),
		addBadge: c.prepare(
			'INSERT OR IGNORE INTO participant_badge (participant_id, code, earned_at) VALUES (?, ?, ?)'
		)
	};
}

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
