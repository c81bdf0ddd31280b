/**
 * Online contests: organizer CRUD of contests and rounds (always filtered by the caller's
 * organization), the question pool, and the public view of published contests. Entries are in
 * contest-entries.ts, attempts in contest-attempts.ts, standings in contest-standings.ts.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../index';
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
	if (isRoundUsed(db, roundId)) return 'in_use';
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

/** A round's prediction counters now (entrants and perfect entries so far), or undefined. */
export function getRoundCounters(
	db: Db,
	roundId: number
): { entrants: number; perfect: number } | undefined {
	return db
		.select({ entrants: contestRound.entrants, perfect: contestRound.perfect })
		.from(contestRound)
		.where(eq(contestRound.id, roundId))
		.get();
}

// The answer endpoints (practice/answer-endpoints.ts) look attempts up through this module.
export { ownAttemptId } from './contest-attempts';
