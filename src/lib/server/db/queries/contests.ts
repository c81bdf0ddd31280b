/**
 * Online contests: organizer CRUD (always filtered by the caller's organization), the public
 * view of published contests, registrations, attempts and the counters that rank them.
 * Statements on the answer path are prepared once per database.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../index';
import {
	bank,
	contest,
	contestAttempt,
	contestEntry,
	contestRound,
	organization,
	question,
	unit,
	type Contest,
	type ContestAttempt,
	type ContestEntry,
	type ContestRound,
	type ContestStatus,
	type PredictionKind
} from '../schema';
import type { MixRow, PoolQuestion } from '../../../practice/draw';
import type { AnswerValue } from '../../../quiz/question';

export interface ContestInput {
	title: string;
	description: string;
	bankIds: number[];
	mix: MixRow[];
	timeLimitSec: number;
	attemptsPerRound: number;
	predictionText: string | null;
	predictionKind: PredictionKind | null;
	/** Anti-cheat (docs/contests.md); the database defaults apply when left out. */
	minMsPerQuestion?: number;
	entriesPerAddress?: number;
	practiceWhileOpen?: boolean;
}

export type ContestSummary = Contest & { roundCount: number; entryCount: number };

export function listContests(db: Db, organizationId: number): ContestSummary[] {
	return db
		.select({
			contest,
			roundCount: sql<number>`(select count(*) from contest_round r where r.contest_id = "contest"."id")`,
			entryCount: sql<number>`(select count(*) from contest_entry e where e.contest_id = "contest"."id")`
		})
		.from(contest)
		.where(eq(contest.organizationId, organizationId))
		.orderBy(desc(contest.updatedAt), desc(contest.id))
		.all()
		.map((r) => ({ ...r.contest, roundCount: r.roundCount, entryCount: r.entryCount }));
}

/** The organization's contest, or undefined (also for another organization's). */
export function getContest(db: Db, organizationId: number, contestId: number): Contest | undefined {
	return db
		.select()
		.from(contest)
		.where(and(eq(contest.id, contestId), eq(contest.organizationId, organizationId)))
		.get();
}

export function createContest(
	db: Db,
	organizationId: number,
	input: ContestInput,
	now = Date.now()
): Contest {
	return db
		.insert(contest)
		.values({ ...input, organizationId, createdAt: new Date(now), updatedAt: new Date(now) })
		.returning()
		.get();
}

export function updateContest(
	db: Db,
	organizationId: number,
	contestId: number,
	input: Partial<ContestInput> & { status?: ContestStatus },
	now = Date.now()
): boolean {
	return (
		db
			.update(contest)
			.set({ ...input, updatedAt: new Date(now) })
			.where(and(eq(contest.id, contestId), eq(contest.organizationId, organizationId)))
			.run().changes > 0
	);
}

export function deleteContest(db: Db, organizationId: number, contestId: number): boolean {
	return (
		db
			.delete(contest)
			.where(and(eq(contest.id, contestId), eq(contest.organizationId, organizationId)))
			.run().changes > 0
	);
}

export function listRounds(db: Db, organizationId: number, contestId: number): ContestRound[] {
	return db
		.select()
		.from(contestRound)
		.where(
			and(eq(contestRound.contestId, contestId), eq(contestRound.organizationId, organizationId))
		)
		.orderBy(asc(contestRound.opensAt), asc(contestRound.id))
		.all();
}

export function getRound(
	db: Db,
	organizationId: number,
	roundId: number
): ContestRound | undefined {
	return db
		.select()
		.from(contestRound)
		.where(and(eq(contestRound.id, roundId), eq(contestRound.organizationId, organizationId)))
		.get();
}

export function addRound(
	db: Db,
	organizationId: number,
	contestId: number,
	input: { title: string; opensAt: number; closesAt: number }
): ContestRound {
	return db
		.insert(contestRound)
		.values({
			contestId,
			organizationId,
			title: input.title,
			opensAt: new Date(input.opensAt),
			closesAt: new Date(input.closesAt)
		})
		.returning()
		.get();
}

