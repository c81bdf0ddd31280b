/**
 * Participant accounts: a guest adds a full name, a phone number or an e-mail, a unit and a
 * password, and keeps everything earned as a guest. Signing in moves a device to the account.
 */
import type { Db } from '../db';
import { isUniqueViolation } from '../db/queries/unique-violation';
import type { Participant } from '../db/schema';
import {
	findAccount,
	getUnitById,
	isEmailTaken,
	isPhoneTaken,
	saveAccount
} from '../db/queries/participants';
import {
	dummyPasswordHash,
	hashPassword,
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	verifyPassword
} from '../auth/password';
import { normalizePhone } from '../../practice/phone';
import { weekKey } from '../../practice/calendar';
import type { PracticeLimitsApp } from './limits';

export type AccountError =
	'full_name' | 'phone' | 'phone_taken' | 'email' | 'email_taken' | 'contact' | 'password' | 'unit';

export interface AccountValues {
	fullName: string;
	phone: string;
	email: string;
	unitId: string;
}

const EMAIL_RE = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

/** Validate and save the account form; returns field errors (empty = saved). */
export async function saveAccountForm(
	db: Db,
	participant: Participant,
	form: FormData,
	now = Date.now()
): Promise<{
	values: AccountValues;
	errors: Partial<Record<keyof AccountValues | 'password', AccountError>>;
}> {
	const text = (key: string, max: number) =>
		String(form.get(key) ?? '')
			.trim()
			.slice(0, max);
	const values: AccountValues = {
		fullName: text('fullName', 200).replace(/\s+/g, ' '),
		phone: text('phone', 30),
		email: text('email', 254).toLowerCase(),
		unitId: text('unitId', 12)
	};
	const password = String(form.get('password') ?? '');
	const errors: Partial<Record<keyof AccountValues | 'password', AccountError>> = {};
	if (values.fullName.length < 2 || values.fullName.length > 80) errors.fullName = 'full_name';
	const phone = values.phone ? normalizePhone(values.phone) : null;
	if (values.phone && !phone) errors.phone = 'phone';
	else if (phone && (await isPhoneTaken(db, phone, participant.id))) errors.phone = 'phone_taken';
	if (values.email && !EMAIL_RE.test(values.email)) errors.email = 'email';
	else if (values.email && (await isEmailTaken(db, values.email, participant.id)))
		errors.email = 'email_taken';
	if (!values.phone && !values.email) errors.phone = 'contact';
	const needsPassword = participant.passwordHash === null || password !== '';
	if (
		needsPassword &&
		(password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)
	)
		errors.password = 'password';
	const unitId = values.unitId ? Number(values.unitId) : null;
	if (unitId !== null && (!Number.isInteger(unitId) || !(await getUnitById(db, unitId))))
		errors.unitId = 'unit';
	if (Object.keys(errors).length > 0) return { values, errors };
	const passwordHash = needsPassword ? await hashPassword(password) : undefined;
	try {
		await saveAccount(
			db,
			participant.id,
			{
				fullName: values.fullName,
				phone,
				email: values.email || null,
				unitId,
				...(passwordHash ? { passwordHash } : {})
			},
			weekKey(now)
		);
	} catch (err) {
		// Another account took the phone or e-mail while the password was hashed: same message.
		if (!isUniqueViolation(err)) throw err;
		const field = violatesEmail(err) ? 'email' : 'phone';
		return { values, errors: { [field]: `${field}_taken` as AccountError } };
	}
	return { values: { ...values, phone: phone ?? '' }, errors: {} };
}

/**
 * Whether a unique violation is the e-mail's (else the phone's): the driver's error, under
 * drizzle's, names it (SQLite: "UNIQUE constraint failed: participant.email", PostgreSQL: the
 * constraint `participant_email_unique`). drizzle's own message quotes the whole statement.
 */
export function violatesEmail(err: unknown): boolean {
	for (
		let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | null,
			depth = 0;
		e && depth < 4;
		depth++
	) {
		if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505')
			return String(e.constraint ?? e.message).includes('email');
		e = e.cause as typeof e;
	}
	return false;
}

export type SignInOutcome =
	| { ok: true; participantId: number }
	| { ok: false; reason: 'failed' }
	| { ok: false; reason: 'rate_limited'; retryAfterSec: number };

/** Check a phone-or-e-mail and password. Unknown logins cost as much time as wrong passwords. */
export async function checkParticipantLogin(
	app: { readonly db: Db } & PracticeLimitsApp,
	login: string,
	password: string
): Promise<SignInOutcome> {
	const phone = normalizePhone(login);
	const key = phone ?? login.trim().toLowerCase();
	const { db } = app;
	const limits = app.limiters.practice;
	const decision = await limits.loginPerAccount.consume(key);
	if (!decision.allowed)
		return { ok: false, reason: 'rate_limited', retryAfterSec: decision.retryAfterSec };
	const account = phone ? await findAccount(db, { phone }) : await findAccount(db, { email: key });
	if (!account?.passwordHash) {
		await verifyPassword(await dummyPasswordHash(), password);
		return { ok: false, reason: 'failed' };
	}
	if (!(await verifyPassword(account.passwordHash, password)))
		return { ok: false, reason: 'failed' };
	await limits.loginPerAccount.reset(key);
	return { ok: true, participantId: account.id };
}
