/**
 * Contest attempts: starting, the answers saved while the clock runs, closing (judging and the
 * counters that rank an attempt: `contest_best`, the round's entrants and perfect entries, the
 * unit's entrants), and the attempts flagged as too fast.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../index';
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

/** An attempt with its entry, whoever owns it (internal: closing by the clock). */
export function getAttemptWithEntry(db: Db, attemptId: number): AttemptWithEntry | undefined {
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
		.get();
}

/** An attempt of the participant's own entry, or undefined. */
export function getOwnAttempt(
	db: Db,
	participantId: number,
	attemptId: number
): AttemptWithEntry | undefined {
	const found = getAttemptWithEntry(db, attemptId);
	return found && found.entry.participantId === participantId ? found : undefined;
}

/**
 * The internal id of the participant's own attempt named by its public id, or null — for a
 * missing attempt and someone else's alike (one indexed lookup: the answer path calls it first).
 */
export function ownAttemptId(db: Db, participantId: number, publicId: string): number | null {
	const row = db
		.select({ id: contestAttempt.id, participantId: contestEntry.participantId })
		.from(contestAttempt)
		.innerJoin(contestEntry, eq(contestEntry.id, contestAttempt.entryId))
		.where(eq(contestAttempt.publicId, publicId))
		.get();
	return row && row.participantId === participantId ? row.id : null;
}

/**
 * The queries of the answer-save path, prepared once per app (the contest save queue holds them):
 * the attempt as saving needs it (the caller's own only), a question's body, and the upsert.
 */
export function prepareAttemptSave(db: Db) {
	const attempt = db
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
		.prepare();
	const body = db
		.select({ body: question.body })
		.from(question)
		.where(eq(question.id, sql.placeholder('questionId')))
		.prepare();
	const save = db
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
		})
		.prepare();
	return {
		/** What saving an answer needs of the participant's own attempt, or undefined. */
		attempt: (participantId: number, attemptId: number) =>
			attempt.get({ participantId, attemptId }),
		questionBody: (questionId: number) => body.get({ questionId })?.body,
		/** Save (or replace) the answer to one question of an attempt. */
		saveAnswer: (attemptId: number, questionId: number, answer: AnswerValue, savedAt: number) =>
			void save.run({ attemptId, questionId, answer, savedAt })
	};
}

export type AttemptSaveQueries = ReturnType<typeof prepareAttemptSave>;

/** Saved answers of an attempt. */
export function listAttemptAnswers(db: Db, attemptId: number): Map<number, AnswerValue> {
	const rows = db
		.select({ id: contestAnswer.questionId, answer: contestAnswer.answer })
		.from(contestAnswer)
		.where(eq(contestAnswer.attemptId, attemptId))
		.all();
	return new Map(rows.map((r) => [r.id, r.answer]));
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

export interface ClosedAttempt {
	status: 'submitted' | 'expired';
	submittedAt: number;
	score: number;
	durationMs: number;
	prediction: number | null;
	flagged: boolean;
}

/** Close an open attempt with its result; false when it was closed already (a double tap). */
export function closeAttemptRow(db: Db, attemptId: number, closed: ClosedAttempt): boolean {
	return (
		db
			.update(contestAttempt)
			.set(closed)
			.where(and(eq(contestAttempt.id, attemptId), eq(contestAttempt.status, 'open')))
			.run().changes > 0
	);
}

export type BestRow = typeof contestBest.$inferSelect;

/** The entry's counted attempt in a round, or undefined. */
export function getBest(db: Db, roundId: number, entryId: number): BestRow | undefined {
	return db
		.select()
		.from(contestBest)
		.where(and(eq(contestBest.roundId, roundId), eq(contestBest.entryId, entryId)))
		.get();
}

/**
 * Make `row` the entry's counted attempt in its round and update the counters that rank it:
 * the round's entrants (a first counted attempt) and perfect entries, the entry's first hand-in
 * and, with it, the unit's entrants. Run inside the caller's transaction.
 */
export function recordBest(
	db: Db,
	row: BestRow,
	counters: { newEntrant: boolean; newPerfect: boolean; unitId: number }
): void {
	const { roundId, entryId, ...rest } = row;
	db.insert(contestBest)
		.values(row)
		.onConflictDoUpdate({ target: [contestBest.roundId, contestBest.entryId], set: rest })
		.run();
	db.update(contestRound)
		.set({
			entrants: sql`${contestRound.entrants} + ${counters.newEntrant ? 1 : 0}`,
			perfect: sql`${contestRound.perfect} + ${counters.newPerfect ? 1 : 0}`
		})
		.where(eq(contestRound.id, roundId))
		.run();
	const first = db
		.update(contestEntry)
		.set({ firstSubmittedAt: new Date(row.submittedAt) })
		.where(and(eq(contestEntry.id, entryId), isNull(contestEntry.firstSubmittedAt)))
		.run();
	if (first.changes > 0)
		db.update(contestUnitStat)
			.set({ entrants: sql`${contestUnitStat.entrants} + 1` })
			.where(
				and(
					eq(contestUnitStat.contestId, row.contestId),
					eq(contestUnitStat.unitId, counters.unitId)
				)
			)
			.run();
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

/** Whether any attempt was started in the round (it can no longer be deleted). */
export function isRoundUsed(db: Db, roundId: number): boolean {
	return !!db
		.select({ one: sql`1` })
		.from(contestAttempt)
		.where(eq(contestAttempt.roundId, roundId))
		.limit(1)
		.get();
}
