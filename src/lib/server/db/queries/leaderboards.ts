/**
 * Practice leaderboards, read straight from the counters the answer path keeps
 * (`participant.xp`, `xp_week`, `unit_xp`) through their indexes: no recomputation per request.
 */
import { and, asc, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { organization, participant, unit, unitXp, xpWeek } from '../schema';

export type Period = 'week' | 'all';

export interface PlayerRow {
	participantId: number;
	name: string;
	unitName: string | null;
	xp: number;
}

export interface UnitRow {
	unitId: number;
	unitName: string;
	organizationName: string;
	xp: number;
	players: number;
}

/** A function: the tables are bound to the database's dialect when it is opened (../schema.ts). */
const playerName = () => sql<string>`coalesce(${participant.fullName}, ${participant.nickname})`;

/** Top participants by XP this week (`week` = its key) or of all time. */
export async function topPlayers(
	db: DbOrTx,
	period: Period,
	week: string,
	limit: number
): Promise<PlayerRow[]> {
	if (period === 'week')
		return db
			.select({
				participantId: xpWeek.participantId,
				name: playerName(),
				unitName: unit.name,
				xp: xpWeek.xp
			})
			.from(xpWeek)
			.innerJoin(participant, eq(participant.id, xpWeek.participantId))
			.leftJoin(unit, eq(unit.id, participant.unitId))
			.where(and(eq(xpWeek.week, week), gt(xpWeek.xp, 0)))
			.orderBy(desc(xpWeek.xp), asc(xpWeek.participantId))
			.limit(limit);
	return db
		.select({
			participantId: participant.id,
			name: playerName(),
			unitName: unit.name,
			xp: participant.xp
		})
		.from(participant)
		.leftJoin(unit, eq(unit.id, participant.unitId))
		.where(gt(participant.xp, 0))
		.orderBy(desc(participant.xp), asc(participant.id))
		.limit(limit);
}

/** Top units by their members' XP this week or of all time. */
export async function topUnits(
	db: DbOrTx,
	period: Period,
	week: string,
	limit: number
): Promise<UnitRow[]> {
	return db
		.select({
			unitId: unitXp.unitId,
			unitName: unit.name,
			organizationName: organization.name,
			xp: unitXp.xp,
			players: unitXp.players
		})
		.from(unitXp)
		.innerJoin(unit, eq(unit.id, unitXp.unitId))
		.innerJoin(organization, eq(organization.id, unit.organizationId))
		.where(and(eq(unitXp.period, period === 'week' ? week : 'all'), gt(unitXp.xp, 0)))
		.orderBy(desc(unitXp.xp), asc(unitXp.unitId))
		.limit(limit);
}

/** A participant's XP and rank (1 + those with more XP) for the period; rank null without XP. */
export async function playerStanding(
	db: DbOrTx,
	participantId: number,
	period: Period,
	week: string
): Promise<{ xp: number; rank: number | null }> {
	const [row] =
		period === 'week'
			? await db
					.select({ xp: xpWeek.xp })
					.from(xpWeek)
					.where(and(eq(xpWeek.week, week), eq(xpWeek.participantId, participantId)))
			: await db
					.select({ xp: participant.xp })
					.from(participant)
					.where(eq(participant.id, participantId));
	const mine = row?.xp ?? 0;
	if (mine <= 0) return { xp: 0, rank: null };
	const [ahead] =
		period === 'week'
			? await db
					.select({ n: count() })
					.from(xpWeek)
					.where(and(eq(xpWeek.week, week), gt(xpWeek.xp, mine)))
			: await db.select({ n: count() }).from(participant).where(gt(participant.xp, mine));
	return { xp: mine, rank: (ahead?.n ?? 0) + 1 };
}
