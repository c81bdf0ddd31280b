/**
 * Participants of public practice and online contests: guests with a device token, accounts,
 * their sign-ins and the units they belong to. Separate from organization staff (`user`).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../index';
import {
	organization,
	participant,
	participantSession,
	unit,
	type Participant,
	type Unit
} from '../schema';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A device keeps its guest identity for a year, renewed when less than half remains. */
export const PARTICIPANT_SESSION_MS = 365 * DAY_MS;
export const PARTICIPANT_RENEW_MS = 180 * DAY_MS;

export function createGuest(db: Db, nickname: string, now = Date.now()): Participant {
	return db
		.insert(participant)
		.values({ nickname, createdAt: new Date(now) })
		.returning()
		.get();
}

export function createParticipantSession(
	db: Db,
	tokenHash: string,
	participantId: number,
	now = Date.now()
): Date {
	const expiresAt = new Date(now + PARTICIPANT_SESSION_MS);
	db.insert(participantSession).values({ id: tokenHash, participantId, expiresAt }).run();
	return expiresAt;
}

export interface ParticipantSessionHit {
	participant: Participant;
	expiresAt: number;
}

const lookupCache = new WeakMap<Db, ReturnType<typeof prepareLookup>>();
function prepareLookup(db: Db) {
	return db.$client.prepare<[string, number], Record<string, unknown>>(
		`SELECT p.*, s.expires_at AS session_expires_at FROM participant_session s
		 JOIN participant p ON p.id = s.participant_id WHERE s.id = ? AND s.expires_at > ?`
	);
}

/** The participant signed in by a token hash (prepared: it runs on every answer). */
export function findParticipantBySession(
	db: Db,
	tokenHash: string,
	now = Date.now()
): ParticipantSessionHit | undefined {
	let stmt = lookupCache.get(db);
	if (!stmt) lookupCache.set(db, (stmt = prepareLookup(db)));
	const row = stmt.get(tokenHash, now);
	if (!row) return undefined;
	return { participant: toParticipant(row), expiresAt: row.session_expires_at as number };
}

function toParticipant(row: Record<string, unknown>): Participant {
	return {
		id: row.id as number,
		nickname: row.nickname as string,
		fullName: row.full_name as string | null,
		phone: row.phone as string | null,
		email: row.email as string | null,
		passwordHash: row.password_hash as string | null,
		unitId: row.unit_id as number | null,
		xp: row.xp as number,
		answered: row.answered as number,
		correct: row.correct as number,
		streakCurrent: row.streak_current as number,
		streakBest: row.streak_best as number,
		streakLastDay: row.streak_last_day as number | null,
		dailyBonusDay: row.daily_bonus_day as number | null,
		createdAt: new Date(row.created_at as number)
	};
}

export function renewParticipantSession(db: Db, tokenHash: string, now = Date.now()): Date {
	const expiresAt = new Date(now + PARTICIPANT_SESSION_MS);
	db.update(participantSession)
		.set({ expiresAt })
		.where(eq(participantSession.id, tokenHash))
		.run();
	return expiresAt;
}

export function deleteParticipantSession(db: Db, tokenHash: string): void {
	db.delete(participantSession).where(eq(participantSession.id, tokenHash)).run();
}

export function getParticipant(db: Db, id: number): Participant | undefined {
	return db.select().from(participant).where(eq(participant.id, id)).get();
}

/** An account by its phone (canonical) or e-mail (lower-case). */
export function findAccount(db: Db, login: { phone?: string; email?: string }) {
	if (login.phone)
		return db.select().from(participant).where(eq(participant.phone, login.phone)).get();
	if (login.email)
		return db.select().from(participant).where(eq(participant.email, login.email)).get();
	return undefined;
}

export function isPhoneTaken(db: Db, phone: string, exceptId: number): boolean {
	const row = db
		.select({ id: participant.id })
		.from(participant)
		.where(eq(participant.phone, phone))
		.get();
	return !!row && row.id !== exceptId;
}

export function isEmailTaken(db: Db, email: string, exceptId: number): boolean {
	const row = db
		.select({ id: participant.id })
		.from(participant)
		.where(eq(participant.email, email))
		.get();
	return !!row && row.id !== exceptId;
}

