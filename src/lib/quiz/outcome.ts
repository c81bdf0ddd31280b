/** Building the engine's answers: accepted with a new state and events, or refused with a code. */
import type { ApplyResult, ErrorCode, GameEvent, GameState } from './types';

export function accept(state: GameState, events: GameEvent[] = []): ApplyResult {
	return { ok: true, state, events };
}

export function refuse(error: ErrorCode): ApplyResult {
	return { ok: false, error };
}
