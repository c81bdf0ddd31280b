/**
 * The banks and questions that published contests hold back from public practice while one of
 * their rounds is still open (anti-cheat, docs/contests.md). Read by `contest/held.ts`, which
 * caches the result for a few seconds.
 */
import { and, eq, exists, gt, inArray } from 'drizzle-orm';
import type { Db } from '../index';
import { contest, contestRound, question } from '../schema';

/** Bank ids used by a published contest that has a round closing after `now` (unless kept open). */
export function listHeldBankIds(db: Db, now: number): Set<number> {
	const rows = db
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
		)
		.all();
	return new Set(rows.flatMap((row) => row.bankIds));
}

/** Ids of the questions of these banks. */
export function listQuestionIdsOfBanks(db: Db, bankIds: Set<number>): Set<number> {
	if (bankIds.size === 0) return new Set();
	const rows = db
		.select({ id: question.id })
		.from(question)
		.where(inArray(question.bankId, [...bankIds]))
		.all();
	return new Set(rows.map((row) => row.id));
}