/** All units, grouped by organization, for the account form's unit list. */
export function listAllUnits(
	db: Db
): Array<{ id: number; name: string; organizationName: string }> {
	return db
		.select({ id: unit.id, name: unit.name, organizationName: organization.name })
		.from(unit)
		.innerJoin(organization, eq(unit.organizationId, organization.id))
		.orderBy(asc(organization.name), asc(unit.name))
		.all();
}

export function getUnitById(db: Db, unitId: number): Unit | undefined {
	return db.select().from(unit).where(eq(unit.id, unitId)).get();
}

/** Units of one organization. */
export function listUnits(db: Db, organizationId: number): Unit[] {
	return db
		.select()
		.from(unit)
		.where(eq(unit.organizationId, organizationId))
		.orderBy(asc(unit.name))
		.all();
}

export function getUnit(db: Db, organizationId: number, unitId: number): Unit | undefined {
	return db
		.select()
		.from(unit)
		.where(and(eq(unit.id, unitId), eq(unit.organizationId, organizationId)))
		.get();
}

/** Add units (skipping names the organization already has); returns how many were added. */
export function addUnits(
	db: Db,
	organizationId: number,
	units: Array<{ name: string; memberCount: number }>,
	now = Date.now()
): number {
	let added = 0;
	db.transaction((tx) => {
		for (const u of units) {
			const result = tx
				.insert(unit)
				.values({
					organizationId,
					name: u.name,
					memberCount: u.memberCount,
					createdAt: new Date(now)
				})
				.onConflictDoNothing()
				.run();
			added += result.changes;
		}
	});
	return added;
}

export function updateUnit(
	db: Db,
	organizationId: number,
	unitId: number,
	input: { name: string; memberCount: number }
): boolean {
	return (
		db
			.update(unit)
			.set(input)
			.where(and(eq(unit.id, unitId), eq(unit.organizationId, organizationId)))
			.run().changes > 0
	);
}

/** Delete a unit nobody has entered a contest with; false when missing or in use. */
export function deleteUnit(
	db: Db,
	organizationId: number,
	unitId: number
): 'deleted' | 'missing' | 'in_use' {
	const used = db.$client
		.prepare('SELECT 1 FROM contest_entry WHERE unit_id = ? LIMIT 1')
		.get(unitId);
	if (used) return getUnit(db, organizationId, unitId) ? 'in_use' : 'missing';
	const result = db
		.delete(unit)
		.where(and(eq(unit.id, unitId), eq(unit.organizationId, organizationId)))
		.run();
	return result.changes > 0 ? 'deleted' : 'missing';
}

/**
 * Turn a guest into an account (or update it). Moving to another unit moves the participant's
 * XP with them, so unit leaderboards stay sums of their members' XP.
 */
export function saveAccount(
	db: Db,
	participantId: number,
	input: {
		fullName: string;
		phone: string | null;
		email: string | null;
		unitId: number | null;
		passwordHash?: string;
	},
	weekKey: string
): void {
	db.transaction((tx) => {
		const before = tx.select().from(participant).where(eq(participant.id, participantId)).get();
		if (!before) return;
		tx.update(participant)
			.set({
				fullName: input.fullName,
				nickname: before.nickname,
				phone: input.phone,
				email: input.email,
				unitId: input.unitId,
				...(input.passwordHash ? { passwordHash: input.passwordHash } : {})
			})
			.where(eq(participant.id, participantId))
			.run();
		if (before.unitId === input.unitId) return;
		const weekXp =
			(
				db.$client
					.prepare('SELECT xp FROM xp_week WHERE week = ? AND participant_id = ?')
					.get(weekKey, participantId) as { xp: number } | undefined
			)?.xp ?? 0;
		const move = db.$client.prepare(
			`INSERT INTO unit_xp (unit_id, period, xp, players) VALUES (?, ?, ?, ?)
			 ON CONFLICT (unit_id, period) DO UPDATE SET xp = xp + excluded.xp, players = players + excluded.players`
		);
		for (const [unitId, sign] of [
			[before.unitId, -1],
			[input.unitId, 1]
		] as const) {
			if (unitId === null) continue;
			if (before.xp > 0) move.run(unitId, 'all', sign * before.xp, sign);
			if (weekXp > 0) move.run(unitId, weekKey, sign * weekXp, sign);
		}
	});
}
