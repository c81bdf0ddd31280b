/**
 * Ranks and leaderboards.
 *
 * Classic and teams: higher score first, then less cumulative response time (a missed question
 * counts its full time). Players equal on both share a rank (1, 1, 3…) and are listed in join
 * order. Elimination: players still in come first, then eliminated players, the later they went
 * out the better; within each group the classic order applies.
 * Kicked players and spectators are not ranked.
 */
import { mapFromEntries, mapValues, type PMap } from './pmap';
import type { GameMode, GameState, LeaderboardEntry, Player } from './types';

type Compare = (a: Player, b: Player) => number;

const byScore: Compare = (a, b) => b.score - a.score || a.timeMs - b.timeMs;

const bySurvival: Compare = (a, b) =>
	(a.status === 'active' ? 0 : 1) - (b.status === 'active' ? 0 : 1) ||
	(b.eliminatedRound ?? 0) - (a.eliminatedRound ?? 0) ||
	byScore(a, b);

export function isRanked(player: Player): boolean {
	return player.status === 'active' || player.status === 'eliminated';
}

/**
 * Ranked players in leaderboard order with fresh ranks. With `shiftPrevious` (after a close) each
 * player's old rank becomes `previousRank`, so rank changes describe the question just played.
 * O(N log N).
 */
export function rankPlayers(players: Player[], mode: GameMode, shiftPrevious: boolean): Player[] {
	const compare = mode === 'elimination' ? bySurvival : byScore;
	const ordered = players.filter(isRanked).sort((a, b) => compare(a, b) || a.seq - b.seq);
	let rank = 0;
	return ordered.map((player, i) => {
		if (i === 0 || compare(ordered[i - 1], player) !== 0) rank = i + 1;
		const previousRank = shiftPrevious ? player.rank : player.previousRank;
		return player.rank === rank && player.previousRank === previousRank
			? player
			: { ...player, rank, previousRank };
	});
}

/** `players` rebuilt with `updated` players swapped in, keeping the map's order. O(N). */
export function replacePlayers(players: PMap<Player>, updated: Player[]): PMap<Player> {
	const byId = new Map(updated.map((player) => [player.id, player]));
	return mapFromEntries(
		mapValues(players).map((player): [string, Player] => [player.id, byId.get(player.id) ?? player])
	);
}

/** Re-ranks everybody (after a kick, a rescue, or before the podium) without shifting rank history. */
export function rerank(state: GameState): GameState {
	const ranked = rankPlayers(mapValues(state.players), state.config.mode, false);
	const unranked = mapValues(state.players)
		.filter((player) => !isRanked(player) && player.rank !== null)
		.map((player) => ({ ...player, rank: null, previousRank: null }));
	return {
		...state,
		players: replacePlayers(state.players, [...ranked, ...unranked]),
		ranking: ranked.map((player) => player.id)
	};
}

export function rankChangeOf(player: Player): number | null {
	return player.rank !== null && player.previousRank !== null
		? player.previousRank - player.rank
		: null;
}

export function toLeaderboardEntry(player: Player): LeaderboardEntry {
	return {
		playerId: player.id,
		nickname: player.nickname,
		team: player.team,
		score: player.score,
		rank: player.rank ?? 0,
		rankChange: rankChangeOf(player),
		status: player.status,
		eliminatedRound: player.eliminatedRound
	};
}
