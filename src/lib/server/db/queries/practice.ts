/**
 * Public practice: published banks (read-only), practice sessions and the per-answer counters.
 * The queries on the answer path are prepared once per connection (`createAnswerQueries`) and run
 * inside one transaction by `server/practice/answer.ts`.
 */
import {
	and,
	asc,
	count,
	desc,
	eq,
	inArray,
	isNotNull,
	isNull,
	lte,
	sql,
	type SQL
} from 'drizzle-orm';
import type { Db, DbOrTx } from '../index';
import { forUpdate, isPostgres, perConnection, prepared } from '../dialect';
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

const published = () => and(eq(bank.visibility, 'published'), isNull(bank.archivedAt));

/** Questions of the bank row in scope (a number on both databases: PostgreSQL's count is a bigint). */
const questionCountOfBank = () =>
	sql<number>`(select count(*) from question q where q.bank_id = ${bank.id})`.mapWith(Number);

/** Published banks with their organization's name and question count, filtered by `where`. */
function selectPublishedBanks(db: DbOrTx, where: SQL | undefined) {
	return db
		.select({
			id: bank.id,
			title: bank.title,
			description: bank.description,
			tags: bank.tags,
			organizationName: organization.name,
			questionCount: questionCountOfBank()
		})
		.from(bank)
		.innerJoin(organization, eq(bank.organizationId, organization.id))
		.where(and(published(), where));
}

/** Published, non-archived banks of every organization with their question counts. */
export async function listPublishedBanks(db: DbOrTx, tag?: string): Promise<PublishedBank[]> {
	const rows = (
		await selectPublishedBanks(db, undefined).orderBy(desc(bank.updatedAt), desc(bank.id))
	).filter((b) => b.questionCount > 0);
	return tag ? rows.filter((b) => b.tags.includes(tag)) : rows;
}

/** One published bank, or undefined (private, archived or missing alike). */
export async function getPublishedBank(
	db: DbOrTx,
	bankId: number
): Promise<PublishedBank | undefined> {
	const rows = await selectPublishedBanks(db, eq(bank.id, bankId));
	return rows[0];
}

/** Question ids of a published bank in bank order. */
export async function publishedQuestionIds(db: DbOrTx, bankId: number): Promise<number[]> {
	const rows = await db
		.select({ id: question.id })
		.from(question)
		.innerJoin(bank, eq(question.bankId, bank.id))
		.where(and(eq(question.bankId, bankId), published()))
		.orderBy(asc(question.position), asc(question.id));
	return rows.map((r) => r.id);
}

/** Every question id of every published bank (today's challenge draws from it). */
export async function publishedPoolIds(db: DbOrTx): Promise<number[]> {
	const rows = await db
		.select({ id: question.id })
		.from(question)
		.innerJoin(bank, eq(question.bankId, bank.id))
		.where(published());
	return rows.map((r) => r.id);
}

/** How many published questions cite each law (citation document): the mastery denominators. */
export async function publishedLawSizes(db: DbOrTx): Promise<Map<string, number>> {
	const law = isPostgres(db)
		? sql<string>`(${question.body} -> 'citation' ->> 'document')`
		: sql<string>`json_extract(${question.body}, '$.citation.document')`;
	const rows = await db
		.select({ law, n: count() })
		.from(question)
		.innerJoin(bank, eq(bank.id, question.bankId))
		.where(and(published(), isNotNull(law)))
		.groupBy(law);
	// Documents that differ only by surrounding spaces are one law (summed, as the reducer trims).
	const sizes = new Map<string, number>();
	for (const r of rows) {
		const key = r.law.trim();
		sizes.set(key, (sizes.get(key) ?? 0) + r.n);
	}
	return sizes;
}

/** Most ids bound in one `IN (…)`: under SQLite's and PostgreSQL's caps on bound parameters. */
const IN_CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
	return out;
}

/** Question bodies by id (missing ids are left out). */
export async function getQuestionBodies(
	db: DbOrTx,
	ids: readonly number[]
): Promise<Map<number, Question>> {
	const bodies = new Map<number, Question>();
	for (const part of chunks([...new Set(ids)])) {
		const rows = await db
			.select({ id: question.id, body: question.body })
			.from(question)
			.where(inArray(question.id, part));
		for (const r of rows) bodies.set(r.id, r.body);
	}
	return bodies;
}

export async function createPracticeSession(
	db: DbOrTx,
	input: {
		participantId: number;
		kind: PracticeKind;
		bankId: number | null;
		title: string;
		questionIds: number[];
		seed: number;
	},
	now = Date.now()
): Promise<PracticeSession> {
	const [row] = await db
		.insert(practiceSession)
		.values({ ...input, startedAt: new Date(now) })
		.returning();
	return row;
}

