/**
 * Participants of public practice and online contests: guests with a device token, accounts,
 * their sign-ins and the units they belong to. Separate from organization staff (`user`).
 */
import { and, eq, getTableColumns, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../index';
import { affected, forUpdate, prepared } from '../dialect';
import { transaction } from '../transaction';
import {
	contestEntry,
	organization,
	participant,
	participantSession,
	unit,
	unitXp,
	xpWeek,
	type Participant,
	type Unit
} from '../schema';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A device keeps its guest identity for a year, renewed when less than half remains. */
export const PARTICIPANT_SESSION_MS = 365 * DAY_MS;
export const PARTICIPANT_RENEW_MS = 180 * DAY_MS;

export async function createGuest(
	db: DbOrTx,
	nickname: string,
	now = Date.now()
): Promise<Participant> {
	const [row] = await db
		.insert(participant)
		.values({ nickname, createdAt: new Date(now) })
		.returning();
	return row;
}

export async function createParticipantSession(
	db: DbOrTx,
	tokenHash: string,
	participantId: number,
	now = Date.now()
): Promise<Date> {
	const expiresAt = new Date(now + PARTICIPANT_SESSION_MS);
	await db.insert(participantSession).values({ id: tokenHash, participantId, expiresAt });
	return expiresAt;
}

export interface ParticipantSessionHit {
	participant: Participant;
	expiresAt: number;
}

/**
 * The session lookup as a drizzle prepared statement: it runs on every practice answer and page,
 * and preparing it per call costs ~40× more than running it (micro-bench, 2,000 sessions: ~17 µs
 * prepared vs ~700 µs built and prepared per call). `now` is bound as the column's value (a Date),
 * which each database encodes its way (SQLite's epoch ms, PostgreSQL's timestamptz).
 */
function prepareSessionLookup(db: Db) {
	return prepared(
		db
			.select({
				participant: getTableColumns(participant),
				expiresAt: participantSession.expiresAt
			})
			.from(participantSession)
			.innerJoin(participant, eq(participant.id, participantSession.participantId))
			.where(
				and(
					eq(participantSession.id, sql.placeholder('tokenHash')),
					gt(
						participantSession.expiresAt,
						sql.param(sql.placeholder('now'), participantSession.expiresAt)
					)
				)
			),
		'participant_session_lookup'
	);
}

/** The app's prepared participant queries (`AppCaches.participants`, built by `createApp`). */
export interface ParticipantCache {
	sessionLookup: ReturnType<typeof prepareSessionLookup>;
}

export function createParticipantCache(db: Db): ParticipantCache {
	return { sessionLookup: prepareSessionLookup(db) };
}

/** What a participant lookup needs of the app (`AppContext` fits). */
export interface ParticipantsApp {
	readonly db: Db;
	readonly caches: { readonly participants: ParticipantCache };
}

/** The participant signed in by a token hash (prepared once per app: it runs on every answer). */
export async function findParticipantBySession(
	app: ParticipantsApp,
	tokenHash: string,
	now = Date.now()
): Promise<ParticipantSessionHit | undefined> {
	const [row] = await app.caches.participants.sessionLookup.execute({
		tokenHash,
		now: new Date(now)
	});
	return row && { participant: row.participant, expiresAt: row.expiresAt.getTime() };
}

export async function renewParticipantSession(
	db: DbOrTx,
	tokenHash: string,
	now = Date.now()
): Promise<Date> {
	const expiresAt = new Date(now + PARTICIPANT_SESSION_MS);
	await db
		.update(participantSession)
		.set({ expiresAt })
		.where(eq(participantSession.id, tokenHash));
	return expiresAt;
}

export async function deleteParticipantSession(db: DbOrTx, tokenHash: string): Promise<void> {
	await db.delete(participantSession).where(eq(participantSession.id, tokenHash));
}

export async function getParticipant(db: DbOrTx, id: number): Promise<Participant | undefined> {
	return (await db.select().from(participant).where(eq(participant.id, id)))[0];
}

/** An account by its phone (canonical) or e-mail (lower-case). */
export async function findAccount(
	db: DbOrTx,
	login: { phone?: string; email?: string }
): Promise<Participant | undefined> {
	if (login.phone)
		return (await db.select().from(participant).where(eq(participant.phone, login.phone)))[0];
	if (login.email)
		return (await db.select().from(participant).where(eq(participant.email, login.email)))[0];
	return undefined;
}

export async function isPhoneTaken(db: DbOrTx, phone: string, exceptId: number): Promise<boolean> {
	const [row] = await db
		.select({ id: participant.id })
		.from(participant)
		.where(eq(participant.phone, phone));
	return !!row && row.id !== exceptId;
}

export async function isEmailTaken(db: DbOrTx, email: string, exceptId: number): Promise<boolean> {
	const [row] = await db
		.select({ id: participant.id })
		.from(participant)
		.where(eq(participant.email, email));
	return !!row && row.id !== exceptId;
}

/** All units, grouped by organization, for the account form's unit list. */
export async function listAllUnits(
	db: DbOrTx
): Promise<Array<{ id: number; name: string; organizationName: string }>> {
	const rows = await db
		.select({ id: unit.id, name: unit.name, organizationName: organization.name })
		.from(unit)
		.innerJoin(organization, eq(unit.organizationId, organization.id));
	// Sorted here: the databases collate Vietnamese text differently.
	return rows.sort(
		(a, b) =>
			byText(a.organizationName, b.organizationName) || byText(a.name, b.name) || a.id - b.id
	);
}

/** Code-point order, as SQLite's default BINARY collation sorts UTF-8 text. */
function byText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export async function getUnitById(db: DbOrTx, unitId: number): Promise<Unit | undefined> {
	return (await db.select().from(unit).where(eq(unit.id, unitId)))[0];
}

/** Units of one organization. */
export async function listUnits(db: DbOrTx, organizationId: number): Promise<Unit[]> {
	const rows = await db.select().from(unit).where(eq(unit.organizationId, organizationId));
	return rows.sort((a, b) => byText(a.name, b.name) || a.id - b.id);
}

export async function getUnit(
	db: DbOrTx,
	organizationId: number,
	unitId: number
): Promise<Unit | undefined> {
	const [row] = await db
		.select()
		.from(unit)
		.where(and(eq(unit.id, unitId), eq(unit.organizationId, organizationId)));
	return row;
}

/** Add units (skipping names the organization already has); returns how many were added. */
export async function addUnits(
	db: DbOrTx,
	organizationId: number,
	units: Array<{ name: string; memberCount: number }>,
	now = Date.now()
): Promise<number> {
	return transaction(db, async (tx) => {
		let added = 0;
		for (const u of units) {
			const result = await tx
				.insert(unit)
				.values({
					organizationId,
					name: u.name,
					memberCount: u.memberCount,
					createdAt: new Date(now)
				})
				.onConflictDoNothing();
			added += affected(result);
		}
		return added;
	});
}

export async function updateUnit(
	db: DbOrTx,
	organizationId: number,
	unitId: number,
	input: { name: string; memberCount: number }
): Promise<boolean> {
	const result = await db
		.update(unit)
		.set(input)
		.where(and(eq(unit.id, unitId), eq(unit.organizationId, organizationId)));
	return affected(result) > 0;
}

/** Delete a unit nobody has entered a contest with; false when missing or in use. */
export async function deleteUnit(
	db: DbOrTx,
	organizationId: number,
	unitId: number
): Promise<'deleted' | 'missing' | 'in_use'> {
	const [used] = await db
		.select({ id: contestEntry.id })
		.from(contestEntry)
		.where(eq(contestEntry.unitId, unitId))
		.limit(1);
	if (used) return (await getUnit(db, organizationId, unitId)) ? 'in_use' : 'missing';
	const result = await db
		.delete(unit)
		.where(and(eq(unit.id, unitId), eq(unit.organizationId, organizationId)));
	return affected(result) > 0 ? 'deleted' : 'missing';
}

/**
 * Turn a guest into an account (or update it). Moving to another unit moves the participant's
 * XP with them, so unit leaderboards stay sums of their members' XP. The participant's row is
 * locked while the move is computed (the answer path locks it too), so XP earned meanwhile lands
 * in one unit or the other, never lost or counted twice.
 */
export async function saveAccount(
	db: DbOrTx,
	participantId: number,
	input: {
		fullName: string;
		phone: string | null;
		email: string | null;
		unitId: number | null;
		passwordHash?: string;
	},
	weekKey: string
): Promise<void> {
	await transaction(db, async (tx) => {
		const [before] = await forUpdate(
			tx,
			tx.select().from(participant).where(eq(participant.id, participantId))
		);
		if (!before) return;
		await tx
			.update(participant)
			.set({
				fullName: input.fullName,
				nickname: before.nickname,
				phone: input.phone,
				email: input.email,
				unitId: input.unitId,
				...(input.passwordHash ? { passwordHash: input.passwordHash } : {})
			})
			.where(eq(participant.id, participantId));
		if (before.unitId === input.unitId) return;
		const [week] = await tx
			.select({ xp: xpWeek.xp })
			.from(xpWeek)
			.where(and(eq(xpWeek.week, weekKey), eq(xpWeek.participantId, participantId)));
		const weekXp = week?.xp ?? 0;
		const move = (unitId: number, period: string, xp: number, players: number) =>
			tx
				.insert(unitXp)
				.values({ unitId, period, xp, players })
				.onConflictDoUpdate({
					target: [unitXp.unitId, unitXp.period],
					set: {
						xp: sql`${unitXp.xp} + excluded.xp`,
						players: sql`${unitXp.players} + excluded.players`
					}
				});
		for (const [unitId, sign] of [
			[before.unitId, -1],
			[input.unitId, 1]
		] as const) {
			if (unitId === null) continue;
			if (before.xp > 0) await move(unitId, 'all', sign * before.xp, sign);
			if (weekXp > 0) await move(unitId, weekKey, sign * weekXp, sign);
		}
	});
}
