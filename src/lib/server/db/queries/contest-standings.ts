/**
 * Contest standings, read from the counters the hand-in keeps (`contest_best`: one row per entry
 * and round, the counted attempt) through its ranking index.
 */
import { and, asc, count, desc, eq, gt, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { contest, contestAttempt, contestBest, contestEntry, contestRound, unit } from '../schema';

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

/**
 * A round's standings in ranking order (see practice/tiebreak.ts), `limit` rows from `offset`.
 * `truth` is the prediction question's answer, or null when the contest has none.
 */
export async function roundStandings(
	db: DbOrTx,
	roundId: number,
	truth: number | null,
	limit: number,
	offset = 0
): Promise<RoundStandingRow[]> {
	const byPrediction =
		truth === null
			? []
			: [sql`${contestBest.prediction} is null`, sql`abs(${contestBest.prediction} - ${truth})`];
	return db
		.select({
			entryId: contestBest.entryId,
			fullName: contestEntry.fullName,
			phone: contestEntry.phone,
			unitName: unit.name,
			score: contestBest.score,
			questionCount: contestBest.questionCount,
			prediction: contestBest.prediction,
			durationMs: contestBest.durationMs,
			submittedAt: contestBest.submittedAt,
			attemptNumber: contestAttempt.number
		})
		.from(contestBest)
		.innerJoin(contestEntry, eq(contestEntry.id, contestBest.entryId))
		.innerJoin(unit, eq(unit.id, contestEntry.unitId))
		.innerJoin(contestAttempt, eq(contestAttempt.id, contestBest.attemptId))
		.where(eq(contestBest.roundId, roundId))
		.orderBy(
			desc(contestBest.score),
			...byPrediction,
			asc(contestBest.durationMs),
			asc(contestBest.submittedAt),
			// Exact ties share a rank; a fixed order keeps pages stable on both databases.
			asc(contestBest.entryId)
		)
		.limit(limit)
		.offset(offset);
}

/** How many entries have a counted attempt in the round. */
export async function countRoundStandings(db: DbOrTx, roundId: number): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(contestBest)
		.where(eq(contestBest.roundId, roundId));
	return row?.n ?? 0;
}

/** 1 + the entries strictly ahead of this standing in the round (the tie-break chain in SQL). */
export async function roundRankOf(
	db: DbOrTx,
	roundId: number,
	truth: number | null,
	s: { score: number; prediction: number | null; durationMs: number; submittedAt: number }
): Promise<number> {
	// Shorter time, or the same time handed in earlier.
	const faster = or(
		lt(contestBest.durationMs, s.durationMs),
		and(eq(contestBest.durationMs, s.durationMs), lt(contestBest.submittedAt, s.submittedAt))
	);
	let tied: SQL | undefined;
	if (truth === null) tied = faster;
	else if (s.prediction === null) tied = or(isNotNull(contestBest.prediction), faster);
	else {
		const gap = Math.abs(s.prediction - truth);
		const theirs = sql`abs(${contestBest.prediction} - ${truth})`;
		tied = and(
			isNotNull(contestBest.prediction),
			or(sql`${theirs} < ${gap}`, and(sql`${theirs} = ${gap}`, faster))
		);
	}
	// Two counts, so the higher scores are a range of the ranking index.
	const [higher] = await db
		.select({ n: count() })
		.from(contestBest)
		.where(and(eq(contestBest.roundId, roundId), gt(contestBest.score, s.score)));
	const [level] = await db
		.select({ n: count() })
		.from(contestBest)
		.where(and(eq(contestBest.roundId, roundId), eq(contestBest.score, s.score), tied));
	return (higher?.n ?? 0) + (level?.n ?? 0) + 1;
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
 * contest_best, one row per entry and round; callers cache it). The prediction gap counts only
 * when the entry answered the prediction in every round it has a counted attempt in.
 */
export async function overallStandings(
	db: DbOrTx,
	contestId: number,
	hasPrediction: boolean
): Promise<OverallRow[]> {
	const truth = sql`case ${contest.predictionKind} when 'entrants' then ${contestRound.entrants} else ${contestRound.perfect} end`;
	// Sums and counts are bigint/numeric on PostgreSQL (text to the driver): read as numbers.
	const predictionGap = hasPrediction
		? sql<
				number | null
			>`case when count(${contestBest.prediction}) < count(*) then null else sum(abs(${contestBest.prediction} - ${truth})) end`.mapWith(
				Number
			)
		: sql<null>`null`;
	const score = sql<number>`sum(${contestBest.score})`.mapWith(Number);
	const durationMs = sql<number>`sum(${contestBest.durationMs})`.mapWith(Number);
	const submittedAt = sql<number>`max(${contestBest.submittedAt})`.mapWith(Number);
	return (
		db
			.select({
				entryId: contestBest.entryId,
				fullName: contestEntry.fullName,
				phone: contestEntry.phone,
				unitName: unit.name,
				score,
				predictionGap,
				durationMs,
				submittedAt,
				rounds: sql<number>`count(*)`.mapWith(Number)
			})
			.from(contestBest)
			.innerJoin(contestEntry, eq(contestEntry.id, contestBest.entryId))
			.innerJoin(unit, eq(unit.id, contestEntry.unitId))
			.innerJoin(contestRound, eq(contestRound.id, contestBest.roundId))
			.innerJoin(contest, eq(contest.id, contestBest.contestId))
			.where(eq(contestBest.contestId, contestId))
			// PostgreSQL: the entry's and unit's columns are read through their primary keys.
			.groupBy(contestBest.entryId, contestEntry.id, unit.id)
			.orderBy(
				desc(score),
				// (PostgreSQL refuses a constant in ORDER BY: the gap only orders when there is one.)
				...(hasPrediction ? [sql`${predictionGap} is null`, predictionGap] : []),
				durationMs,
				submittedAt,
				contestBest.entryId
			)
	);
}
