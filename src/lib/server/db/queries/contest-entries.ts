/**
 * Contest entries (registrations): one per phone number and per participant, counted per unit
 * (`contest_unit_stat`) for the organizer's participation figures.
 */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { transaction } from '../transaction';
import {
	contest,
	contestEntry,
	contestUnitStat,
	unit,
	type ContestEntry,
	type ContestStatus
} from '../schema';

export async function findEntry(
	db: DbOrTx,
	contestId: number,
	participantId: number
): Promise<ContestEntry | undefined> {
	const rows = await db
		.select()
		.from(contestEntry)
		.where(
			and(eq(contestEntry.contestId, contestId), eq(contestEntry.participantId, participantId))
		);
	return rows[0];
}

/** Entries of a contest registered from one client address (its key: see contest/attempts.ts). */
export async function countEntriesFromAddress(
	db: DbOrTx,
	contestId: number,
	addressKey: string
): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(contestEntry)
		.where(and(eq(contestEntry.contestId, contestId), eq(contestEntry.addressKey, addressKey)));
	return row?.n ?? 0;
}

export async function isContestPhoneTaken(
	db: DbOrTx,
	contestId: number,
	phone: string
): Promise<boolean> {
	const rows = await db
		.select({ id: contestEntry.id })
		.from(contestEntry)
		.where(and(eq(contestEntry.contestId, contestId), eq(contestEntry.phone, phone)))
		.limit(1);
	return rows.length > 0;
}

/** Register; counts the registration for the unit. Unique indexes guard the race. */
export async function insertEntry(
	db: DbOrTx,
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
): Promise<ContestEntry> {
	return transaction(db, async (tx) => {
		const [entry] = await tx
			.insert(contestEntry)
			.values({ ...input, createdAt: new Date(now) })
			.returning();
		await tx
			.insert(contestUnitStat)
			.values({ contestId: input.contestId, unitId: input.unitId, registered: 1, entrants: 0 })
			.onConflictDoUpdate({
				target: [contestUnitStat.contestId, contestUnitStat.unitId],
				set: { registered: sql`${contestUnitStat.registered} + 1` }
			});
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

/**
 * Registrations and entrants per unit of the contest's organization (counters), most entrants
 * first, then by name (sorted here: the two databases collate text differently).
 */
export async function unitParticipation(
	db: DbOrTx,
	organizationId: number,
	contestId: number
): Promise<UnitParticipation[]> {
	const entrants = sql<number>`coalesce(${contestUnitStat.entrants}, 0)`.mapWith(Number);
	const rows = await db
		.select({
			unitId: unit.id,
			unitName: unit.name,
			memberCount: unit.memberCount,
			registered: sql<number>`coalesce(${contestUnitStat.registered}, 0)`.mapWith(Number),
			entrants
		})
		.from(unit)
		.leftJoin(
			contestUnitStat,
			and(eq(contestUnitStat.unitId, unit.id), eq(contestUnitStat.contestId, contestId))
		)
		.where(eq(unit.organizationId, organizationId));
	rows.sort((a, b) => b.entrants - a.entrants || compareText(a.unitName, b.unitName));
	return rows.map((r) => ({ ...r, rate: r.memberCount > 0 ? r.entrants / r.memberCount : null }));
}

/** The contests a participant has entered (their history page). */
export async function listParticipantEntries(
	db: DbOrTx,
	participantId: number
): Promise<Array<{ contestId: number; title: string; status: ContestStatus; fullName: string }>> {
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
		.orderBy(desc(contestEntry.createdAt), desc(contestEntry.id));
}

/** Text order that does not depend on the database's collation (code points, as SQLite's BINARY). */
function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
