/**
 * The banks and questions that published contests hold back from public practice while one of
 * their rounds is still open (anti-cheat, docs/contests.md). Read by `contest/held.ts`, which
 * caches the result for a few seconds.
 */
import { and, eq, exists, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { contest, contestRound, question } from '../schema';

/** Bank ids used by a published contest that has a round closing after `now` (unless kept open). */
export async function listHeldBankIds(db: DbOrTx, now: number): Promise<Set<number>> {
	const rows = await db
		.select({ bankIds: contest.bankIds })
		.from(contest)
		.where(
			and(
				eq(contest.status, 'published'),
				eq(contest.practiceWhileOpen, false),
				exists(
					db
						.select({ id: contestRound.id })
						.from(contestRound)
						.where(
							and(eq(contestRound.contestId, contest.id), gt(contestRound.closesAt, new Date(now)))
						)
				)
			)
		);
	return new Set(rows.flatMap((row) => row.bankIds));
}

/** Ids of the questions of these banks. */
export async function listQuestionIdsOfBanks(
	db: DbOrTx,
	bankIds: Set<number>
): Promise<Set<number>> {
	if (bankIds.size === 0) return new Set();
	const rows = await db
		.select({ id: question.id })
		.from(question)
		.where(inArray(question.bankId, [...bankIds]));
	return new Set(rows.map((row) => row.id));
}
