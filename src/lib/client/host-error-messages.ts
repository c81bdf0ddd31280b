/** Error codes only the host screen meets (commands), on top of the phone's. */
import { m } from '$lib/paraglide/messages.js';
import { liveErrorMessage, type PhoneErrorCode } from './error-messages';
import type { LiveErrorCode } from './socket';

/** Exactly the codes the phone's table leaves out: a code added to protocol.ts without words fails to compile. */
const HOST_MESSAGES = {
	UNAUTHENTICATED: () => m.live_err_unauthenticated(),
	FORBIDDEN: () => m.live_err_forbidden(),
	WRONG_PHASE: () => m.live_err_wrong_phase(),
	INVALID_COMMAND: () => m.live_err_invalid_command(),
	INVALID_QUESTION: () => m.live_err_invalid_question(),
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
	NO_RESERVE: () => m.live_err_no_reserve(),
	// Says nothing on purpose (no exception text leaves the server); phones fall back to the same.
	INTERNAL: () => m.live_err_generic()
} satisfies Record<Exclude<LiveErrorCode, PhoneErrorCode>, () => string>;

const MESSAGES: Partial<Record<LiveErrorCode, () => string>> = HOST_MESSAGES;

export function hostErrorMessage(code: LiveErrorCode): string {
	return MESSAGES[code]?.() ?? liveErrorMessage(code);
}
