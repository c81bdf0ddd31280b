/**
 * Practice leaderboards, read straight from the counters the answer path keeps
 * (`participant.xp`, `xp_week`, `unit_xp`) through their indexes: no recomputation per request.
 */
import type { Db } from '../index';

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

/** Top participants by XP this week (`week` = its key) or of all time. */
export function topPlayers(db: Db, period: Period, week: string, limit: number): PlayerRow[] {
	const sql =
		period === 'week'
			? `SELECT w.participant_id AS participantId, coalesce(p.full_name, p.nickname) AS name, u.name AS unitName, w.xp AS xp
			   FROM xp_week w JOIN participant p ON p.id = w.participant_id LEFT JOIN unit u ON u.id = p.unit_id
			   WHERE w.week = @week AND w.xp > 0 ORDER BY w.xp DESC, w.participant_id LIMIT @limit`
			: `SELECT p.id AS participantId, coalesce(p.full_name, p.nickname) AS name, u.name AS unitName, p.xp AS xp
			   FROM participant p LEFT JOIN unit u ON u.id = p.unit_id
			   WHERE p.xp > 0 ORDER BY p.xp DESC, p.id LIMIT @limit`;
	return db.$client.prepare(sql).all({ week, limit }) as PlayerRow[];
}

/** Top units by their members' XP this week or of all time. */
export function topUnits(db: Db, period: Period, week: string, limit: number): UnitRow[] {
	return db.$client
		.prepare(
			`SELECT x.unit_id AS unitId, u.name AS unitName, o.name AS organizationName, x.xp AS xp, x.players AS players
			 FROM unit_xp x JOIN unit u ON u.id = x.unit_id JOIN organization o ON o.id = u.organization_id
			 WHERE x.period = @period AND x.xp > 0 ORDER BY x.xp DESC, x.unit_id LIMIT @limit`
		)
		.all({ period: period === 'week' ? week : 'all', limit }) as UnitRow[];
}

/** A participant's XP and rank (1 + those with more XP) for the period; rank null without XP. */
export function playerStanding(
	db: Db,
	participantId: number,
	period: Period,
	week: string
): { xp: number; rank: number | null } {
	const mine =
		period === 'week'
			? ((
					db.$client
						.prepare('SELECT xp FROM xp_week WHERE week = ? AND participant_id = ?')
						.get(week, participantId) as { xp: number } | undefined
				)?.xp ?? 0)
			: ((
					db.$client.prepare('SELECT xp FROM participant WHERE id = ?').get(participantId) as
						{ xp: number } | undefined
				)?.xp ?? 0);
	if (mine <= 0) return { xp: 0, rank: null };
	const ahead =
		period === 'week'
			? (db.$client
					.prepare('SELECT count(*) AS n FROM xp_week WHERE week = ? AND xp > ?')
					.get(week, mine) as { n: number })
			: (db.$client.prepare('SELECT count(*) AS n FROM participant WHERE xp > ?').get(mine) as {
					n: number;
				});
	return { xp: mine, rank: ahead.n + 1 };
}
