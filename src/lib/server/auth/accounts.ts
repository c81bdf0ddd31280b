import { and, eq, gt, isNull } from 'drizzle-orm';
import * as v from 'valibot';
import { affected, transaction, type Db, type DbOrTx } from '../db';
import { isUniqueViolation } from '../db/queries/unique-violation';
import { user, inviteToken, organization, type Role, type User, ROLES } from '../db/schema';
import {
	hashPassword,
	verifyPassword,
	dummyPasswordHash,
	PASSWORD_MIN_LENGTH,
	PASSWORD_MAX_LENGTH
} from './password';
import { generateToken, hashToken, invalidateUserSessions } from './session';
import type { LoginGuard } from './login-guard';
import { DEMO_ORG_SLUG } from '../seed';

const INVITE_MS = 7 * 24 * 60 * 60 * 1000;

/** Field errors are message keys; the route turns them into the user's language. */
export type AccountFieldError =
	'username' | 'username_taken' | 'display_name' | 'password_length' | 'password_match';

export const USERNAME_RE = /^[a-z0-9._-]{3,32}$/;

export const NewAccountSchema = v.object({
	username: v.pipe(v.string(), v.trim(), v.toLowerCase()),
	displayName: v.pipe(v.string(), v.trim()),
	password: v.string(),
	passwordConfirm: v.string()
});
export type NewAccountInput = v.InferOutput<typeof NewAccountSchema>;

/** Check a new account's fields; returns field → error key (empty when valid). */
export async function checkNewAccount(
	db: Db,
	input: NewAccountInput
): Promise<Partial<Record<string, AccountFieldError>>> {
	const errors: Partial<Record<string, AccountFieldError>> = {};
	if (!USERNAME_RE.test(input.username)) errors.username = 'username';
	else if (
		(await db.select({ id: user.id }).from(user).where(eq(user.username, input.username))).length
	)
		errors.username = 'username_taken';
	if (input.displayName.length < 1 || input.displayName.length > 80)
		errors.displayName = 'display_name';
	Object.assign(errors, checkPassword(input.password, input.passwordConfirm));
	return errors;
}

export function checkPassword(
	password: string,
	confirm: string
): Partial<Record<string, AccountFieldError>> {
	if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)
		return { password: 'password_length' };
	if (password !== confirm) return { passwordConfirm: 'password_match' };
	return {};
}

/** A username another account took first (the sequential check passed, the insert lost the race). */
export class UsernameTakenError extends Error {
	override name = 'UsernameTakenError';
}

/** The set-up or invitation link was used by a concurrent request. */
class LinkUsedError extends Error {}

/**
 * Create a staff account. Creating any admin uses up the first-run set-up link (it exists only to
 * create the first admin, however that admin came to be: set-up page, invitation or CLI).
 * Throws UsernameTakenError when the name was taken in the meantime.
 */
export async function createUser(
	db: Db,
	input: {
		organizationId: number;
		username: string;
		displayName: string;
		password: string;
		role: Role;
		isPlatformAdmin?: boolean;
	},
	now = Date.now(),
	/** Runs on the transaction's `tx` before the insert; false aborts (nothing is written). */
	claim: (tx: DbOrTx) => Promise<boolean> = async () => true
): Promise<User> {
	const passwordHash = await hashPassword(input.password);
	try {
		return await transaction(db, async (tx) => {
			if (!(await claim(tx))) throw new LinkUsedError();
			const [created] = await tx
				.insert(user)
				.values({
					organizationId: input.organizationId,
					username: input.username,
					displayName: input.displayName,
					passwordHash,
					role: input.role,
					isPlatformAdmin: input.isPlatformAdmin ?? false,
					createdAt: new Date(now)
				})
				.returning();
			if (input.role === 'admin') await closeSetupLinks(tx, now);
			return created;
		});
	} catch (err) {
		if (isUniqueViolation(err)) throw new UsernameTakenError(input.username);
		throw err;
	}
}

/** Mark every open set-up link used. */
async function closeSetupLinks(db: DbOrTx, now: number): Promise<void> {
	await db
		.update(inviteToken)
		.set({ usedAt: new Date(now) })
		.where(and(eq(inviteToken.kind, 'setup'), isNull(inviteToken.usedAt)));
}

export type LoginResult =
	| { ok: true; user: User }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate_limited'; retryAfterSec: number };

/**
 * Check credentials under the login guard's budgets (login-guard.ts): per address, per account
 * and browser (or address), and per account overall. `device` is the browser's device cookie.
 */
