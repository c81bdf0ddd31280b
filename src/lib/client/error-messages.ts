/**
 * Every error code a player or host can meet, in the reader's language. Unknown codes (a newer
 * server) fall back to a generic sentence instead of showing the code.
 */
import { m } from '$lib/paraglide/messages.js';

const MESSAGES: Record<string, () => string> = {
	NOT_FOUND: () => m.live_err_not_found(),
	LOCKED: () => m.live_err_locked(),
	GAME_ENDED: () => m.live_err_game_ended(),
	NICKNAME_INVALID: () => m.live_err_nickname_invalid(),
	NICKNAME_TAKEN: () => m.live_err_nickname_taken(),
	NICKNAME_NOT_ALLOWED: () => m.live_err_nickname_not_allowed(),
	TEAM_INVALID: () => m.live_err_team_invalid(),
	FIELDS_INVALID: () => m.live_err_fields_invalid(),
	RATE_LIMITED: () => m.live_err_rate_limited(),
	KICKED: () => m.live_err_kicked(),
	NOT_IN_GAME: () => m.live_err_not_in_game(),
	LATE: () => m.live_err_late(),
	TIME_UP: () => m.live_err_late(),
	NOT_OPEN: () => m.live_err_not_open(),
	WRONG_QUESTION: () => m.live_err_not_open(),
	PAUSED: () => m.live_err_paused(),
	ELIMINATED: () => m.live_err_eliminated(),
	NOT_ELIGIBLE: () => m.live_err_not_eligible(),
	INVALID_ANSWER: () => m.live_err_invalid_answer(),
	INVALID_PAYLOAD: () => m.live_err_invalid_payload(),
	TIMEOUT: () => m.live_err_timeout(),
	OFFLINE: () => m.live_err_offline(),
	UNAUTHENTICATED: () => m.live_err_unauthenticated(),
	FORBIDDEN: () => m.live_err_forbidden(),
	WRONG_PHASE: () => m.live_err_wrong_phase(),
	WRONG_MODE: () => m.live_err_wrong_mode(),
	NO_PLAYERS: () => m.live_err_no_players(),
	NO_MORE_QUESTIONS: () => m.live_err_no_more_questions(),
	NOT_PAUSED: () => m.live_err_not_paused(),
	TIME_LIMIT_REACHED: () => m.live_err_time_limit(),
	RESCUE_NOT_ALLOWED: () => m.live_err_rescue_not_allowed(),
	RESCUE_CLOSED: () => m.live_err_rescue_closed(),
	RESCUE_LIMIT: () => m.live_err_rescue_limit(),
	NOBODY_ELIMINATED: () => m.live_err_nobody_eliminated(),
	QUESTIONS_REMAINING: () => m.live_err_questions_remaining(),
	NO_TIE: () => m.live_err_no_tie(),
	NO_RESERVE: () => m.live_err_no_reserve()
};

export function liveErrorMessage(code: string): string {
	return (MESSAGES[code] ?? (() => m.live_err_generic()))();
}
