import { m } from '../../paraglide/messages.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';
import type { AccountFieldError } from './accounts';

/** Turn account field error keys into messages in the current request's language. */
export function accountErrorMessages(
	errors: Partial<Record<string, AccountFieldError | 'current_password'>>
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [field, key] of Object.entries(errors)) {
		if (!key) continue;
		out[field] = {
			username: () => m.auth_err_username(),
			username_taken: () => m.auth_err_username_taken(),
			display_name: () => m.auth_err_display_name(),
			password_length: () =>
				m.auth_err_password_length({ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
			password_match: () => m.auth_err_password_match(),
			current_password: () => m.auth_err_current_password()
		}[key]();
	}
	return out;
}
