/**
 * What phones and host screens are sent, built from a game's state. Phones get PublicQuestion
 * before the close (never an answer key); the host screen is projected, so it gets no hidden
 * fields and no answer key before the close either.
 */
import {
	LEADERBOARD_TOP,
	type GameEndedFrame,
	type GameStateFrame,
	type HostState,
	type LeaderboardFrame,
	type PlayerResultFrame,
	type PlayerSelf,
	type PlayerView,
	type QuestionClosedFrame,
	type QuestionOpenedFrame,
	type QuestionTimerFrame,
	type RosterEntry,
	type Winner
} from '../../protocol';
import { eligibleCount } from '../../quiz/eligibility';
import { getHostActions } from '../../quiz/host-actions';
import { revealOf } from '../../quiz/public-question';
import { rankChangeOf } from '../../quiz/ranking';
import {
	getClosedPublicQuestion,
	getLeaderboard,
	getPlayer,
	getPlayerAnswer,
	getPlayerResult,
	getPodium,
	getPublicQuestion,
	getTeamStandings,
	getTimer,
	listPlayers
} from '../../quiz/selectors';
import type { GameState, Player, PlayerResult } from '../../quiz/types';
import type { LiveGame } from './live-game';

function winnerOf(state: GameState): Winner | null {
	const id = state.elimination.winnerId;
	const player = id ? getPlayer(state, id) : null;
	return player ? { playerId: player.id, nickname: player.nickname } : null;
}

export function stateFrame(state: GameState): GameStateFrame {
	return {
		phase: state.phase,
		locked: state.locked,
		paused: state.paused,
		questionIndex: state.current?.index ?? null,
		active: state.counts.active,
		eliminated: state.counts.eliminated,
		winner: winnerOf(state)
	};
}

function mainTotal(state: GameState): number {
	return state.kinds.filter((kind) => kind === 'main').length;
}

function eligibleNow(state: GameState): number {
	return state.current ? eligibleCount(state.counts, state.current.kind) : 0;
}

/** The open question as everybody sees it, or null when none is open. */
export function openedFrame(
	game: LiveGame,
	state: GameState,
	now: number
): QuestionOpenedFrame | null {
	const current = state.current;
	const question = getPublicQuestion(state);
	const timer = getTimer(state, now);
	if (!current || !question || !timer) return null;
	return {
		gameId: game.id,
		questionIndex: current.index,
		kind: current.kind,
		round: current.round,
		number: current.number,
		total: mainTotal(state),
		isFinal: current.isFinal,
		question,
		limitMs: current.limitMs,
		deadline: timer.deadline,
		remainingMs: timer.remainingMs,
		paused: timer.paused,
		serverNow: now,
		eligible: eligibleNow(state)
	};
}

export function timerFrame(state: GameState, now: number): QuestionTimerFrame | null {
	const current = state.current;
	const timer = getTimer(state, now);
	if (!current || !timer) return null;
	return {
		questionIndex: current.index,
		paused: timer.paused,
		deadline: timer.deadline,
		remainingMs: timer.remainingMs,
		limitMs: current.limitMs,
		serverNow: now
	};
}

/** The last close as a frame, rebuilt from the state (phases reveal and leaderboard). */
export function closedFrame(state: GameState): QuestionClosedFrame | null {
	const current = state.current;
	if (!current || !current.closed) return null;
	if (state.phase !== 'reveal' && state.phase !== 'leaderboard') return null;
	return {
		questionIndex: current.index,
		kind: current.kind,
		skipped: current.skipped,
		reveal: revealOf(state.questions[current.index]),
		distribution: current.distribution,
		eligible: current.skipped ? eligibleNow(state) : state.results.size,
		remaining: state.config.mode === 'elimination' ? state.counts.active : null,
		isLast: state.upcoming.length === 0,
		teams: getTeamStandings(state),
		question: getClosedPublicQuestion(state) ?? undefined
	};
}

export function leaderboardFrame(state: GameState): LeaderboardFrame {
	return {
		top: getLeaderboard(state, LEADERBOARD_TOP),
		teams: getTeamStandings(state),
		remaining: state.config.mode === 'elimination' ? state.counts.active : null
	};
}