export function updateRound(
	db: Db,
	organizationId: number,
	roundId: number,
	input: { title: string; opensAt: number; closesAt: number }
): boolean {
	return (
		db
			.update(contestRound)
			.set({
				title: input.title,
				opensAt: new Date(input.opensAt),
				closesAt: new Date(input.closesAt)
			})
			.where(and(eq(contestRound.id, roundId), eq(contestRound.organizationId, organizationId)))
			.run().changes > 0
	);
}

/** Delete a round nobody has started an attempt in. */
export function deleteRound(
	db: Db,
	organizationId: number,
	roundId: number
): 'deleted' | 'missing' | 'in_use' {
	const round = getRound(db, organizationId, roundId);
	if (!round) return 'missing';
	const used = db.$client
		.prepare('SELECT 1 FROM contest_attempt WHERE round_id = ? LIMIT 1')
		.get(roundId);
	if (used) return 'in_use';
	db.delete(contestRound).where(eq(contestRound.id, roundId)).run();
	return 'deleted';
}

/** The organization's published, non-archived banks (contests are built on them). */
export function listOrgPublishedBanks(
	db: Db,
	organizationId: number
): Array<{ id: number; title: string; tags: string[]; questionCount: number }> {
	return db
		.select({
			id: bank.id,
			title: bank.title,
			tags: bank.tags,
			questionCount: sql<number>`(select count(*) from question q where q.bank_id = "bank"."id")`
		})
		.from(bank)
		.where(
			and(
				eq(bank.organizationId, organizationId),
				eq(bank.visibility, 'published'),
				isNull(bank.archivedAt)
			)
		)
		.orderBy(asc(bank.title))
		.all();
}

/**
 * The questions an attempt can draw from: those of the listed banks that are still the
 * organization's, published and not archived. A question's topics are its tags and its bank's.
 */
export function contestPool(
	db: Db,
	organizationId: number,
	bankIds: readonly number[]
): PoolQuestion[] {
	if (bankIds.length === 0) return [];
	return db
		.select({
			id: question.id,
			body: question.body,
			difficulty: question.difficulty,
			bankTags: bank.tags
		})
		.from(question)
		.innerJoin(bank, eq(question.bankId, bank.id))
		.where(
			and(
				inArray(question.bankId, [...bankIds]),
				eq(bank.organizationId, organizationId),
				eq(bank.visibility, 'published'),
				isNull(bank.archivedAt)
			)
		)
		.all()
		.map((r) => ({
			id: r.id,
			tags: [...new Set([...(r.body.tags ?? []), ...r.bankTags])],
			difficulty: r.difficulty ?? r.body.difficulty ?? null
		}));
}

// ——— Public side ———

export interface PublicContest extends Contest {
	organizationName: string;
	/** The organization's time zone: the contest's times are shown in it. */
	timeZone: string;
}

/** A published contest by id (drafts and missing ones alike are undefined). */
export function getPublishedContest(db: Db, contestId: number): PublicContest | undefined {
	const row = db
		.select({ contest, organizationName: organization.name, timeZone: organization.timeZone })
		.from(contest)
		.innerJoin(organization, eq(contest.organizationId, organization.id))
		.where(and(eq(contest.id, contestId), eq(contest.status, 'published')))
		.get();
	return row
		? { ...row.contest, organizationName: row.organizationName, timeZone: row.timeZone }
		: undefined;
}

