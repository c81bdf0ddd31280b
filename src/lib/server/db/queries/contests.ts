/**
 * Online contests: organizer CRUD of contests and rounds (always filtered by the caller's
 * organization), the question pool, and the public view of published contests. Entries are in
 * contest-entries.ts, attempts in contest-attempts.ts, standings in contest-standings.ts.
 */
import { and, asc, desc, eq, gt, inArray, isNull, max, min, sql } from 'drizzle-orm';
import { affected, type DbOrTx } from '../index';
import {
	bank,
	contest,
	contestRound,
	organization,
	question,
	type Contest,
	type ContestRound,
	type ContestStatus,
	type PredictionKind
} from '../schema';
import type { MixRow, PoolQuestion } from '../../../practice/draw';
import { isRoundUsed } from './contest-attempts';

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

export async function listContests(db: DbOrTx, organizationId: number): Promise<ContestSummary[]> {
	const rows = await db
		.select({
			contest,
			roundCount:
				sql<number>`(select count(*) from contest_round r where r.contest_id = "contest"."id")`.mapWith(
					Number
				),
			entryCount:
				sql<number>`(select count(*) from contest_entry e where e.contest_id = "contest"."id")`.mapWith(
					Number
				)
		})
		.from(contest)
		.where(eq(contest.organizationId, organizationId))
		.orderBy(desc(contest.updatedAt), desc(contest.id));
	return rows.map((r) => ({ ...r.contest, roundCount: r.roundCount, entryCount: r.entryCount }));
}

/** The organization's contest, or undefined (also for another organization's). */
export async function getContest(
	db: DbOrTx,
	organizationId: number,
	contestId: number
): Promise<Contest | undefined> {
	const rows = await db
		.select()
		.from(contest)
		.where(and(eq(contest.id, contestId), eq(contest.organizationId, organizationId)));
	return rows[0];
}

export async function createContest(
	db: DbOrTx,
	organizationId: number,
	input: ContestInput,
	now = Date.now()
): Promise<Contest> {
	const rows = await db
		.insert(contest)
		.values({ ...input, organizationId, createdAt: new Date(now), updatedAt: new Date(now) })
		.returning();
	return rows[0];
}

export async function updateContest(
	db: DbOrTx,
	organizationId: number,
	contestId: number,
	input: Partial<ContestInput> & { status?: ContestStatus },
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.update(contest)
		.set({ ...input, updatedAt: new Date(now) })
		.where(and(eq(contest.id, contestId), eq(contest.organizationId, organizationId)));
	return affected(result) > 0;
}

export async function deleteContest(
	db: DbOrTx,
	organizationId: number,
	contestId: number
): Promise<boolean> {
	const result = await db
		.delete(contest)
		.where(and(eq(contest.id, contestId), eq(contest.organizationId, organizationId)));
	return affected(result) > 0;
}

export async function listRounds(
	db: DbOrTx,
	organizationId: number,
	contestId: number
): Promise<ContestRound[]> {
	return db
		.select()
		.from(contestRound)
		.where(
			and(eq(contestRound.contestId, contestId), eq(contestRound.organizationId, organizationId))
		)
		.orderBy(asc(contestRound.opensAt), asc(contestRound.id));
}

export async function getRound(
	db: DbOrTx,
	organizationId: number,
	roundId: number
): Promise<ContestRound | undefined> {
	const rows = await db
		.select()
		.from(contestRound)
		.where(and(eq(contestRound.id, roundId), eq(contestRound.organizationId, organizationId)));
	return rows[0];
}

export async function addRound(
	db: DbOrTx,
	organizationId: number,
	contestId: number,
	input: { title: string; opensAt: number; closesAt: number }
): Promise<ContestRound> {
	const rows = await db
		.insert(contestRound)
		.values({
			contestId,
			organizationId,
			title: input.title,
			opensAt: new Date(input.opensAt),
			closesAt: new Date(input.closesAt)
		})
		.returning();
	return rows[0];
}

export async function updateRound(
	db: DbOrTx,
	organizationId: number,
	roundId: number,
	input: { title: string; opensAt: number; closesAt: number }
): Promise<boolean> {
	const result = await db
		.update(contestRound)
		.set({
			title: input.title,
			opensAt: new Date(input.opensAt),
			closesAt: new Date(input.closesAt)
		})
		.where(and(eq(contestRound.id, roundId), eq(contestRound.organizationId, organizationId)));
	return affected(result) > 0;
}

