/** Read-only views of a game state for the realtime layer (reconnects, host screens, reports). */
import { mapGet, mapValues } from './pmap';
import { toPublicQuestion, type PublicQuestion } from './public-question';
import { toLeaderboardEntry } from './ranking';
import type {
	GameState,
	LeaderboardEntry,
	Player,
	PlayerResult,
	StoredAnswer,
	TeamStanding
} from './types';

/** Rows a leaderboard shows by default. */
export const LEADERBOARD_SIZE = 10;

export function getPlayer(state: GameState, playerId: string): Player | null {
	return mapGet(state.players, playerId) ?? null;
}

/** Every player ever joined (kicked included), in join order. O(N log N). */
export function listPlayers(state: GameState): Player[] {
	return mapValues(state.players).sort((a, b) => a.seq - b.seq);
}

/** The top `limit` players at the last ranking. O(limit). */
export function getLeaderboard(state: GameState, limit = LEADERBOARD_SIZE): LeaderboardEntry[] {
	return state.ranking
		.slice(0, Math.max(0, limit))
		.map((id) => toLeaderboardEntry(mapGet(state.players, id) as Player));
}

/** Everybody ranked within the podium size (ties at the last place all stand on it). */
export function getPodium(state: GameState): LeaderboardEntry[] {
	const podium: LeaderboardEntry[] = [];
	for (const id of state.ranking) {
		const player = mapGet(state.players, id) as Player;
		if (player.rank === null || player.rank > state.config.podiumSize) break;
		podium.push(toLeaderboardEntry(player));
	}
	return podium;
}

export function getTeamStandings(state: GameState): TeamStanding[] | null {
	return state.config.mode === 'teams' ? state.teamStandings : null;
}

/** Players still in (elimination mode), or playing (other modes). */
export function getRemaining(state: GameState): number {
	return state.counts.active;
}

/** The open question as phones see it (for a phone reconnecting mid-question), or null. */
export function getPublicQuestion(state: GameState): PublicQuestion | null {
	const current = state.current;
	if (state.phase !== 'question' || !current || current.closed) return null;
	return toPublicQuestion(state.questions[current.index], { shuffleSeed: current.shuffleSeed });
}

/**
 * The question just closed as phones saw it (reveal and leaderboard phases), or null: a phone
 * that reloads during the reveal still has the option texts the answer key points to.
 */
export function getClosedPublicQuestion(state: GameState): PublicQuestion | null {
	const current = state.current;
	if ((state.phase !== 'reveal' && state.phase !== 'leaderboard') || !current?.closed) return null;
	return toPublicQuestion(state.questions[current.index], { shuffleSeed: current.shuffleSeed });
}

/** The player's accepted answer to the current (or just closed) question, if any. */
export function getPlayerAnswer(state: GameState, playerId: string): StoredAnswer | null {
	return state.current ? (mapGet(state.current.answers, playerId) ?? null) : null;
}

/** The player's result for the last closed question, if they could answer it. */
export function getPlayerResult(state: GameState, playerId: string): PlayerResult | null {
	return mapGet(state.results, playerId) ?? null;
}

/** The timer as a phone should show it at `now`. */
export function getTimer(
	state: GameState,
	now: number
): { paused: boolean; deadline: number | null; remainingMs: number } | null {
	const current = state.current;
	if (state.phase !== 'question' || !current || current.closed) return null;
	if (current.deadline === null)
		return { paused: true, deadline: null, remainingMs: current.remainingMs ?? 0 };
	return {
		paused: false,
		deadline: current.deadline,
		remainingMs: Math.max(0, current.deadline - now)
	};
}