/** The participant's own session, or undefined (also for someone else's). */
export async function getPracticeSession(
	db: DbOrTx,
	participantId: number,
	sessionId: number
): Promise<PracticeSession | undefined> {
	const rows = await db
		.select()
		.from(practiceSession)
		.where(
			and(eq(practiceSession.id, sessionId), eq(practiceSession.participantId, participantId))
		);
	return rows[0];
}

/** Which of `ids` the participant has answered right before. */
export async function knownQuestionIds(
	db: DbOrTx,
	participantId: number,
	ids: readonly number[]
): Promise<Set<number>> {
	const known = new Set<number>();
	for (const part of chunks([...new Set(ids)])) {
		const rows = await db
			.select({ id: practiceKnown.questionId })
			.from(practiceKnown)
			.where(
				and(eq(practiceKnown.participantId, participantId), inArray(practiceKnown.questionId, part))
			);
		for (const r of rows) known.add(r.id);
	}
	return known;
}

/** Question ids due for review at `now`, earliest first. */
export async function dueReviewIds(
	db: DbOrTx,
	participantId: number,
	now: number,
	limit: number
): Promise<number[]> {
	const rows = await db
		.select({ id: practiceReview.questionId })
		.from(practiceReview)
		// Joined with question: a question deleted since must not take a place in the session.
		.innerJoin(question, eq(question.id, practiceReview.questionId))
		.where(and(eq(practiceReview.participantId, participantId), lte(practiceReview.dueAt, now)))
		.orderBy(asc(practiceReview.dueAt), asc(practiceReview.questionId))
		.limit(limit);
	return rows.map((r) => r.id);
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
export async function reviewSummary(
	db: DbOrTx,
	participantId: number,
	now: number
): Promise<ReviewSummary> {
	const { dueAt } = practiceReview;
	// sum/min of a bigint come back from PostgreSQL as strings: mapped to numbers (null stays null).
	const [row] = await db
		.select({
			total: count(),
			due: sql<number | null>`sum(CASE WHEN ${dueAt} <= ${now} THEN 1 ELSE 0 END)`.mapWith(Number),
			next: sql<number | null>`min(CASE WHEN ${dueAt} > ${now} THEN ${dueAt} END)`.mapWith(Number)
		})
		.from(practiceReview)
		.innerJoin(question, eq(question.id, practiceReview.questionId))
		.where(eq(practiceReview.participantId, participantId));
	return { total: row.total, due: row.due ?? 0, nextDueAt: row.next ?? null };
}

/** The participant's latest sessions (history). */
export async function listPracticeSessions(
	db: DbOrTx,
	participantId: number,
	limit = 20
): Promise<PracticeSession[]> {
	return db
		.select()
		.from(practiceSession)
		.where(eq(practiceSession.participantId, participantId))
		.orderBy(desc(practiceSession.startedAt), desc(practiceSession.id))
		.limit(limit);
}

export interface SessionAnswer {
	questionId: number;
	answer: AnswerValue;
	correct: boolean;
	xp: number;
}

/**
 * The answers given in a session, in the order given: by time, then (answers of the same
 * millisecond) by the question's place in the session, which is the order they are answered in.
 */
export async function listSessionAnswers(db: DbOrTx, sessionId: number): Promise<SessionAnswer[]> {
	const [session] = await db
		.select({ questionIds: practiceSession.questionIds })
		.from(practiceSession)
		.where(eq(practiceSession.id, sessionId));
	const rows = await db
		.select({
			questionId: practiceAnswer.questionId,
			answer: practiceAnswer.answer,
			correct: practiceAnswer.correct,
			xp: practiceAnswer.xp,
			answeredAt: practiceAnswer.answeredAt
		})
		.from(practiceAnswer)
		.where(eq(practiceAnswer.sessionId, sessionId))
		.orderBy(asc(practiceAnswer.answeredAt), asc(practiceAnswer.questionId));
	const place = new Map(session?.questionIds.map((id, i) => [id, i]));
	return rows
		.map((r, i) => ({ r, i }))
		.sort(
			(a, b) =>
				a.r.answeredAt.getTime() - b.r.answeredAt.getTime() ||
				(place.get(a.r.questionId) ?? a.i) - (place.get(b.r.questionId) ?? b.i)
		)
		.map(({ r }) => ({
			questionId: r.questionId,
			answer: r.answer,
			correct: r.correct,
			xp: r.xp
		}));
}

/** The participant's badges, earliest first (badges of one answer: by code). */
export async function listBadges(
	db: DbOrTx,
	participantId: number
): Promise<Array<{ code: string; earnedAt: Date }>> {
	return db
		.select({ code: participantBadge.code, earnedAt: participantBadge.earnedAt })
		.from(participantBadge)
		.where(eq(participantBadge.participantId, participantId))
		.orderBy(asc(participantBadge.earnedAt), asc(participantBadge.code));
}

const ph = sql.placeholder;

/**
 * An epoch-ms placeholder (or null) written to a timestamp column: encoded as that column is
 * (SQLite's integer ms, PostgreSQL's timestamptz), so the answer path passes plain numbers.
 */
function instantPlaceholder(name: string, column: { mapToDriverValue(value: Date): unknown }) {
	// drizzle binds the value given for the placeholder through this encoder (fillPlaceholders).
	const encoder = {
		mapToDriverValue: (ms: number | null) =>
			ms === null ? null : column.mapToDriverValue(new Date(ms))
	};
	return sql`${sql.param(ph(name), encoder as unknown as Parameters<typeof sql.param>[1])}`;
}

/**
 * The answer path's queries as drizzle prepared statements (compiled once, then bound per call;
 * with the reducer's extra reads ~60 µs of CPU per answer more than the raw statements they
 * replaced, ≤ 10 % of an answer request — docs/performance.md, 7 Dec), built on `db`: the
 * connection they run on. `createAnswerQueries` keeps them per connection (see there).
 *
 * The first read locks the participant's row until the transaction ends (PostgreSQL's FOR
 * UPDATE; SQLite's writer already holds the whole database): two answers of one participant at
 * once — the same question sent twice, two sessions on two phones — are decided one after the
 * other, each on what the other wrote, so a repeated answer counts once and a daily bonus is paid
 * once. Every other row read belongs to that participant.
 */
function prepareAnswerQueries(db: DbOrTx) {
	const pid = ph('participantId');
	const qid = ph('questionId');
	const name = (query: string) => `practice_answer_${query}`;
	return {
		participant: prepared(
			forUpdate(
				db,
				db
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
			),
			name('participant')
		),
		session: prepared(
			db
				.select({
					kind: practiceSession.kind,
					questionIds: practiceSession.questionIds,
					seed: practiceSession.seed,
					answered: practiceSession.answered,
					correct: practiceSession.correct,
					finishedAt: practiceSession.finishedAt
				})
				.from(practiceSession)
				.where(
					and(eq(practiceSession.id, ph('sessionId')), eq(practiceSession.participantId, pid))
				),
			name('session')
		),
		// Only while its bank is published: a bank made private mid-session stops serving (finding 16).
		questionBody: prepared(
			db
				.select({ body: question.body })
				.from(question)
				.innerJoin(bank, eq(bank.id, question.bankId))
				.where(and(eq(question.id, qid), published())),
			name('question_body')
		),
		previousAnswer: prepared(
			db
				.select({ answer: practiceAnswer.answer, xp: practiceAnswer.xp })
				.from(practiceAnswer)
				.where(
					and(eq(practiceAnswer.sessionId, ph('sessionId')), eq(practiceAnswer.questionId, qid))
				),
			name('previous_answer')
		),
		isKnown: prepared(
			db
				.select({ one: sql<number>`1` })
				.from(practiceKnown)
				.where(and(eq(practiceKnown.participantId, pid), eq(practiceKnown.questionId, qid))),
			name('is_known')
		),
		review: prepared(
			db
				.select({ box: practiceReview.box, dueAt: practiceReview.dueAt })
				.from(practiceReview)
				.where(and(eq(practiceReview.participantId, pid), eq(practiceReview.questionId, qid))),
			name('review')
		),
		lawCorrect: prepared(
			db
				.select({ correct: practiceLaw.correct })
				.from(practiceLaw)
				.where(and(eq(practiceLaw.participantId, pid), eq(practiceLaw.law, ph('law')))),
			name('law_correct')
		),
		weekXp: prepared(
			db
				.select({ xp: xpWeek.xp })
				.from(xpWeek)
				.where(and(eq(xpWeek.week, ph('week')), eq(xpWeek.participantId, pid))),
			name('week_xp')
		),
		badges: prepared(
			db
				.select({ code: participantBadge.code })
				.from(participantBadge)
				.where(eq(participantBadge.participantId, pid)),
			name('badges')
		),
		// The primary key (session, question) keeps a second row of the same answer out.
		insertAnswer: prepared(
			db
				.insert(practiceAnswer)
				.values({
					sessionId: ph('sessionId'),
					questionId: qid,
					answer: ph('answer'),
					correct: ph('correct'),
					xp: ph('xp'),
					answeredAt: instantPlaceholder('at', practiceAnswer.answeredAt)
				})
				.onConflictDoNothing(),
			name('insert_answer')
		),
		markKnown: prepared(
			db
				.insert(practiceKnown)
				.values({ participantId: pid, questionId: qid })
				.onConflictDoNothing(),
			name('mark_known')
		),
		upsertReview: prepared(
			db
				.insert(practiceReview)
				.values({ participantId: pid, questionId: qid, box: ph('box'), dueAt: ph('dueAt') })
				.onConflictDoUpdate({
					target: [practiceReview.participantId, practiceReview.questionId],
					set: { box: sql`excluded.box`, dueAt: sql`excluded.due_at` }
				}),
			name('upsert_review')
		),
		deleteReview: prepared(
			db
				.delete(practiceReview)
				.where(and(eq(practiceReview.participantId, pid), eq(practiceReview.questionId, qid))),
			name('delete_review')
		),
		bumpLaw: prepared(
			db
				.insert(practiceLaw)
				.values({ participantId: pid, law: ph('law'), correct: 1 })
				.onConflictDoUpdate({
					target: [practiceLaw.participantId, practiceLaw.law],
					set: { correct: sql`${practiceLaw.correct} + 1` }
				}),
			name('bump_law')
		),
		updateParticipant: prepared(
			db
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
				.where(eq(participant.id, pid)),
			name('update_participant')
		),
		addWeekXp: prepared(
			db
				.insert(xpWeek)
				.values({ week: ph('week'), participantId: pid, xp: ph('xp') })
				.onConflictDoUpdate({
					target: [xpWeek.week, xpWeek.participantId],
					set: { xp: sql`${xpWeek.xp} + excluded.xp` }
				}),
			name('add_week_xp')
		),
		addUnitXp: prepared(
			db
				.insert(unitXp)
				.values({
					unitId: ph('unitId'),
					period: ph('period'),
					xp: ph('xp'),
					players: ph('players')
				})
				.onConflictDoUpdate({
					target: [unitXp.unitId, unitXp.period],
					set: {
						xp: sql`${unitXp.xp} + excluded.xp`,
						players: sql`${unitXp.players} + excluded.players`
					}
				}),
			name('add_unit_xp')
		),
		updateSession: prepared(
			db
				.update(practiceSession)
				.set({
					answered: sql`${practiceSession.answered} + 1`,
					correct: sql`${practiceSession.correct} + ${ph('correct')}`,
					xp: sql`${practiceSession.xp} + ${ph('xp')}`,
					finishedAt: instantPlaceholder('finishedAt', practiceSession.finishedAt)
				})
				.where(eq(practiceSession.id, ph('sessionId'))),
			name('update_session')
		),
		addBadge: prepared(
			db
				.insert(participantBadge)
				.values({
					participantId: pid,
					code: ph('code'),
					earnedAt: instantPlaceholder('at', participantBadge.earnedAt)
				})
				.onConflictDoNothing(),
			name('add_badge')
		)
	};
}

export type AnswerQueries = ReturnType<typeof prepareAnswerQueries>;

/**
 * The answer path's prepared queries for the transaction `tx` of `db` (`AppCaches.practiceAnswer`
 * calls this once per app, see server/app.ts). A prepared statement runs on the connection it was
 * prepared on: SQLite has one, so one set serves every transaction; PostgreSQL runs a transaction
 * on one connection of its pool, so each connection gets its set, prepared the first time a
 * transaction runs on it (and named: PostgreSQL parses each statement once per connection).
 */
export function createAnswerQueries(db: Db): (tx: DbOrTx) => AnswerQueries {
	return perConnection(db, prepareAnswerQueries);
}

/** Bodies of the given questions whose bank is still published (what a running practice may show). */
export async function getPublishedQuestionBodies(
	db: DbOrTx,
	ids: readonly number[]
): Promise<Map<number, Question>> {
	const bodies = new Map<number, Question>();
	for (const part of chunks([...new Set(ids)])) {
		const rows = await db
			.select({ id: question.id, body: question.body })
			.from(question)
			.innerJoin(bank, eq(bank.id, question.bankId))
			.where(and(inArray(question.id, part), published()));
		for (const r of rows) bodies.set(r.id, r.body);
	}
	return bodies;
}
