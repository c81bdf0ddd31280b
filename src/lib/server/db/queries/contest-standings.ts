/**
 * Contest standings, read from the counters the hand-in keeps (`contest_best`: one row per entry
 * and round, the counted attempt) through its ranking index.
 */
import { and, asc, count, desc, eq, gt, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../index';
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
export function roundStandings(
	db: Db,
	roundId: number,
	truth: number | null,
	limit: number,
	offset = 0
): RoundStandingRow[] {
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
			asc(contestBest.submittedAt)
		)
		.limit(limit)
		.offset(offset)
		.all();
}

/** How many entries have a counted attempt in the round. */
export function countRoundStandings(db: Db, roundId: number): number {
	const row = db
		.select({ n: count() })
		.from(contestBest)
		.where(eq(contestBest.roundId, roundId))
		.get();
	return row?.n ?? 0;
}

/** 1 + the entries strictly ahead of this standing in the round (the tie-break chain in SQL). */
export function roundRankOf(
	db: Db,
	roundId: number,
	truth: number | null,
	s: { score: number; prediction: number | null; durationMs: number; submittedAt: number }
): number {
	// Shorter time, or the same time handed in earlier.
	const faster = or(
		sql`${contestBest.durationMs} < ${s.durationMs}`,
		and(
			eq(contestBest.durationMs, s.durationMs),
			sql`${contestBest.submittedAt} < ${s.submittedAt}`
		)
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
	const higher = db
		.select({ n: count() })
		.from(contestBest)
		.where(and(eq(contestBest.roundId, roundId), gt(contestBest.score, s.score)))
		.get();
	const level = db
		.select({ n: count() })
		.from(contestBest)
		.where(and(eq(contestBest.roundId, roundId), eq(contestBest.score, s.score), tied))
		.get();
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
export function overallStandings(db: Db, contestId: number, hasPrediction: boolean): OverallRow[] {
	const truth = sql`case ${contest.predictionKind} when 'entrants' then ${contestRound.entrants} else ${contestRound.perfect} end`;
	const predictionGap = hasPrediction
		? sql<
				number | null
			>`case when count(${contestBest.prediction}) < count(*) then null else sum(abs(${contestBest.prediction} - ${truth})) end`
		: sql<null>`null`;
	const score = sql<number>`sum(${contestBest.score})`;
	const durationMs = sql<number>`sum(${contestBest.durationMs})`;
	const submittedAt = sql<number>`max(${contestBest.submittedAt})`;
	return db
		.select({
			entryId: contestBest.entryId,
			fullName: contestEntry.fullName,
			phone: contestEntry.phone,
			unitName: unit.name,
			score,
			predictionGap,
			durationMs,
			submittedAt,
			rounds: sql<number>`count(*)`
		})
		.from(contestBest)
		.innerJoin(contestEntry, eq(contestEntry.id, contestBest.entryId))
		.innerJoin(unit, eq(unit.id, contestEntry.unitId))
		.innerJoin(contestRound, eq(contestRound.id, contestBest.roundId))
		.innerJoin(contest, eq(contest.id, contestBest.contestId))
		.where(eq(contestBest.contestId, contestId))
		.groupBy(contestBest.entryId)
		.orderBy(desc(score), sql`${predictionGap} is null`, predictionGap, durationMs, submittedAt)
		.all();
}