/** Published contests with at least one round not yet closed, soonest first. */
export function listOpenContests(
	db: Db,
	now: number
): Array<PublicContest & { opensAt: number; closesAt: number }> {
	return db
		.select({
			contest,
			organizationName: organization.name,
			timeZone: organization.timeZone,
			opensAt: sql<number>`min(${contestRound.opensAt})`,
			closesAt: sql<number>`max(${contestRound.closesAt})`
		})
		.from(contest)
		.innerJoin(organization, eq(contest.organizationId, organization.id))
		.innerJoin(contestRound, eq(contestRound.contestId, contest.id))
		.where(eq(contest.status, 'published'))
		.groupBy(contest.id)
		.having(sql`max(${contestRound.closesAt}) > ${now}`)
		.orderBy(sql`min(${contestRound.opensAt})`)
		.all()
		.map((r) => ({
			...r.contest,
			organizationName: r.organizationName,
			timeZone: r.timeZone,
			opensAt: r.opensAt,
			closesAt: r.closesAt
		}));
}

/** Rounds of a contest (public: the contest id was checked as published by the caller). */
export function listContestRounds(db: Db, contestId: number): ContestRound[] {
	return db
		.select()
		.from(contestRound)
		.where(eq(contestRound.contestId, contestId))
		.orderBy(asc(contestRound.opensAt), asc(contestRound.id))
		.all();
}

export function findEntry(
	db: Db,
	contestId: number,
	participantId: number
): ContestEntry | undefined {
	return db
		.select()
		.from(contestEntry)
		.where(
			and(eq(contestEntry.contestId, contestId), eq(contestEntry.participantId, participantId))
		)
		.get();
}

/** Entries of a contest registered from one client address (its key: see contest/attempts.ts). */
export function countEntriesFromAddress(db: Db, contestId: number, addressKey: string): number {
	const row = db
		.select({ n: sql<number>`count(*)` })
		.from(contestEntry)
		.where(and(eq(contestEntry.contestId, contestId), eq(contestEntry.addressKey, addressKey)))
		.get();
	return row?.n ?? 0;
}

export function isContestPhoneTaken(db: Db, contestId: number, phone: string): boolean {
	return !!db
		.select({ id: contestEntry.id })
		.from(contestEntry)
		.where(and(eq(contestEntry.contestId, contestId), eq(contestEntry.phone, phone)))
		.get();
}

/** Register; counts the registration for the unit. Unique indexes guard the race. */
export function insertEntry(
	db: Db,
	input: {
		contestId: number;
		organizationId: number;
		participantId: number;
		fullName: string;
		phone: string;
		unitId: number;
		addressKey?: string | null;
	},
	now = Date.now()
): ContestEntry {
	return db.transaction((tx) => {
		const entry = tx
			.insert(contestEntry)
			.values({ ...input, createdAt: new Date(now) })
			.returning()
			.get();
		db.$client
			.prepare(
				`INSERT INTO contest_unit_stat (contest_id, unit_id, registered, entrants) VALUES (?, ?, 1, 0)
				 ON CONFLICT (contest_id, unit_id) DO UPDATE SET registered = registered + 1`
			)
			.run(input.contestId, input.unitId);
		return entry;
	});
}

/** The entry's attempts in a round, oldest first. */
export function listEntryAttempts(db: Db, entryId: number, roundId: number): ContestAttempt[] {
	return db
		.select()
		.from(contestAttempt)
		.where(and(eq(contestAttempt.entryId, entryId), eq(contestAttempt.roundId, roundId)))
		.orderBy(asc(contestAttempt.number))
		.all();
}

export function insertAttempt(
	db: Db,
	input: Omit<
		ContestAttempt,
		'id' | 'publicId' | 'status' | 'submittedAt' | 'score' | 'durationMs' | 'prediction' | 'flagged'
	>
): ContestAttempt {
	// publicId: drawn by the schema's default function (random, never derived from the row id).
	return db.insert(contestAttempt).values(input).returning().get();
}

export interface AttemptWithEntry {
	attempt: ContestAttempt;
	entry: ContestEntry;
	/** The contest's minimum time per answered question (anti-cheat), read in the same query. */
	minMsPerQuestion: number;
}

