/**
 * What the host may do now, and why not: the host screen renders this and decides nothing.
 *
 * Every entry mirrors the guard of the command it stands for (the same functions where the
 * rule is more than a phase check), so a button shown as available is a command the engine
 * accepts. O(1): no player is visited.
 */
import { isDecided } from './modes/elimination';
import { rescueRefusal, tieBreakRefusal } from './modes/rescue';
import { ADD_TIME_DEFAULT_MS, ADDED_TIME_MAX_MS } from './round';
import type { ErrorCode, GameState } from './types';

/**
 * ok: the command is accepted now. Otherwise `reason` says why not, and `show` whether the host
 * should see the button disabled with that reason (a used-up rescue, no reserve question left),
 * or not at all (it makes no sense in this phase or mode).
 */
export type Availability = { ok: true } | { ok: false; reason: ErrorCode; show: boolean };

/** What the single "continue" key (`next`) does now. */
export type NextStep =
	| 'start'
	| 'close'
	| 'leaderboard'
	| 'nextQuestion'
	| 'podium'
	/** Leave the podium: the game is over. */
	| 'end'
	/** A decided elimination game: end it and show the results (Kết thúc / xem kết quả). */
	| 'finish';

export const HOST_ACTIONS = [
	'start',
	'close',
	'pause',
	'resume',
	'addTime',
	'skip',
	'markFinal',
	'rescue',
	'rescueQuestion',
	'tieBreak',
	'lock',
	'unlock',
	'end'
] as const;
export type HostAction = (typeof HOST_ACTIONS)[number];

export interface HostActions {
	/** The primary button, or null once the game has ended. */
	next: NextStep | null;
	/** Elimination mode: one player (the winner) or none left. */
	decided: boolean;
	actions: Record<HostAction, Availability>;
	/** What ending the game now leaves unscored, for the host's confirmation. */
	endLeaves: { openQuestion: boolean; unplayedQuestions: number };
}

/** Facts the engine does not hold: the server keeps the reserve questions. */
export interface HostFacts {
	reserveLeft: number;
}

const OK: Availability = { ok: true };
const no = (reason: ErrorCode, show = false): Availability => ({ ok: false, reason, show });
const when = (refusal: ErrorCode | null, show = false): Availability =>
	refusal === null ? OK : no(refusal, show);

/** Reasons a host should read on a disabled button rather than miss the button. */
const SHOWN_REASONS: ReadonlySet<ErrorCode> = new Set([
	'RESCUE_LIMIT',
	'RESCUE_CLOSED',
	'NO_RESERVE',
	'TIME_LIMIT_REACHED'
]);

function nextStep(state: GameState, decided: boolean): NextStep | null {
	switch (state.phase) {
		case 'lobby':
			return 'start';
		case 'question':
			return 'close';
		case 'reveal':
			return decided ? 'finish' : 'leaderboard';
		case 'leaderboard':
			if (decided) return 'finish';
			return state.upcoming.length > 0 ? 'nextQuestion' : 'podium';
		case 'podium':
			return 'end';
		case 'ended':
			return null;
	}
}

function markFinalRefusal(state: GameState, decided: boolean): ErrorCode | null {
	if (state.config.mode !== 'elimination') return 'WRONG_MODE';
	if (!['question', 'reveal', 'leaderboard'].includes(state.phase) || decided) return 'WRONG_PHASE';
	if (state.elimination.rescueClosed) return 'RESCUE_CLOSED';
	if (state.elimination.finalIndex !== null) return 'WRONG_QUESTION';
	const open = state.phase === 'question' && state.current && !state.current.closed;
	return open || state.upcoming.length > 0 ? null : 'NO_MORE_QUESTIONS';
}

export function getHostActions(state: GameState, facts: HostFacts): HostActions {
	const decided = isDecided(state);
	const current = state.current;
	const open = state.phase === 'question' && current !== null && !current.closed;
	const openOr = (check: () => ErrorCode | null) =>
		open ? when(check(), true) : no('WRONG_PHASE');
	const playing = state.phase !== 'podium' && state.phase !== 'ended';
	const rescue = rescueRefusal(state);
	const tieBreak = tieBreakRefusal(state);
	const shown = (refusal: ErrorCode | null) =>
		when(refusal, refusal !== null && SHOWN_REASONS.has(refusal));
	const unplayed = state.upcoming.filter((index) => state.kinds[index] === 'main').length;
	return {
		next: nextStep(state, decided),
		decided,
		actions: {
			start:
				state.phase !== 'lobby'
					? no('WRONG_PHASE')
					: when(state.counts.active === 0 ? 'NO_PLAYERS' : null, true),
			close: openOr(() => null),
			pause: openOr(() => (state.paused ? 'PAUSED' : null)),
			resume: openOr(() => (state.paused ? null : 'NOT_PAUSED')),
			addTime: openOr(() =>
				(current?.addedMs ?? 0) + ADD_TIME_DEFAULT_MS > ADDED_TIME_MAX_MS
					? 'TIME_LIMIT_REACHED'
					: null
			),
			skip: openOr(() => null),
			markFinal: when(markFinalRefusal(state, decided)),
			rescue: shown(rescue),
			rescueQuestion: shown(rescue ?? (facts.reserveLeft > 0 ? null : 'NO_RESERVE')),
			tieBreak: shown(tieBreak ?? (facts.reserveLeft > 0 ? null : 'NO_RESERVE')),
			lock: !playing ? no('WRONG_PHASE') : when(state.locked ? 'LOCKED' : null),
			unlock: !playing ? no('WRONG_PHASE') : when(state.locked ? null : 'WRONG_PHASE'),
			end: playing ? OK : no(state.phase === 'ended' ? 'GAME_ENDED' : 'WRONG_PHASE')
		},
		endLeaves: { openQuestion: open, unplayedQuestions: decided ? 0 : unplayed }
	};
}