/** Delete a round nobody has started an attempt in. */
export async function deleteRound(
	db: DbOrTx,
	organizationId: number,
	roundId: number
): Promise<'deleted' | 'missing' | 'in_use'> {
	const round = await getRound(db, organizationId, roundId);
	if (!round) return 'missing';
	if (await isRoundUsed(db, roundId)) return 'in_use';
	await db.delete(contestRound).where(eq(contestRound.id, roundId));
	return 'deleted';
}

/**
 * The organization's published, non-archived banks (contests are built on them), by title (sorted
 * here: the two databases collate text differently).
 */
export async function listOrgPublishedBanks(
	db: DbOrTx,
	organizationId: number
): Promise<Array<{ id: number; title: string; tags: string[]; questionCount: number }>> {
	const rows = await db
		.select({
			id: bank.id,
			title: bank.title,
			tags: bank.tags,
			questionCount:
				sql<number>`(select count(*) from question q where q.bank_id = "bank"."id")`.mapWith(Number)
		})
		.from(bank)
		.where(
			and(
				eq(bank.organizationId, organizationId),
				eq(bank.visibility, 'published'),
				isNull(bank.archivedAt)
			)
		);
	// Code point order, as SQLite's BINARY collation (PostgreSQL's default collation differs).
	return rows.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id - b.id));
}

/**
 * The questions an attempt can draw from: those of the listed banks that are still the
 * organization's, published and not archived. A question's topics are its tags and its bank's.
 */
export async function contestPool(
	db: DbOrTx,
	organizationId: number,
	bankIds: readonly number[]
): Promise<PoolQuestion[]> {
	if (bankIds.length === 0) return [];
	const rows = await db
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
		// A stable order: the draw is seeded, so the same seed must see the same pool.
		.orderBy(asc(question.id));
	return rows.map((r) => ({
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
export async function getPublishedContest(
	db: DbOrTx,
	contestId: number
): Promise<PublicContest | undefined> {
	const [row] = await db
		.select({ contest, organizationName: organization.name, timeZone: organization.timeZone })
		.from(contest)
		.innerJoin(organization, eq(contest.organizationId, organization.id))
		.where(and(eq(contest.id, contestId), eq(contest.status, 'published')));
	return row
		? { ...row.contest, organizationName: row.organizationName, timeZone: row.timeZone }
		: undefined;
}

/** Published contests with at least one round not yet closed, soonest first. */
export async function listOpenContests(
	db: DbOrTx,
	now: number
): Promise<Array<PublicContest & { opensAt: number; closesAt: number }>> {
	// min/max of a timestamp column, read back through the column (a Date on both databases).
	const opensAt = min(contestRound.opensAt);
	const closesAt = max(contestRound.closesAt);
	const rows = await db
		.select({
			contest,
			organizationName: organization.name,
			timeZone: organization.timeZone,
			opensAt,
			closesAt
		})
		.from(contest)
		.innerJoin(organization, eq(contest.organizationId, organization.id))
		.innerJoin(contestRound, eq(contestRound.contestId, contest.id))
		.where(eq(contest.status, 'published'))
		.groupBy(contest.id, organization.id)
		.having(gt(closesAt, sql.param(new Date(now), contestRound.closesAt)))
		.orderBy(opensAt, contest.id);
	return rows.map((r) => ({
		...r.contest,
		organizationName: r.organizationName,
		timeZone: r.timeZone,
		opensAt: r.opensAt!.getTime(),
		closesAt: r.closesAt!.getTime()
	}));
}

/** Rounds of a contest (public: the contest id was checked as published by the caller). */
export async function listContestRounds(db: DbOrTx, contestId: number): Promise<ContestRound[]> {
	return db
		.select()
		.from(contestRound)
		.where(eq(contestRound.contestId, contestId))
		.orderBy(asc(contestRound.opensAt), asc(contestRound.id));
}

/** A round's prediction counters now (entrants and perfect entries so far), or undefined. */
export async function getRoundCounters(
	db: DbOrTx,
	roundId: number
): Promise<{ entrants: number; perfect: number } | undefined> {
	const rows = await db
		.select({ entrants: contestRound.entrants, perfect: contestRound.perfect })
		.from(contestRound)
		.where(eq(contestRound.id, roundId));
	return rows[0];
}
