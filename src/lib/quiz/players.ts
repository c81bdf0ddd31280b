/**
 * Joining and kicking. A join is O(1) in the number of players: one persistent-map insert each
 * for the player and the nickname index, and a copy of the per-team member counts.
 */
import { removeFromDistribution } from './distribution';
import { computeTeamStandings, pickTeam } from './modes/teams';
import { accept, refuse } from './outcome';
import { mapGet, mapSet, mapValues } from './pmap';
import { rerank } from './ranking';
import type { ApplyResult, Command, GameState, Player, PlayerCounts, PlayerStatus } from './types';
import { nicknameKey } from './vietnamese';
import { displayNameProblem, normalizeDisplayName } from './display-name';

export const NICKNAME_MAX = 20;
export const PLAYER_ID_MAX = 128;
export const FIELD_VALUE_MAX = 100;

export function isPlayerId(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= PLAYER_ID_MAX;
}

/**
 * The nickname as it will be shown (NFC, trimmed, single spaces, invisible characters dropped), or
 * null when unusable — including names that could pass for another player's (display-name.ts).
 */
export function cleanNickname(raw: unknown): string | null {
	if (typeof raw !== 'string') return null;
	const nickname = normalizeDisplayName(raw);
	const length = Array.from(nickname).length;
	if (length < 1 || length > NICKNAME_MAX) return null;
	if (displayNameProblem(nickname) || nicknameKey(nickname) === '') return null;
	return nickname;
}

/** Only the required fields are kept, trimmed; null when one is missing, empty or too long. */
function cleanFields(required: string[], raw: unknown): Record<string, string> | null {
	if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw)))
		return null;
	const given = (raw ?? {}) as Record<string, unknown>;
	const fields: Record<string, string> = {};
	for (const key of required) {
		const value = Object.hasOwn(given, key) ? given[key] : undefined;
		if (typeof value !== 'string') return null;
		const trimmed = value.trim();
		if (trimmed === '' || trimmed.length > FIELD_VALUE_MAX) return null;
		fields[key] = trimmed;
	}
	return fields;
}

export function countStatus(
	counts: PlayerCounts,
	from: PlayerStatus | null,
	to: PlayerStatus,
	n = 1
): PlayerCounts {
	const next = { ...counts };
	if (from === null) next.joined += n;
	else next[from] -= n;
	next[to] += n;
	return next;
}

/** Players still in the game (not kicked). */
export function presentCount(counts: PlayerCounts): number {
	return counts.joined - counts.kicked;
}

type JoinCommand = Extract<Command, { type: 'join' }>;

/**
 * A new player, or the same player reconnecting (same playerId: the existing player is returned
 * and nothing changes, even when the game is locked or over). A kicked player cannot come back.
 * In elimination mode, players joining after the first question watch as spectators.
 */
export function join(state: GameState, command: JoinCommand): ApplyResult {
	if (!isPlayerId(command.playerId)) return refuse('INVALID_COMMAND');
	const existing = mapGet(state.players, command.playerId);
	if (existing) {
		if (existing.status === 'kicked') return refuse('KICKED');
		return accept(state, [
			{
				type: 'playerJoined',
				playerId: existing.id,
				nickname: existing.nickname,
				team: existing.team,
				status: existing.status,
				rejoined: true,
				players: presentCount(state.counts)
			}
		]);
	}
	if (state.phase === 'podium' || state.phase === 'ended') return refuse('GAME_ENDED');
	if (state.locked) return refuse('LOCKED');
	const nickname = cleanNickname(command.nickname);
	if (nickname === null) return refuse('NICKNAME_INVALID');
	const key = nicknameKey(nickname);
	const holder = mapGet(state.nicknames, key);
	if (holder !== undefined && mapGet(state.players, holder)?.status !== 'kicked')
		return refuse('NICKNAME_TAKEN');
	const fields = cleanFields(state.config.requireHiddenFields, command.fields);
	if (fields === null) return refuse('FIELDS_INVALID');

	const { config } = state;
	let team: string | null = null;
	if (config.mode === 'teams') {
		if (command.team === undefined || command.team === null)
			team = pickTeam(config, state.teamMembers);
		else if (config.teams.some((candidate) => candidate.id === command.team)) team = command.team;
		else return refuse('TEAM_INVALID');
	}
	const status: PlayerStatus =
		config.mode === 'elimination' && state.phase !== 'lobby' ? 'spectator' : 'active';
	const player: Player = {
		id: command.playerId,
		nickname,
		team,
		fields,
		seq: state.counts.joined,
		status,
		score: 0,
		streak: 0,
		timeMs: 0,
		answered: 0,
		correct: 0,
		rank: null,
		previousRank: null,
		eliminatedRound: null
	};
	const counts = countStatus(state.counts, null, status);
	const next: GameState = {
		...state,
		players: mapSet(state.players, player.id, player),
		nicknames: mapSet(state.nicknames, key, player.id),
		counts,
		teamMembers:
			team === null
				? state.teamMembers
				: { ...state.teamMembers, [team]: (state.teamMembers[team] ?? 0) + 1 }
	};
	return accept(next, [
		{
			type: 'playerJoined',
			playerId: player.id,
			nickname,
			team,
			status,
			rejoined: false,
			players: presentCount(counts)
		}
	]);
}

/**
 * Removes a player for good: they cannot answer or rejoin, their nickname becomes free, their
 * answer to an open question no longer counts, and everyone is re-ranked (O(N log N)).
 */
export function kick(state: GameState, command: Extract<Command, { type: 'kick' }>): ApplyResult {
	if (!isPlayerId(command.playerId)) return refuse('INVALID_COMMAND');
	const player = mapGet(state.players, command.playerId);
	if (!player || player.status === 'kicked') return refuse('NOT_IN_GAME');

	let current = state.current;
	const answer = current ? mapGet(current.answers, player.id) : undefined;
	if (current && answer && !current.closed)
		current = {
			...current,
			answered: current.answered - 1,
			distribution: removeFromDistribution(current.distribution, answer)
		};
	const counts = countStatus(state.counts, player.status, 'kicked');
	const elimination =
		state.elimination.winnerId === player.id
			? { ...state.elimination, winnerId: null }
			: state.elimination;
	let next: GameState = {
		...state,
		current,
		counts,
		elimination,
		players: mapSet(state.players, player.id, { ...player, status: 'kicked' }),
		teamMembers:
			player.team === null
				? state.teamMembers
				: { ...state.teamMembers, [player.team]: (state.teamMembers[player.team] ?? 1) - 1 }
	};
	if (player.rank !== null) next = rerank(next);
	if (state.config.mode === 'teams')
		next = { ...next, teamStandings: computeTeamStandings(next.config, mapValues(next.players)) };
	return accept(next, [
		{ type: 'playerKicked', playerId: player.id, players: presentCount(counts) }
	]);
}
