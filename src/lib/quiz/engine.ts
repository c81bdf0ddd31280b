/**
 * The live game engine: a pure reducer.
 *
 *   apply(state, command, now) → { ok: true, state, events } | { ok: false, error }
 *
 * - Never mutates its input. The new state shares every sub-object it did not change with the
 *   old one (persistent maps for players and answers), so an answer costs O(1) and a close
 *   O(N log N) for N players. Treat states as immutable.
 * - Deterministic: time (`now`, ms), the seed and ids are inputs; the same initial state and the
 *   same log of accepted commands rebuild the same state (`replay`).
 * - A refused command changes nothing; its code is one of ERROR_CODES.
 *
 * Phases: lobby → question → reveal → leaderboard → question → … → podium → ended
 * (`end` from any phase goes straight to ended). See README.md for the command table.
 */
import { checkGameSetup, resolveConfig } from './config';
import { isDecided } from './modes/elimination';
import { rescue, markFinal, startTieBreak } from './modes/rescue';
import { computeTeamStandings } from './modes/teams';
import { accept, refuse } from './outcome';
import { emptyMap, mapValues } from './pmap';
import { join, kick } from './players';
import type { Question } from './question';
import { rerank } from './ranking';
import { addTime, closeQuestion, openNextQuestion, pause, resume, submitAnswer } from './round';
import { getLeaderboard, getPodium, getTeamStandings } from './selectors';
import type {
	ApplyResult,
	Command,
	GameConfigInput,
	GameState,
	LogEntry,
	QuestionKind
} from './types';

/**
 * A new game in the lobby. Throws a RangeError listing the problems when the setup is invalid:
 * call `checkGameSetup` first to show them to the host.
 */
export function createGame(
	configInput: GameConfigInput,
	questions: readonly Question[],
	seed: number
): GameState {
	const problems = checkGameSetup(configInput, questions, seed);
	if (problems.length > 0) throw new RangeError(`Invalid game setup: ${problems.join(', ')}`);
	const config = resolveConfig(configInput);
	// A JSON copy: the game owns its questions, and holds exactly what a persisted copy would.
	const copies: Question[] = JSON.parse(JSON.stringify(questions));
	return {
		version: 1,
		config,
		seed,
		questions: copies,
		kinds: copies.map((): QuestionKind => 'main'),
		upcoming: copies.map((_, index) => index),
		phase: 'lobby',
		paused: false,
		locked: false,
		round: 0,
		mainPlayed: 0,
		current: null,
		players: emptyMap(),
		nicknames: emptyMap(),
		counts: { joined: 0, active: 0, eliminated: 0, spectator: 0, kicked: 0 },
		teamMembers: Object.fromEntries(config.teams.map((team) => [team.id, 0])),
		teamStandings: computeTeamStandings(config, []),
		ranking: [],
		results: emptyMap(),
		elimination: { rescuesUsed: 0, rescueClosed: false, finalIndex: null, winnerId: null }
	};
}

function start(state: GameState, now: number): ApplyResult {
	if (state.phase !== 'lobby') return refuse('WRONG_PHASE');
	if (state.counts.active === 0) return refuse('NO_PLAYERS');
	return openNextQuestion(state, now);
}

function openQuestion(state: GameState, now: number): ApplyResult {
	if (state.phase !== 'reveal' && state.phase !== 'leaderboard') return refuse('WRONG_PHASE');
	return openNextQuestion(state, now);
}

function showLeaderboard(state: GameState): ApplyResult {
	if (state.phase !== 'reveal') return refuse('WRONG_PHASE');
	const next: GameState = { ...state, phase: 'leaderboard' };
	return accept(next, [
		{
			type: 'leaderboardShown',
			top: getLeaderboard(next),
			teams: getTeamStandings(next),
			remaining: next.config.mode === 'elimination' ? next.counts.active : null
		}
	]);
}

/** Fresh ranks for everybody (late joiners included) before showing the podium. */
function finalStandings(state: GameState): GameState {
	const ranked = rerank(state);
	return {
		...ranked,
		teamStandings: computeTeamStandings(ranked.config, mapValues(ranked.players))
	};
}