/** An attempt of the participant's own entry, or undefined (prepared: the hand-in path). */
export function getOwnAttempt(
	db: Db,
	participantId: number,
	attemptId: number
): AttemptWithEntry | undefined {
	const row = attemptStatements(db).attemptWithEntry.get(attemptId);
	return row && row.e_participant_id === participantId ? toAttemptWithEntry(row) : undefined;
}

/**
 * The internal id of the participant's own attempt named by its public id, or null — for a
 * missing attempt and someone else's alike (one indexed lookup: the answer path calls it first).
 */
export function ownAttemptId(db: Db, participantId: number, publicId: string): number | null {
	const row = attemptStatements(db).ownerByPublicId.get(publicId);
	return row && row.participant_id === participantId ? row.id : null;
}

/** An attempt with its entry, whoever owns it (internal: closing by the clock). */
export function getAttemptWithEntry(db: Db, attemptId: number): AttemptWithEntry | undefined {
	const row = attemptStatements(db).attemptWithEntry.get(attemptId);
	return row ? toAttemptWithEntry(row) : undefined;
}

type AttemptEntryRow = Record<string, number | string | null>;

function toAttemptWithEntry(r: AttemptEntryRow): AttemptWithEntry {
	return {
		attempt: {
			id: r.id as number,
			publicId: r.public_id as string,
			contestId: r.contest_id as number,
			roundId: r.round_id as number,
			entryId: r.entry_id as number,
			organizationId: r.organization_id as number,
			number: r.number as number,
			questionIds: JSON.parse(r.question_ids as string) as number[],
			seed: r.seed as number,
			status: r.status as ContestAttempt['status'],
			startedAt: r.started_at as number,
			deadlineAt: r.deadline_at as number,
			submittedAt: r.submitted_at as number | null,
			score: r.score as number | null,
			durationMs: r.duration_ms as number | null,
			prediction: r.prediction as number | null,
			flagged: r.flagged === 1
		},
		entry: {
			id: r.e_id as number,
			contestId: r.e_contest_id as number,
			organizationId: r.e_organization_id as number,
			participantId: r.e_participant_id as number,
			fullName: r.e_full_name as string,
			phone: r.e_phone as string,
			unitId: r.e_unit_id as number,
			addressKey: r.e_address_key as string | null,
			firstSubmittedAt:
				r.e_first_submitted_at === null ? null : new Date(r.e_first_submitted_at as number),
			createdAt: new Date(r.e_created_at as number)
		},
		minMsPerQuestion: r.c_min_ms_per_question as number
	};
}

/** Saved answers of an attempt. */
export function listAttemptAnswers(db: Db, attemptId: number): Map<number, AnswerValue> {
	const rows = attemptStatements(db).answers.all(attemptId);
	return new Map(rows.map((r) => [r.id, JSON.parse(r.answer) as AnswerValue]));
}

/** Bodies of the given questions (JSON text), by id. */
export function questionBodiesJson(
	db: Db,
	ids: readonly number[]
): Array<{ id: number; body: string }> {
	return attemptStatements(db).bodiesIn.all(JSON.stringify(ids));
}

/** Open attempts past `before` (deadline + grace), for closing by the clock. */
export function listOverdueAttempts(db: Db, before: number, roundId?: number): ContestAttempt[] {
	return db
		.select()
		.from(contestAttempt)
		.where(
			and(
				eq(contestAttempt.status, 'open'),
				sql`${contestAttempt.deadlineAt} < ${before}`,
				roundId === undefined ? undefined : eq(contestAttempt.roundId, roundId)
			)
		)
		.all();
}

/** The prepared statements of the attempt paths. */
export function attemptStatements(db: Db) {
	let s = cache.get(db);
	if (!s) cache.set(db, (s = prepareAttemptStatements(db)));
	return s;
}
const cache = new WeakMap<Db, ReturnType<typeof prepareAttemptStatements>>();

