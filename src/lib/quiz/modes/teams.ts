/**
 * Teams mode. A team's score is the average (default, rounded to a whole point) or the sum of its
 * members' scores; kicked players do not count, members who never answered do (as 0), so a big
 * team cannot win on averages by having its weakest members drop out. Teams equal on score share
 * a rank and are listed in the configured order.
 */
import type { GameConfig, Player, TeamStanding } from '../types';

export function computeTeamStandings(config: GameConfig, players: Player[]): TeamStanding[] {
	if (config.mode !== 'teams') return [];
	const totals = new Map(config.teams.map((team) => [team.id, { sum: 0, members: 0 }]));
	for (const player of players) {
		if (player.team === null || player.status === 'kicked' || player.status === 'spectator')
			continue;
		const total = totals.get(player.team);
		if (!total) continue;
		total.sum += player.score;
		total.members++;
	}
	const standings = config.teams.map((team) => {
		const { sum, members } = totals.get(team.id) ?? { sum: 0, members: 0 };
		const score =
			config.teamScoring === 'sum' ? sum : members === 0 ? 0 : Math.round(sum / members);
		return { teamId: team.id, name: team.name, score, members, rank: 0 };
	});
	const ordered = standings
		.map((standing, order) => ({ standing, order }))
		.sort((a, b) => b.standing.score - a.standing.score || a.order - b.order)
		.map(({ standing }) => standing);
	let rank = 0;
	return ordered.map((standing, i) => {
		if (i === 0 || ordered[i - 1].score !== standing.score) rank = i + 1;
		return { ...standing, rank };
	});
}

/** The team a player joins when they did not pick one: the smallest, first in config order on ties. */
export function pickTeam(config: GameConfig, members: Record<string, number>): string | null {
	let best: string | null = null;
	for (const team of config.teams)
		if (best === null || (members[team.id] ?? 0) < (members[best] ?? 0)) best = team.id;
	return best;
}