function showPodium(state: GameState): ApplyResult {
	const next: GameState = { ...finalStandings(state), phase: 'podium' };
	return accept(next, [
		{ type: 'podiumShown', podium: getPodium(next), teams: getTeamStandings(next) }
	]);
}

/** Ends the game from any phase; an open question is dropped unscored. */
function end(state: GameState): ApplyResult {
	const current =
		state.current && !state.current.closed
			? {
					...state.current,
					closed: true,
					skipped: true,
					deadline: null,
					remainingMs: null,
					pausedAt: null
				}
			: state.current;
	const next: GameState = { ...finalStandings(state), current, phase: 'ended', paused: false };
	return accept(next, [
		{
			type: 'gameEnded',
			podium: getPodium(next),
			teams: getTeamStandings(next),
			winnerId: next.elimination.winnerId
		}
	]);
}

/**
 * The host's single "continue" button: lobby → start; question → close; reveal → leaderboard;
 * leaderboard → next question, or the podium when none is left; podium → end. A decided
 * elimination game (one player or none left) ends straight from the reveal or leaderboard.
 */
function next(state: GameState, now: number): ApplyResult {
	switch (state.phase) {
		case 'lobby':
			return start(state, now);
		case 'question':
			return closeQuestion(state, false);
		case 'reveal':
			return isDecided(state) ? end(state) : showLeaderboard(state);
		case 'leaderboard':
			if (isDecided(state)) return end(state);
			return state.upcoming.length > 0 ? openNextQuestion(state, now) : showPodium(state);
		case 'podium':
			return end(state);
		case 'ended':
			return refuse('GAME_ENDED');
	}
}

function setLocked(state: GameState, locked: boolean): ApplyResult {
	return accept(state.locked === locked ? state : { ...state, locked }, [
		{ type: 'lockChanged', locked }
	]);
}

function isCommand(value: unknown): value is Command {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { type?: unknown }).type === 'string'
	);
}

/** Applies one command at time `now` (ms since the epoch, from the server's clock). */
export function apply(state: GameState, command: Command, now: number): ApplyResult {
	if (!isCommand(command) || !Number.isFinite(now)) return refuse('INVALID_COMMAND');
	if (state.phase === 'ended' && command.type !== 'join') return refuse('GAME_ENDED');
	switch (command.type) {
		case 'join':
			return join(state, command);
		case 'kick':
			return kick(state, command);
		case 'lock':
			return setLocked(state, true);
		case 'unlock':
			return setLocked(state, false);
		case 'start':
			return start(state, now);
		case 'openQuestion':
			return openQuestion(state, now);
		case 'next':
			return next(state, now);
		case 'skip':
			return closeQuestion(state, true);
		case 'pause':
			return pause(state, now);
		case 'resume':
			return resume(state, now);
		case 'addTime':
			return addTime(state, command, now);
		case 'closeQuestion':
			if (command.questionIndex !== undefined && !Number.isInteger(command.questionIndex))
				return refuse('INVALID_COMMAND');
			return closeQuestion(state, false, command.questionIndex);
		case 'showLeaderboard':
			return showLeaderboard(state);
		case 'end':
			return end(state);
		case 'submitAnswer':
			return submitAnswer(state, command, now);
		case 'rescue':
			return rescue(state, command, now);
		case 'markFinal':
			return markFinal(state, command);
		case 'startTieBreak':
			return startTieBreak(state, command);
		default:
			return refuse('INVALID_COMMAND');
	}
}

/**
 * Rebuilds a state from the initial state and the log of accepted commands. Throws when a logged
 * command is refused: the log does not belong to this initial state.
 */
export function replay(initial: GameState, log: readonly LogEntry[]): GameState {
	let state = initial;
	log.forEach(({ command, now }, i) => {
		const result = apply(state, command, now);
		if (!result.ok)
			throw new Error(`replay: entry ${i} (${command.type}) was refused with ${result.error}`);
		state = result.state;
	});
	return state;
}
