/**
 * Contest attempts: starting, the answers saved while the clock runs, closing (judging and the
 * counters that rank an attempt: `contest_best`, the round's entrants and perfect entries, the
 * unit's entrants), and the attempts flagged as too fast.
 */
import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { affected, forUpdate, isPostgres, perConnection, prepared, type DbOrTx } from '../index';
import {
	contest,
	contestAnswer,
	contestAttempt,
	contestBest,
	contestEntry,
	contestRound,
	contestUnitStat,
	question,
	unit,
	type ContestAttempt,
	type ContestEntry
} from '../schema';
import type { AnswerValue } from '../../../quiz/question';

/** The entry's attempts in a round, oldest first. */
export async function listEntryAttempts(
	db: DbOrTx,
	entryId: number,
	roundId: number
): Promise<ContestAttempt[]> {
	return db
		.select()
		.from(contestAttempt)
		.where(and(eq(contestAttempt.entryId, entryId), eq(contestAttempt.roundId, roundId)))
		.orderBy(asc(contestAttempt.number));
}

export async function insertAttempt(
	db: DbOrTx,
	input: Omit<
		ContestAttempt,
		'id' | 'publicId' | 'status' | 'submittedAt' | 'score' | 'durationMs' | 'prediction' | 'flagged'
	>
): Promise<ContestAttempt> {
	// publicId: drawn by the schema's default function (random, never derived from the row id).
	const rows = await db.insert(contestAttempt).values(input).returning();
	return rows[0];
}

export interface AttemptWithEntry {
	attempt: ContestAttempt;
	entry: ContestEntry;
	/** The contest's minimum time per answered question (anti-cheat), read in the same query. */
	minMsPerQuestion: number;
}

function attemptWithEntryQuery(db: DbOrTx, attemptId: number | ReturnType<typeof sql.placeholder>) {
	return db
		.select({
			attempt: contestAttempt,
			entry: contestEntry,
			minMsPerQuestion: contest.minMsPerQuestion
		})
		.from(contestAttempt)
		.innerJoin(contestEntry, eq(contestEntry.id, contestAttempt.entryId))
		.innerJoin(contest, eq(contest.id, contestAttempt.contestId))
		.where(eq(contestAttempt.id, attemptId))
		.limit(1);
}

/** An attempt with its entry, whoever owns it (internal: closing by the clock). */
export async function getAttemptWithEntry(
	db: DbOrTx,
	attemptId: number
): Promise<AttemptWithEntry | undefined> {
	const rows = await attemptWithEntryQuery(db, attemptId);
	return rows[0];
}

function handInQuery(db: DbOrTx) {
	return prepared(
		attemptWithEntryQuery(db, sql.placeholder('attemptId')),
		'contest_hand_in_attempt'
	);
}

/** An attempt of the participant's own entry, or undefined. */
export async function getOwnAttempt(
	db: DbOrTx,
	participantId: number,
	attemptId: number
): Promise<AttemptWithEntry | undefined> {
	const found = await getAttemptWithEntry(db, attemptId);
	return found && found.entry.participantId === participantId ? found : undefined;
}

function ownAttemptQuery(db: DbOrTx, publicId: string | ReturnType<typeof sql.placeholder>) {
	return db
		.select({ id: contestAttempt.id, participantId: contestEntry.participantId })
		.from(contestAttempt)
		.innerJoin(contestEntry, eq(contestEntry.id, contestAttempt.entryId))
		.where(eq(contestAttempt.publicId, publicId))
		.limit(1);
}

/**
 * The internal id of the participant's own attempt named by its public id, or null — for a
 * missing attempt and someone else's alike (one indexed lookup). The answer path uses the
 * prepared twin, `AttemptSaveQueries.ownAttemptId`.
 */
export async function ownAttemptId(
	db: DbOrTx,
	participantId: number,
	publicId: string
): Promise<number | null> {
	const [row] = await ownAttemptQuery(db, publicId);
	return row && row.participantId === participantId ? row.id : null;
}

/** Takes the entry's row lock until the transaction ends (PostgreSQL; SQLite's writer holds it all). */
export async function lockEntry(tx: DbOrTx, entryId: number): Promise<void> {
	await forUpdate(
		tx,
		tx.select({ id: contestEntry.id }).from(contestEntry).where(eq(contestEntry.id, entryId))
	);
}

