/**
 * Every error code a phone can meet, in the reader's language (host-only codes live in
 * host-error-messages.ts, so phones do not download them). Together the two tables cover every
 * code, which the compiler checks; a code neither knows (a newer server) falls back to a generic
 * sentence instead of showing the code.
 */
import { m } from '$lib/paraglide/messages.js';
import type { LiveErrorCode } from './socket';

type Messages = Partial<Record<LiveErrorCode, () => string>>;

const PHONE_MESSAGES = {
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
	OFFLINE: () => m.live_err_offline()
} satisfies Messages;

/** The codes a phone has words for; host-error-messages.ts must cover all the others. */
export type PhoneErrorCode = keyof typeof PHONE_MESSAGES;

const MESSAGES: Messages = PHONE_MESSAGES;

export function liveErrorMessage(code: LiveErrorCode): string {
	return (MESSAGES[code] ?? (() => m.live_err_generic()))();
}
