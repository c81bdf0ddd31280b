import { describe, expect, it } from 'vitest';
import { asc, like } from 'drizzle-orm';
import { makeWorld, T0 } from './practice-fixtures';
import { createBatcher } from '../../src/lib/server/practice/batch';
import { createGuest, getParticipant } from '../../src/lib/server/db/queries/participants';
import { queuePracticeAnswer } from '../../src/lib/server/practice/answer';
import { startBankSession } from '../../src/lib/server/practice/sessions';
import { organization } from '../../src/lib/server/db/schema';

describe('group commit', () => {
	it('commits the answers of one turn together, each with its own result', async () => {
		const w = await makeWorld();
		const players: number[] = [];
		for (let i = 0; i < 20; i++) players.push((await createGuest(w.db, `P${i}`, T0)).id);
		const sessions = [];
		for (const pid of players) {
			const s = await startBankSession(w.app, pid, w.bankA, T0, 1);
			if (!s.ok) throw new Error(s.error);
			sessions.push({ pid, s: s.session });
		}
		const results = await Promise.all(
			sessions.map(({ pid, s }, i) =>
				queuePracticeAnswer(w.app, {
					participantId: pid,
					sessionId: s.id,
					questionId: i === 3 ? 999_999 : s.questionIds[0],
					answer: { type: 'single', choice: 0 },
					now: T0 + i
				})
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(19);
		expect(results[3]).toEqual({ ok: false, error: 'wrong_question' });
		for (const [i, { pid }] of sessions.entries()) {
			expect((await getParticipant(w.db, pid))!.answered).toBe(i === 3 ? 0 : 1);
		}
	});

	it('rolls back only the item that threw', async () => {
		const w = await makeWorld();
		// Each item writes a row (an organization), then the second one throws after its write.
		const queue = createBatcher(w.db, async (tx, v: number) => {
			await tx
				.insert(organization)
				.values({ slug: `batch-${v}`, name: `Batch ${v}`, createdAt: new Date(T0) });
			if (v === 2) throw new Error('boom');
			return v * 10;
		});
		const settled = await Promise.allSettled([1, 2, 3].map((v) => queue(v)));
		expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : s.reason.message))).toEqual([
			10,
			'boom',
			30
		]);
		const rows = await w.db
			.select({ slug: organization.slug })
			.from(organization)
			.where(like(organization.slug, 'batch-%'))
			.orderBy(asc(organization.slug));
		expect(rows).toEqual([{ slug: 'batch-1' }, { slug: 'batch-3' }]);
	});
});