function saveAttemptQuery(db: DbOrTx) {
	return prepared(
		db
			.select({
				status: contestAttempt.status,
				deadlineAt: contestAttempt.deadlineAt,
				questionIds: contestAttempt.questionIds,
				seed: contestAttempt.seed
			})
			.from(contestAttempt)
			.innerJoin(contestEntry, eq(contestEntry.id, contestAttempt.entryId))
			.where(
				and(
					eq(contestAttempt.id, sql.placeholder('attemptId')),
					eq(contestEntry.participantId, sql.placeholder('participantId'))
				)
			)
			.limit(1),
		'contest_save_attempt'
	);
}

function questionBodyQuery(db: DbOrTx) {
	return prepared(
		db
			.select({ body: question.body })
			.from(question)
			.where(eq(question.id, sql.placeholder('questionId')))
			.limit(1),
		'contest_save_question_body'
	);
}

function saveAnswerQuery(db: DbOrTx) {
	return prepared(
		db
			.insert(contestAnswer)
			.values({
				attemptId: sql.placeholder('attemptId'),
				questionId: sql.placeholder('questionId'),
				answer: sql.placeholder('answer'),
				savedAt: sql.placeholder('savedAt')
			})
			.onConflictDoUpdate({
				target: [contestAnswer.attemptId, contestAnswer.questionId],
				set: { answer: sql`excluded.answer`, savedAt: sql`excluded.saved_at` }
			}),
		'contest_save_answer'
	);
}

/**
 * The queries of the answer-save path, prepared once per app (the contest save queue holds them):
 * the caller's own attempt by public id (the first lookup of every save and hand-in), the attempt
 * as a hand-in and as saving need it (the caller's own only), a question's body, and the upsert.
 *
 * All but the first run inside the save queue's transaction, on its `tx`: they are prepared once
 * per connection (`perConnection`, db/dialect.ts), so on PostgreSQL they run on the transaction's
 * connection, not on another one of the pool.
 */
export function prepareAttemptSave(db: DbOrTx) {
	const own = prepared(ownAttemptQuery(db, sql.placeholder('publicId')), 'contest_own_attempt_id');
	const on = perConnection(db, (conn) => ({
		attempt: saveAttemptQuery(conn),
		body: questionBodyQuery(conn),
		save: saveAnswerQuery(conn),
		handIn: handInQuery(conn)
	}));
	const of = (tx: DbOrTx | undefined) => on(tx ?? db);
	return {
		/** `ownAttemptId`, prepared (outside any transaction). */
		ownAttemptId: async (participantId: number, publicId: string): Promise<number | null> => {
			const [row] = await own.execute({ publicId });
			return row && row.participantId === participantId ? row.id : null;
		},
		/** `getOwnAttempt`, prepared: the first lookup of a hand-in. */
		ownAttempt: async (
			participantId: number,
			attemptId: number,
			tx?: DbOrTx
		): Promise<AttemptWithEntry | undefined> => {
			const [found] = await of(tx).handIn.execute({ attemptId });
			return found && found.entry.participantId === participantId ? found : undefined;
		},
		/** What saving an answer needs of the participant's own attempt, or undefined. */
		attempt: async (participantId: number, attemptId: number, tx?: DbOrTx) =>
			(await of(tx).attempt.execute({ participantId, attemptId }))[0],
		questionBody: async (questionId: number, tx?: DbOrTx) =>
			(await of(tx).body.execute({ questionId }))[0]?.body,
		/** Save (or replace) the answer to one question of an attempt. */
		saveAnswer: async (
			attemptId: number,
			questionId: number,
			answer: AnswerValue,
			savedAt: number,
			tx?: DbOrTx
		): Promise<void> => {
			await of(tx).save.execute({ attemptId, questionId, answer, savedAt });
		}
	};
}

export type AttemptSaveQueries = ReturnType<typeof prepareAttemptSave>;

/** Saved answers of an attempt. */
export async function listAttemptAnswers(
	db: DbOrTx,
	attemptId: number
): Promise<Map<number, AnswerValue>> {
	const rows = await db
		.select({ id: contestAnswer.questionId, answer: contestAnswer.answer })
		.from(contestAnswer)
		.where(eq(contestAnswer.attemptId, attemptId));
	return new Map(rows.map((r) => [r.id, r.answer]));
}