export function endedFrame(state: GameState): GameEndedFrame {
	return { podium: getPodium(state), teams: getTeamStandings(state), winner: winnerOf(state) };
}

export function selfOf(player: Player): PlayerSelf {
	return {
		playerId: player.id,
		nickname: player.nickname,
		team: player.team,
		status: player.status,
		score: player.score,
		streak: player.streak,
		rank: player.rank,
		rankChange: rankChangeOf(player)
	};
}

/** A player's result frame from the engine's PlayerResult (after a close). */
export function resultFrame(
	state: GameState,
	questionIndex: number,
	result: PlayerResult,
	flags: { eliminated: boolean; rescued: boolean }
): PlayerResultFrame {
	const player = getPlayer(state, result.playerId);
	return {
		questionIndex,
		answered: result.answered,
		correct: result.correct,
		fraction: result.fraction,
		points: result.points,
		responseMs: result.responseMs,
		eliminated: flags.eliminated,
		rescued: flags.rescued,
		ranked: state.ranking.length,
		me: player
			? selfOf(player)
			: {
					playerId: result.playerId,
					nickname: result.nickname,
					team: result.team,
					status: result.status,
					score: result.score,
					streak: result.streak,
					rank: result.rank,
					rankChange: result.rankChange
				}
	};
}

/** Everything a (re)joining phone needs to draw the current screen. */
export function playerView(
	game: LiveGame,
	state: GameState,
	playerId: string,
	now: number
): PlayerView | null {
	const player = getPlayer(state, playerId);
	if (!player) return null;
	const phase = state.phase;
	const current = state.current;
	const closed = closedFrame(state);
	const result = closed ? getPlayerResult(state, playerId) : null;
	return {
		gameId: game.id,
		pin: game.meta.pin,
		title: game.meta.title,
		mode: game.meta.mode,
		teams: game.meta.teams,
		state: stateFrame(state),
		me: selfOf(player),
		question: openedFrame(game, state, now),
		answered: current !== null && !current.closed && getPlayerAnswer(state, playerId) !== null,
		closed,
		result:
			closed && result && current
				? resultFrame(state, current.index, result, {
						eliminated: player.status === 'eliminated' && player.eliminatedRound === current.round,
						rescued: current.kind === 'rescue' && player.status === 'active'
					})
				: null,
		leaderboard: phase === 'leaderboard' ? leaderboardFrame(state) : null,
		ended: phase === 'podium' || phase === 'ended' ? endedFrame(state) : null,
		serverNow: now
	};
}

export function rosterEntry(player: Player): RosterEntry {
	return {
		playerId: player.id,
		nickname: player.nickname,
		team: player.team,
		status: player.status
	};
}

/** Every player still in the game (kicked excluded), in join order. O(N log N). */
export function roster(state: GameState): RosterEntry[] {
	return listPlayers(state)
		.filter((player) => player.status !== 'kicked')
		.map(rosterEntry);
}

export function hostState(game: LiveGame, state: GameState, now: number): HostState {
	const phase = state.phase;
	return {
		gameId: game.id,
		pin: game.meta.pin,
		title: game.meta.title,
		mode: game.meta.mode,
		options: game.meta.options,
		teams: game.meta.teams,
		state: stateFrame(state),
		counts: { ...state.counts },
		question: openedFrame(game, state, now),
		answered: state.current && !state.current.closed ? state.current.answered : 0,
		closed: closedFrame(state),
		leaderboard: phase === 'leaderboard' ? leaderboardFrame(state) : null,
		ended: phase === 'podium' || phase === 'ended' ? endedFrame(state) : null,
		mainPlayed: state.mainPlayed,
		mainTotal: mainTotal(state),
		upcoming: state.upcoming.length,
		reserveLeft: game.reserveLeft,
		actions: getHostActions(state, { reserveLeft: game.reserveLeft }),
		elimination:
			state.config.mode === 'elimination'
				? {
						rescuesUsed: state.elimination.rescuesUsed,
						rescueClosed: state.elimination.rescueClosed,
						finalIndex: state.elimination.finalIndex
					}
				: null,
		serverNow: now
	};
}