function prepareAttemptStatements(db: Db) {
	const c = db.$client;
	return {
		attemptForSave: c.prepare<
			[number, number],
			{
				id: number;
				status: string;
				deadline_at: number;
				question_ids: string;
				seed: number;
			}
		>(
			`SELECT a.id, a.status, a.deadline_at, a.question_ids, a.seed FROM contest_attempt a
			 JOIN contest_entry e ON e.id = a.entry_id WHERE a.id = ? AND e.participant_id = ?`
		),
		questionBody: c.prepare<[number], { body: string }>('SELECT body FROM question WHERE id = ?'),
		ownerByPublicId: c.prepare<[string], { id: number; participant_id: number }>(
			`SELECT a.id, e.participant_id FROM contest_attempt a JOIN contest_entry e ON e.id = a.entry_id
			 WHERE a.public_id = ?`
		),
		saveAnswer: c.prepare(
			`INSERT INTO contest_answer (attempt_id, question_id, answer, saved_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT (attempt_id, question_id) DO UPDATE SET answer = excluded.answer, saved_at = excluded.saved_at`
		),
		closeAttempt: c.prepare(
			`UPDATE contest_attempt SET status = ?, submitted_at = ?, score = ?, duration_ms = ?, prediction = ?, flagged = ?
			 WHERE id = ? AND status = 'open'`
		),
		best: c.prepare<
			[number, number],
			{
				score: number;
				question_count: number;
				prediction: number | null;
				duration_ms: number;
				submitted_at: number;
			}
		>(
			'SELECT score, question_count, prediction, duration_ms, submitted_at FROM contest_best WHERE round_id = ? AND entry_id = ?'
		),
		upsertBest: c.prepare(
			`INSERT INTO contest_best (round_id, entry_id, contest_id, attempt_id, score, question_count, prediction, duration_ms, submitted_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			 ON CONFLICT (round_id, entry_id) DO UPDATE SET attempt_id = excluded.attempt_id, score = excluded.score,
			 question_count = excluded.question_count, prediction = excluded.prediction,
			 duration_ms = excluded.duration_ms, submitted_at = excluded.submitted_at`
		),
		bumpRound: c.prepare(
			'UPDATE contest_round SET entrants = entrants + ?, perfect = perfect + ? WHERE id = ?'
		),
		firstSubmission: c.prepare(
			'UPDATE contest_entry SET first_submitted_at = ? WHERE id = ? AND first_submitted_at IS NULL'
		),
		bumpUnitEntrants: c.prepare(
			'UPDATE contest_unit_stat SET entrants = entrants + 1 WHERE contest_id = ? AND unit_id = ?'
		),
		attemptWithEntry: c.prepare<[number], AttemptEntryRow>(
			`SELECT a.*, e.id AS e_id, e.contest_id AS e_contest_id, e.organization_id AS e_organization_id,
			 e.participant_id AS e_participant_id, e.full_name AS e_full_name, e.phone AS e_phone,
			 e.unit_id AS e_unit_id, e.address_key AS e_address_key, e.first_submitted_at AS e_first_submitted_at, e.created_at AS e_created_at,
			 c.min_ms_per_question AS c_min_ms_per_question
			 FROM contest_attempt a JOIN contest_entry e ON e.id = a.entry_id JOIN contest c ON c.id = a.contest_id
			 WHERE a.id = ?`
		),
		answers: c.prepare<[number], { id: number; answer: string }>(
			'SELECT question_id AS id, answer FROM contest_answer WHERE attempt_id = ?'
		),
		bodiesIn: c.prepare<[string], { id: number; body: string }>(
			'SELECT id, body FROM question WHERE id IN (SELECT value FROM json_each(?))'
		)
	};
}

export interface FlaggedAttemptRow {
	entryId: number;
	fullName: string;
	phone: string;
	unitName: string;
	roundTitle: string;
	attemptNumber: number;
	score: number;
	questionCount: number;
	durationMs: number;
	submittedAt: number;
}