/** Open attempts past `before` (deadline + grace), for closing by the clock. */
export async function listOverdueAttempts(
	db: DbOrTx,
	before: number,
	roundId?: number
): Promise<ContestAttempt[]> {
	return db
		.select()
		.from(contestAttempt)
		.where(
			and(
				eq(contestAttempt.status, 'open'),
				lt(contestAttempt.deadlineAt, before),
				roundId === undefined ? undefined : eq(contestAttempt.roundId, roundId)
			)
		);
}

export interface ClosedAttempt {
	status: 'submitted' | 'expired';
	submittedAt: number;
	score: number;
	durationMs: number;
	prediction: number | null;
	flagged: boolean;
}

/** Close an open attempt with its result; false when it was closed already (a double tap). */
export async function closeAttemptRow(
	db: DbOrTx,
	attemptId: number,
	closed: ClosedAttempt
): Promise<boolean> {
	// Conditional: of two closes racing (a double tap, the clock), one changes the row.
	const result = await db
		.update(contestAttempt)
		.set(closed)
		.where(and(eq(contestAttempt.id, attemptId), eq(contestAttempt.status, 'open')));
	return affected(result) > 0;
}

export type BestRow = typeof contestBest.$inferSelect;

/** The entry's counted attempt in a round, or undefined. */
export async function getBest(
	db: DbOrTx,
	roundId: number,
	entryId: number
): Promise<BestRow | undefined> {
	const rows = await db
		.select()
		.from(contestBest)
		.where(and(eq(contestBest.roundId, roundId), eq(contestBest.entryId, entryId)));
	return rows[0];
}

/**
 * Make `row` the entry's counted attempt in its round and update the counters that rank it:
 * the round's entrants (a first counted attempt) and perfect entries, the entry's first hand-in
 * and, with it, the unit's entrants. Run inside the caller's transaction.
 */
export async function recordBest(
	db: DbOrTx,
	row: BestRow,
	counters: { newEntrant: boolean; newPerfect: boolean; unitId: number }
): Promise<void> {
	const { roundId, entryId, ...rest } = row;
	await db
		.insert(contestBest)
		.values(row)
		.onConflictDoUpdate({ target: [contestBest.roundId, contestBest.entryId], set: rest });
	if (counters.newEntrant || counters.newPerfect)
		await db
			.update(contestRound)
			.set({
				entrants: sql`${contestRound.entrants} + ${counters.newEntrant ? 1 : 0}`,
				perfect: sql`${contestRound.perfect} + ${counters.newPerfect ? 1 : 0}`
			})
			.where(eq(contestRound.id, roundId));
	// Conditional: only the entry's first hand-in sets it (and counts the unit's entrant).
	const first = await db
		.update(contestEntry)
		.set({ firstSubmittedAt: new Date(row.submittedAt) })
		.where(and(eq(contestEntry.id, entryId), isNull(contestEntry.firstSubmittedAt)));
	if (affected(first) > 0)
		await db
			.update(contestUnitStat)
			.set({ entrants: sql`${contestUnitStat.entrants} + 1` })
			.where(
				and(
					eq(contestUnitStat.contestId, row.contestId),
					eq(contestUnitStat.unitId, counters.unitId)
				)
			);
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
export async function listFlaggedAttempts(
	db: DbOrTx,
	organizationId: number,
	contestId: number
): Promise<FlaggedAttemptRow[]> {
	const questionCount = isPostgres(db)
		? sql<number>`jsonb_array_length(${contestAttempt.questionIds})`
		: sql<number>`json_array_length(${contestAttempt.questionIds})`;
	return db
		.select({
			entryId: contestAttempt.entryId,
			fullName: contestEntry.fullName,
			phone: contestEntry.phone,
			unitName: unit.name,
			roundTitle: contestRound.title,
			attemptNumber: contestAttempt.number,
			score: sql<number>`${contestAttempt.score}`.mapWith(Number),
			questionCount: questionCount.mapWith(Number),
			durationMs: sql<number>`${contestAttempt.durationMs}`.mapWith(Number),
			// A bigint on PostgreSQL (read as text through raw SQL).
			submittedAt: sql<number>`${contestAttempt.submittedAt}`.mapWith(Number)
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
		.orderBy(desc(contestAttempt.submittedAt), desc(contestAttempt.id))
		.limit(500);
}

/** Whether any attempt was started in the round (it can no longer be deleted). */
export async function isRoundUsed(db: DbOrTx, roundId: number): Promise<boolean> {
	const rows = await db
		.select({ id: contestAttempt.id })
		.from(contestAttempt)
		.where(eq(contestAttempt.roundId, roundId))
		.limit(1);
	return rows.length > 0;
}
