/**
 * "Rung chuông vàng" (ring the golden bell) rules, as pure decisions over players.
 *
 * - At each close of a main or tie-break question, every player still in who did not answer
 *   fully correctly (wrong, partly right, or no answer) is eliminated and watches from then on.
 * - If that would eliminate everybody still in, config.elimination.whenAllFail decides:
 *   'keep' (default) eliminates nobody on that question; 'eliminate' eliminates them all.
 * - When exactly one player remains after a close, that player is the winner (`winner` event);
 *   the game may go on so they can try to ring the bell on the remaining questions.
 * - Rescue (host): all eliminated players; N of them, most recently eliminated first ('recent',
 *   the default) or highest score first ('best'), ties by score, then less cumulative time, then
 *   join order; or a rescue question only eliminated players answer, the fully correct ones
 *   return. Rescue rounds earn no points and do not touch streaks. Rescue is possible only
 *   between questions, when config.elimination.rescueAllowed, fewer than maxRescues rescues were
 *   used, and not once the final question (marked by the host, else the last main question) has
 *   closed or a tie-break has begun.
 * - The game is decided once a close leaves one player in (the winner) or none: the host's
 *   "continue" then ends the game (questions left unplayed are not a problem to warn about); a
 *   rescue, while still allowed, can reopen it.
 * - Tie-break: after the last main question, with more than one player in, the host adds
 *   questions (`startTieBreak`); they are played and eliminate like main questions.
 * - Players joining after the first question opened are spectators: they never play or return.
 */
import { mapGet, type PMap } from '../pmap';
import type { EliminationRules, GameState, Player, StoredAnswer } from '../types';

/** One player left (the winner) or none, after at least one question: the game is decided. */
export function isDecided(state: GameState): boolean {
	return state.config.mode === 'elimination' && state.round > 0 && state.counts.active <= 1;
}

export interface EliminationDecision {
	/** Ids of players going out on this question, in join order. */
	out: string[];
	/** Everyone failed and the 'keep' rule saved them. */
	allFailedKept: boolean;
}

export function decideEliminations(
	inGame: Player[],
	answers: PMap<StoredAnswer>,
	rules: EliminationRules
): EliminationDecision {
	const failed = inGame
		.filter((player) => mapGet(answers, player.id)?.correct !== true)
		.sort((a, b) => a.seq - b.seq)
		.map((player) => player.id);
	if (inGame.length > 0 && failed.length === inGame.length && rules.whenAllFail === 'keep')
		return { out: [], allFailedKept: true };
	return { out: failed, allFailedKept: false };
}

const byScore = (a: Player, b: Player) => b.score - a.score || a.timeMs - b.timeMs || a.seq - b.seq;

/** The `count` eliminated players a count-rescue brings back, in the documented order. */
export function pickForRescue(
	eliminated: Player[],
	count: number,
	by: 'recent' | 'best'
): Player[] {
	const order =
		by === 'recent'
			? (a: Player, b: Player) =>
					(b.eliminatedRound ?? 0) - (a.eliminatedRound ?? 0) || byScore(a, b)
			: byScore;
	return [...eliminated].sort(order).slice(0, count);
}
