/** Error codes of practice and contests as messages in the request's language, with HTTP statuses. */
import { m } from '../../paraglide/messages.js';
import type { PracticeAnswerError } from './answer';
import type { StartError } from './sessions';
import type { ContestError } from '../contest/attempts';
import type { AccountError } from './account';
import type { ContestFieldError, PublishBlocker, RoundError } from '../contest/organizer';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';

type PracticeError = PracticeAnswerError | StartError;
/** Undefined = the request's language (set by the paraglide middleware). */
export type Locale = 'vi' | 'en' | undefined;

export function practiceErrorMessage(code: PracticeError, locale?: Locale): string {
	const o = { locale };
	switch (code) {
		case 'not_found':
			return m.practice_err_not_found({}, o);
		case 'finished':
			return m.practice_err_finished({}, o);
		case 'wrong_question':
			return m.practice_err_wrong_question({}, o);
		case 'bad_answer':
			return m.practice_err_bad_answer({}, o);
		case 'question_gone':
			return m.practice_err_question_gone({}, o);
		case 'empty':
			return m.practice_err_empty({}, o);
		case 'nothing_due':
			return m.practice_err_nothing_due({}, o);
		case 'contest_held':
			return m.integrity_err_contest_held({}, o);
	}
}

export function practiceErrorStatus(code: PracticeError): number {
	return code === 'not_found' ? 404 : code === 'finished' || code === 'contest_held' ? 409 : 400;
}

export function contestErrorMessage(code: ContestError, locale?: Locale): string {
	const messages: Record<ContestError, (inputs: object, options: { locale?: Locale }) => string> = {
		not_found: m.contest_err_not_found,
		name_invalid: m.contest_err_name_invalid,
		phone_invalid: m.contest_err_phone_invalid,
		phone_taken: m.contest_err_phone_taken,
		unit_invalid: m.contest_err_unit_invalid,
		already_registered: m.contest_err_already_registered,
		staff_excluded: m.contest_err_staff_excluded,
		not_registered: m.contest_err_not_registered,
		round_closed: m.contest_err_round_closed,
		no_attempts_left: m.contest_err_no_attempts_left,
		pool_short: m.contest_err_pool_short,
		attempt_closed: m.contest_err_attempt_closed,
		question_not_in_attempt: m.contest_err_question_not_in_attempt,
		bad_answer: m.contest_err_bad_answer,
		prediction_invalid: m.contest_err_prediction_invalid,
		prediction_late: m.integrity_err_prediction_late,
		entry_cap: m.integrity_err_entry_cap
	};
	return messages[code]({}, { locale });
}

export function contestErrorStatus(code: ContestError): number {
	if (code === 'not_found') return 404;
	if (
		code === 'attempt_closed' ||
		code === 'no_attempts_left' ||
		code === 'round_closed' ||
		code === 'prediction_late'
	)
		return 409;
	if (code === 'entry_cap') return 429;
	if (code === 'staff_excluded') return 403;
	return 400;
}

/** The message for a failed start form (nickname, rate limit or a start error). */
export function beginErrorMessage(
	failure: { error: 'nickname' | 'rate_limited'; retryAfterSec?: number } | { error: StartError }
): string {
	if (failure.error === 'nickname') return m.practice_err_nickname();
	if (failure.error === 'rate_limited')
		return m.practice_err_rate_limited({
			seconds: 'retryAfterSec' in failure ? (failure.retryAfterSec ?? 60) : 60
		});
	return practiceErrorMessage(failure.error);
}

/** Account form errors as messages. */
export function accountErrorMessages(
	errors: Partial<Record<string, AccountError>>
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [field, code] of Object.entries(errors)) {
		if (!code) continue;
		out[field] = {
			full_name: () => m.practice_err_full_name(),
			phone: () => m.practice_err_phone(),
			phone_taken: () => m.practice_err_phone_taken(),
			email: () => m.practice_err_email(),
			email_taken: () => m.practice_err_email_taken(),
			contact: () => m.practice_err_contact(),
			password: () =>
				m.practice_err_password({ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
			unit: () => m.practice_err_unit()
		}[code]();
	}
	return out;
}

/** Contest settings errors as messages. */
export function contestFieldMessages(
	errors: Partial<Record<ContestFieldError, true>>
): Record<string, string> {
	const text: Record<ContestFieldError, () => string> = {
		title: m.contest_org_err_title,
		description: m.contest_org_err_description,
		banks: m.contest_org_err_banks,
		mix: m.contest_org_err_mix,
		time: m.contest_org_err_time,
		attempts: m.contest_org_err_attempts,
		prediction: m.contest_org_err_prediction,
		minTime: m.integrity_org_err_min_time,
		entryCap: m.integrity_org_err_entry_cap
	};
	return Object.fromEntries(
		(Object.keys(errors) as ContestFieldError[]).map((field) => [field, text[field]()])
	);
}

export function publishBlockerMessage(blocker: PublishBlocker): string {
	return {
		rounds: m.contest_org_err_publish_rounds,
		units: m.contest_org_err_publish_units,
		pool: m.contest_org_err_publish_pool
	}[blocker]();
}

export function roundErrorMessage(error: RoundError, overlapWith = ''): string {
	if (error === 'title') return m.contest_org_err_round_title();
	if (error === 'dates') return m.contest_org_err_round_dates();
	return m.contest_org_err_round_overlap({ round: overlapWith });
}