/** Attempts flagged as handed in too fast (anti-cheat), newest first: the organizer reviews them. */
export function listFlaggedAttempts(
	db: Db,
	organizationId: number,
	contestId: number
): FlaggedAttemptRow[] {
	return db
		.select({
			entryId: contestAttempt.entryId,
			fullName: contestEntry.fullName,
			phone: contestEntry.phone,
			unitName: unit.name,
			roundTitle: contestRound.title,
			attemptNumber: contestAttempt.number,
			score: sql<number>`${contestAttempt.score}`,
			questionCount: sql<number>`json_array_length(${contestAttempt.questionIds})`,
			durationMs: sql<number>`${contestAttempt.durationMs}`,
			submittedAt: sql<number>`${contestAttempt.submittedAt}`
		})
		.from(contestAttempt)
		.innerJoin(contestEntry, eq(contestEntry.id, contestAttempt.entryId))
		.innerJoin(unit, eq(unit.id, contestEntry.unitId))
		.innerJoin(contestRound, eq(contestRound.id, contestAttempt.roundId))
		.where(
			and(
				eq(contestAttempt.contestId, contestId),
				eq(contestAttempt.organizationId, organizationId),
				eq(contestAttempt.flagged, true)
			)
		)
		.orderBy(desc(contestAttempt.submittedAt))
		.limit(500)
		.all();
}

// ——— Standings ———

export interface RoundStandingRow {
	entryId: number;
	fullName: string;
	phone: string;
	unitName: string;
	score: number;
	questionCount: number;
	prediction: number | null;
	durationMs: number;
	submittedAt: number;
	attemptNumber: number;
}

const ROUND_SELECT = `SELECT b.entry_id AS entryId, e.full_name AS fullName, e.phone AS phone, u.name AS unitName,
	b.score AS score, b.question_count AS questionCount, b.prediction AS prediction, b.duration_ms AS durationMs,
	b.submitted_at AS submittedAt, a.number AS attemptNumber
	FROM contest_best b JOIN contest_entry e ON e.id = b.entry_id JOIN unit u ON u.id = e.unit_id
	JOIN contest_attempt a ON a.id = b.attempt_id WHERE b.round_id = ?`;

/**
 * A round's standings in ranking order (see practice/tiebreak.ts), `limit` rows from `offset`.
 * `truth` is the prediction question's answer, or null when the contest has none.
 */
export function roundStandings(
	db: Db,
	roundId: number,
	truth: number | null,
	limit: number,
	offset = 0
): RoundStandingRow[] {
	if (truth === null) {
		return db.$client
			.prepare(
				`${ROUND_SELECT} ORDER BY b.score DESC, b.duration_ms, b.submitted_at LIMIT ? OFFSET ?`
			)
			.all(roundId, limit, offset) as RoundStandingRow[];
	}
	return db.$client
		.prepare(
			`${ROUND_SELECT} ORDER BY b.score DESC, b.prediction IS NULL, abs(b.prediction - ?), b.duration_ms, b.submitted_at
			 LIMIT ? OFFSET ?`
		)
		.all(roundId, truth, limit, offset) as RoundStandingRow[];
}

/** Shorter time, or the same time handed in earlier. */
const FASTER =
	'(duration_ms < @duration OR (duration_ms = @duration AND submitted_at < @submitted))';

