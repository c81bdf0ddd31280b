/**
 * Contest questions held back from public practice (anti-cheat, docs/contests.md): while a
 * published contest has a round not yet closed, the questions of its banks are not served by
 * practice — no session starts on them, today's challenge and the mistakes list skip them, and an
 * answer to one (in a session started before) is refused — so no answer key gets out during the
 * contest — unless the organizer confirmed in the contest form that they stay open to practice
 * (`practice_while_open`, answer keys public). Cached for a few seconds per app
 * (`AppCaches.heldBanks`): the practice answer path only looks up a Set.
 */
import type { Db } from '../db';
import { listHeldBankIds, listQuestionIdsOfBanks } from '../db/queries/held';

export const HELD_TTL_MS = 10_000;

interface Held {
	at: number;
	banks: Set<number>;
	questions: Set<number>;
}

/** The app's held banks and questions, reloaded every HELD_TTL_MS. */
export interface HeldCache {
	current: Held | null;
}

export function createHeldCache(): HeldCache {
	return { current: null };
}

/** What these functions need of the app (`AppContext` fits). */
export interface HeldApp {
	readonly db: Db;
	readonly caches: { readonly heldBanks: HeldCache };
}

async function held({ db, caches }: HeldApp, now: number): Promise<Held> {
	const hit = caches.heldBanks.current;
	if (hit && now - hit.at < HELD_TTL_MS && now >= hit.at) return hit;
	const banks = await listHeldBankIds(db, now);
	const fresh = { at: now, banks, questions: await listQuestionIdsOfBanks(db, banks) };
	caches.heldBanks.current = fresh;
	return fresh;
}

/** Whether practice must not serve this bank now (a contest using it is not over). */
export async function isBankHeld(app: HeldApp, bankId: number, now: number): Promise<boolean> {
	return (await held(app, now)).banks.has(bankId);
}

/** Whether practice must not serve this question now. */
export async function isQuestionHeld(
	app: HeldApp,
	questionId: number,
	now: number
): Promise<boolean> {
	return (await held(app, now)).questions.has(questionId);
}

/** `ids` without the held questions. */
export async function withoutHeld(
	app: HeldApp,
	ids: readonly number[],
	now: number
): Promise<number[]> {
	const { questions } = await held(app, now);
	return questions.size === 0 ? [...ids] : ids.filter((id) => !questions.has(id));
}

/** Forget the cache (after an organizer publishes or changes a contest, and in tests). */
export function resetHeldCache(app: HeldApp): void {
	app.caches.heldBanks.current = null;
}