export async function login(
	db: Db,
	username: string,
	password: string,
	ip: string,
	device: string | undefined,
	guard: LoginGuard
): Promise<LoginResult> {
	const name = username.trim().toLowerCase();
	const admitted = await guard.admit(name, ip, device);
	if (!admitted.allowed)
		return { ok: false, reason: 'rate_limited', retryAfterSec: admitted.retryAfterSec };
	const [row] = await db.select().from(user).where(eq(user.username, name));
	const valid =
		row && !row.disabledAt
			? await verifyPassword(row.passwordHash, password)
			: await verifyPassword(await dummyPasswordHash(), password).then(() => false);
	if (!row || !valid) {
		await guard.failed(name, ip, device);
		return { ok: false, reason: 'invalid' };
	}
	await guard.succeeded(name, ip, device);
	return { ok: true, user: row };
}

export async function changePassword(
	db: Db,
	userId: number,
	current: string,
	next: string,
	confirm: string
): Promise<Partial<Record<string, AccountFieldError | 'current_password'>>> {
	const [row] = await db.select().from(user).where(eq(user.id, userId));
	if (!row || !(await verifyPassword(row.passwordHash, current)))
		return { currentPassword: 'current_password' };
	const errors = checkPassword(next, confirm);
	if (Object.keys(errors).length) return errors;
	const passwordHash = await hashPassword(next);
	await db.update(user).set({ passwordHash }).where(eq(user.id, userId));
	await invalidateUserSessions(db, userId);
	return {};
}

/** Reset a password from the command line; ends the user's sessions. */
export async function resetPassword(db: Db, username: string, password: string): Promise<boolean> {
	const [row] = await db.select().from(user).where(eq(user.username, username));
	if (!row) return false;
	const passwordHash = await hashPassword(password);
	await db.update(user).set({ passwordHash }).where(eq(user.id, row.id));
	await invalidateUserSessions(db, row.id);
	return true;
}

export interface OpenToken {
	id: string;
	kind: 'setup' | 'invite';
	role: Role;
	organizationId: number;
	organizationName: string;
}

/** Find an unused, unexpired set-up or invitation token. The set-up token targets the demo organization. */
export async function findOpenToken(
	db: Db,
	token: string,
	now = Date.now()
): Promise<OpenToken | undefined> {
	const [row] = await db
		.select()
		.from(inviteToken)
		.where(
			and(
				eq(inviteToken.id, hashToken(token)),
				isNull(inviteToken.usedAt),
				gt(inviteToken.expiresAt, new Date(now))
			)
		);
	if (!row) return undefined;
	// The set-up link creates the first account only: once anyone exists (CLI, restore) it is dead.
	if (row.kind === 'setup' && (await db.select({ id: user.id }).from(user).limit(1)).length)
		return undefined;
	const [org] = await db
		.select()
		.from(organization)
		.where(
			row.organizationId
				? eq(organization.id, row.organizationId)
				: eq(organization.slug, DEMO_ORG_SLUG)
		);
	if (!org) return undefined;
	return {
		id: row.id,
		kind: row.kind,
		role: row.role,
		organizationId: org.id,
		organizationName: org.name
	};
}

/**
 * Use a set-up/invitation token to create an account. The token is claimed with one
 * `UPDATE … WHERE used_at IS NULL` in the account's transaction: of two concurrent requests only
 * the one that changed the row creates an account; the other gets 'used' and nothing is written.
 */
export async function redeemToken(
	db: Db,
	open: OpenToken,
	input: NewAccountInput,
	now = Date.now()
): Promise<User | 'used'> {
	const claim = async (tx: DbOrTx) =>
		affected(
			await tx
				.update(inviteToken)
				.set({ usedAt: new Date(now) })
				.where(
					and(
						eq(inviteToken.id, open.id),
						isNull(inviteToken.usedAt),
						gt(inviteToken.expiresAt, new Date(now))
					)
				)
		) === 1;
	try {
		return await createUser(
			db,
			{
				organizationId: open.organizationId,
				username: input.username,
				displayName: input.displayName,
				password: input.password,
				role: open.role,
				isPlatformAdmin: open.kind === 'setup'
			},
			now,
			claim
		);
	} catch (err) {
		if (err instanceof LinkUsedError) return 'used';
		throw err;
	}
}

/** Create an invitation link token for `role` in an organization. */
export async function createInvite(
	db: Db,
	organizationId: number,
	role: Role,
	createdBy: number,
	now = Date.now()
): Promise<string> {
	if (!ROLES.includes(role)) throw new Error('unknown role');
	const token = generateToken();
	await db.insert(inviteToken).values({
		id: hashToken(token),
		kind: 'invite',
		organizationId,
		role,
		createdBy,
		expiresAt: new Date(now + INVITE_MS)
	});
	return token;
}