/** 1 + the entries strictly ahead of this standing in the round (the tie-break chain in SQL). */
export function roundRankOf(
	db: Db,
	roundId: number,
	truth: number | null,
	s: { score: number; prediction: number | null; durationMs: number; submittedAt: number }
): number {
	const ahead = db.$client
		.prepare(
			`SELECT
			   (SELECT count(*) FROM contest_best WHERE round_id = @round AND score > @score)
			 + (SELECT count(*) FROM contest_best WHERE round_id = @round AND score = @score AND (
			     CASE
			       WHEN @truth IS NULL THEN ${FASTER}
			       WHEN @prediction IS NULL THEN prediction IS NOT NULL OR ${FASTER}
			       WHEN prediction IS NULL THEN 0
			       WHEN abs(prediction - @truth) <> abs(@prediction - @truth)
			         THEN abs(prediction - @truth) < abs(@prediction - @truth)
			       ELSE ${FASTER} END
			   )) AS ahead`
		)
		.get({
			round: roundId,
			score: s.score,
			truth,
			prediction: s.prediction,
			duration: s.durationMs,
			submitted: s.submittedAt
		}) as { ahead: number };
	return ahead.ahead + 1;
}

export interface OverallRow {
	entryId: number;
	fullName: string;
	phone: string;
	unitName: string;
	score: number;
	predictionGap: number | null;
	durationMs: number;
	submittedAt: number;
	rounds: number;
}

/**
 * Overall standings: each entry's counted attempts summed over the rounds (an aggregate over
 * contest_best, one row per entry and round; callers cache it).
 */
export function overallStandings(db: Db, contestId: number, hasPrediction: boolean): OverallRow[] {
	return db.$client
		.prepare(
			`SELECT b.entry_id AS entryId, e.full_name AS fullName, e.phone AS phone, u.name AS unitName,
			   sum(b.score) AS score,
			   CASE WHEN @hasPrediction = 0 OR count(b.prediction) < count(*) THEN NULL
			     ELSE sum(abs(b.prediction - CASE c.prediction_kind WHEN 'entrants' THEN r.entrants ELSE r.perfect END)) END AS predictionGap,
			   sum(b.duration_ms) AS durationMs, max(b.submitted_at) AS submittedAt, count(*) AS rounds
			 FROM contest_best b JOIN contest_entry e ON e.id = b.entry_id JOIN unit u ON u.id = e.unit_id
			 JOIN contest_round r ON r.id = b.round_id JOIN contest c ON c.id = b.contest_id
			 WHERE b.contest_id = @contest GROUP BY b.entry_id
			 ORDER BY score DESC, predictionGap IS NULL, predictionGap, durationMs, submittedAt`
		)
		.all({ contest: contestId, hasPrediction: hasPrediction ? 1 : 0 }) as OverallRow[];
}

export interface UnitParticipation {
	unitId: number;
	unitName: string;
	memberCount: number;
	registered: number;
	entrants: number;
	/** entrants / memberCount, or null when the member count is unknown. */
	rate: number | null;
}

/** Registrations and entrants per unit of the contest's organization (counters). */
export function unitParticipation(
	db: Db,
	organizationId: number,
	contestId: number
): UnitParticipation[] {
	const rows = db.$client
		.prepare(
			`SELECT u.id AS unitId, u.name AS unitName, u.member_count AS memberCount,
			   coalesce(s.registered, 0) AS registered, coalesce(s.entrants, 0) AS entrants
			 FROM unit u LEFT JOIN contest_unit_stat s ON s.unit_id = u.id AND s.contest_id = ?
			 WHERE u.organization_id = ? ORDER BY entrants DESC, u.name`
		)
		.all(contestId, organizationId) as Array<Omit<UnitParticipation, 'rate'>>;
	return rows.map((r) => ({ ...r, rate: r.memberCount > 0 ? r.entrants / r.memberCount : null }));
}

/** The contests a participant has entered (their history page). */
export function listParticipantEntries(
	db: Db,
	participantId: number
): Array<{ contestId: number; title: string; status: ContestStatus; fullName: string }> {
	return db
		.select({
			contestId: contest.id,
			title: contest.title,
			status: contest.status,
			fullName: contestEntry.fullName
		})
		.from(contestEntry)
		.innerJoin(contest, eq(contestEntry.contestId, contest.id))
		.where(eq(contestEntry.participantId, participantId))
		.orderBy(desc(contestEntry.createdAt))
		.all();
}
