/**
 * Host commands of elimination mode: rescue, markFinal, startTieBreak. The rules are documented
 * in ./elimination.ts.
 */
import { accept, refuse } from '../outcome';
import { mapValues } from '../pmap';
import { countStatus } from '../players';
import { isPlayableQuestion } from '../question-check';
import { rankPlayers, replacePlayers } from '../ranking';
import { openQuestionAt } from '../round';
import type { ApplyResult, Command, ErrorCode, GameState, Player, RescueCommand } from '../types';
import { pickForRescue } from './elimination';

/** Most questions one startTieBreak may add. */
export const TIE_BREAK_MAX = 10;

const betweenQuestions = (state: GameState) =>
	state.phase === 'reveal' || state.phase === 'leaderboard';

/** Why a rescue (of any variant) is not possible now, or null when it is. */
export function rescueRefusal(state: GameState): ErrorCode | null {
	const rules = state.config.elimination;
	if (state.config.mode !== 'elimination') return 'WRONG_MODE';
	if (!betweenQuestions(state)) return 'WRONG_PHASE';
	if (!rules.rescueAllowed) return 'RESCUE_NOT_ALLOWED';
	if (state.elimination.rescueClosed) return 'RESCUE_CLOSED';
	if (rules.maxRescues !== null && state.elimination.rescuesUsed >= rules.maxRescues)
		return 'RESCUE_LIMIT';
	if (state.counts.eliminated === 0) return 'NOBODY_ELIMINATED';
	return null;
}

/** Brings eliminated players back: all, N of them, or those who get a rescue question right. */
export function rescue(state: GameState, command: RescueCommand, now: number): ApplyResult {
	const refusal = rescueRefusal(state);
	if (refusal) return refuse(refusal);

	const used: GameState = {
		...state,
		elimination: { ...state.elimination, rescuesUsed: state.elimination.rescuesUsed + 1 }
	};
	if (command.variant === 'question') {
		if (!isPlayableQuestion(command.question)) return refuse('INVALID_QUESTION');
		const question = JSON.parse(JSON.stringify(command.question));
		const index = state.questions.length;
		return openQuestionAt(
			{ ...used, questions: [...state.questions, question], kinds: [...state.kinds, 'rescue'] },
			index,
			'rescue',
			now
		);
	}

	const eliminated = mapValues(state.players).filter((player) => player.status === 'eliminated');
	let chosen: Player[];
	if (command.variant === 'all') chosen = [...eliminated].sort((a, b) => a.seq - b.seq);
	else if (command.variant === 'count') {
		const by = command.by ?? 'recent';
		if (!Number.isInteger(command.count) || command.count < 1 || !['recent', 'best'].includes(by))
			return refuse('INVALID_COMMAND');
		chosen = pickForRescue(eliminated, command.count, by);
	} else return refuse('INVALID_COMMAND');

	const chosenIds = new Set(chosen.map((player) => player.id));
	const merged = mapValues(state.players).map((player) =>
		chosenIds.has(player.id)
			? { ...player, status: 'active' as const, eliminatedRound: null }
			: player
	);
	const ranked = rankPlayers(merged, state.config.mode, false);
	const counts = countStatus(state.counts, 'eliminated', 'active', chosen.length);
	const next: GameState = {
		...used,
		counts,
		players: replacePlayers(state.players, ranked),
		ranking: ranked.map((player) => player.id),
		elimination: {
			...used.elimination,
			winnerId: counts.active > 1 ? null : used.elimination.winnerId
		}
	};
	return accept(next, [
		{
			type: 'rescued',
			variant: command.variant,
			playerIds: chosen.map((player) => player.id),
			remaining: counts.active,
			rescuesUsed: next.elimination.rescuesUsed
		}
	]);
}

/**
 * Marks a question as the final one (default: the open question, else the next one): once it
 * has closed, no more rescues. Works in every mode; only elimination mode has rescues.
 */
export function markFinal(
	state: GameState,
	command: Extract<Command, { type: 'markFinal' }>
): ApplyResult {
	if (state.phase === 'podium') return refuse('WRONG_PHASE');
	const open = state.phase === 'question' && state.current && !state.current.closed;
	const target = command.questionIndex ?? (open ? state.current?.index : state.upcoming[0]);
	if (target === undefined) return refuse('NO_MORE_QUESTIONS');
	if (!Number.isInteger(target)) return refuse('INVALID_COMMAND');
	const isOpen = open && state.current?.index === target;
	if (!isOpen && !state.upcoming.includes(target)) return refuse('WRONG_QUESTION');
	const current = isOpen && state.current ? { ...state.current, isFinal: true } : state.current;
	return accept({ ...state, current, elimination: { ...state.elimination, finalIndex: target } }, [
		{ type: 'finalMarked', questionIndex: target }
	]);
}

/** Why a tie-break cannot start now, or null when it can. */
export function tieBreakRefusal(state: GameState): ErrorCode | null {
	if (state.config.mode !== 'elimination') return 'WRONG_MODE';
	if (!betweenQuestions(state)) return 'WRONG_PHASE';
	if (state.upcoming.length > 0) return 'QUESTIONS_REMAINING';
	if (state.counts.active < 2) return 'NO_TIE';
	return null;
}

/** After the last main question, with more than one player in: adds tie-break questions. */
export function startTieBreak(
	state: GameState,
	command: Extract<Command, { type: 'startTieBreak' }>
): ApplyResult {
	const refusal = tieBreakRefusal(state);
	if (refusal) return refuse(refusal);
	const { questions } = command;
	if (!Array.isArray(questions) || questions.length === 0 || questions.length > TIE_BREAK_MAX)
		return refuse('INVALID_COMMAND');
	if (!questions.every(isPlayableQuestion)) return refuse('INVALID_QUESTION');
	const first = state.questions.length;
	const indices = questions.map((_, i) => first + i);
	return accept(
		{
			...state,
			questions: [...state.questions, ...JSON.parse(JSON.stringify(questions))],
			kinds: [...state.kinds, ...questions.map(() => 'tiebreak' as const)],
			upcoming: indices,
			elimination: { ...state.elimination, rescueClosed: true }
		},
		[{ type: 'tieBreakStarted', questionIndices: indices, remaining: state.counts.active }]
	);
}
