/**
 * Contest questions held back from public practice (anti-cheat, docs/contests.md): while a
 * published contest has a round not yet closed, the questions of its banks are not served by
 * practice — no session starts on them, today's challenge and the mistakes list skip them, and an
 * answer to one (in a session started before) is refused — so no answer key gets out during the
 * contest — unless the organizer confirmed in the contest form that they stay open to practice
 * (`practice_while_open`, answer keys public). Cached for a few seconds per database: the practice answer path only looks up a Set.
 */
import type { Db } from '../db';
import { listHeldBankIds, listQuestionIdsOfBanks } from '../db/queries/held';

export const HELD_TTL_MS = 10_000;

interface Held {
	at: number;
	banks: Set<number>;
	questions: Set<number>;
}

const cache = new WeakMap<Db, Held>();

function load(db: Db, now: number): Held {
	const banks = listHeldBankIds(db, now);
	return { at: now, banks, questions: listQuestionIdsOfBanks(db, banks) };
}

function held(db: Db, now: number): Held {
	const hit = cache.get(db);
	if (hit && now - hit.at < HELD_TTL_MS && now >= hit.at) return hit;
	const fresh = load(db, now);
	cache.set(db, fresh);
	return fresh;
}

/** Whether practice must not serve this bank now (a contest using it is not over). */
export function isBankHeld(db: Db, bankId: number, now: number): boolean {
	return held(db, now).banks.has(bankId);
}

/** Whether practice must not serve this question now. */
export function isQuestionHeld(db: Db, questionId: number, now: number): boolean {
	return held(db, now).questions.has(questionId);
}

/** `ids` without the held questions. */
export function withoutHeld(db: Db, ids: readonly number[], now: number): number[] {
	const { questions } = held(db, now);
	return questions.size === 0 ? [...ids] : ids.filter((id) => !questions.has(id));
}

/** Forget the cache (after an organizer publishes or changes a contest, and in tests). */
export function resetHeldCache(db: Db): void {
	cache.delete(db);
}
