/**
 * Who may answer: the one rule the engine, the server's views and the phones share.
 *
 * - A main or tie-break question: players still in (`active`) answer; eliminated players and
 *   spectators (joined an elimination game after it started) watch.
 * - A rescue question: only eliminated players answer; players still in wait for it to end.
 * - A kicked player does nothing.
 *
 * Imports types only, so the phone bundle can use it without pulling in the engine.
 */
import type { Phase, Player, PlayerCounts, PlayerStatus, QuestionKind } from './types';

/** What a player of this status does on a question of this kind. */
export type Eligibility = 'answer' | 'eliminated' | 'spectator' | 'waiting' | 'kicked';

export function eligibilityOf(status: PlayerStatus, kind: QuestionKind): Eligibility {
	if (status === 'kicked' || status === 'spectator') return status;
	if (kind === 'rescue') return status === 'eliminated' ? 'answer' : 'waiting';
	return status === 'active' ? 'answer' : 'eliminated';
}

export function mayAnswer(status: PlayerStatus, kind: QuestionKind): boolean {
	return eligibilityOf(status, kind) === 'answer';
}

/** How many players may answer a question of this kind, from the status counts. O(1). */
export function eligibleCount(counts: PlayerCounts, kind: QuestionKind): number {
	return kind === 'rescue' ? counts.eliminated : counts.active;
}

/**
 * A player's status in the results. While the game runs it is the live status; once it is over
 * nobody is still "playing": players still in finished, unless they never answered a question
 * (they left, or never took part); eliminated, spectators and kicked players stay so.
 */
export type ResultStatus = PlayerStatus | 'finished' | 'left';

export function resultStatusOf(
	player: Pick<Player, 'status' | 'answered'>,
	phase: Phase
): ResultStatus {
	const over = phase === 'podium' || phase === 'ended';
	if (!over || player.status !== 'active') return player.status;
	return player.answered === 0 ? 'left' : 'finished';
}
