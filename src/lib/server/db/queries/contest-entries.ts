/**
 * Contest entries (registrations): one per phone number and per participant, counted per unit
 * (`contest_unit_stat`) for the organizer's participation figures.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../index';
import {
	contest,
	contestEntry,
	contestUnitStat,
	unit,
	type ContestEntry,
	type ContestStatus
} from '../schema';

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
		tx.insert(contestUnitStat)
			.values({ contestId: input.contestId, unitId: input.unitId, registered: 1, entrants: 0 })
			.onConflictDoUpdate({
				target: [contestUnitStat.contestId, contestUnitStat.unitId],
				set: { registered: sql`${contestUnitStat.registered} + 1` }
			})
			.run();
		return entry;
	});
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
	const entrants = sql<number>`coalesce(${contestUnitStat.entrants}, 0)`;
	const rows = db
		.select({
			unitId: unit.id,
			unitName: unit.name,
			memberCount: unit.memberCount,
			registered: sql<number>`coalesce(${contestUnitStat.registered}, 0)`,
			entrants
		})
		.from(unit)
		.leftJoin(
			contestUnitStat,
			and(eq(contestUnitStat.unitId, unit.id), eq(contestUnitStat.contestId, contestId))
		)
		.where(eq(unit.organizationId, organizationId))
		.orderBy(desc(entrants), asc(unit.name))
		.all();
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
