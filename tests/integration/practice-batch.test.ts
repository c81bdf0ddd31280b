import { describe, expect, it } from 'vitest';
import { makeWorld, T0 } from './practice-fixtures';
import { createBatcher } from '../../src/lib/server/practice/batch';
import { createGuest, getParticipant } from '../../src/lib/server/db/queries/participants';
import { queuePracticeAnswer } from '../../src/lib/server/practice/answer';
import { startBankSession } from '../../src/lib/server/practice/sessions';

describe('group commit', () => {
	it('commits the answers of one turn together, each with its own result', async () => {
		const w = makeWorld();
		const players = Array.from({ length: 20 }, (_, i) => createGuest(w.db, `P${i}`, T0).id);
		const sessions = players.map((pid) => {
			const s = startBankSession(w.app, pid, w.bankA, T0, 1);
			if (!s.ok) throw new Error(s.error);
			return { pid, s: s.session };
		});
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
			expect(getParticipant(w.db, pid)!.answered).toBe(i === 3 ? 0 : 1);
		}
	});

	it('rolls back only the item that threw', async () => {
		const w = makeWorld();
		w.db.$client.exec('CREATE TABLE t (v INTEGER NOT NULL)');
		const insert = w.db.$client.prepare('INSERT INTO t (v) VALUES (?)');
		const queue = createBatcher(w.db, (v: number) => {
			insert.run(v);
			if (v === 2) throw new Error('boom');
			return v * 10;
		});
		const settled = await Promise.allSettled([1, 2, 3].map((v) => queue(v)));
		expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(w.db.$client.prepare('SELECT v FROM t ORDER BY v').all()).toEqual([{ v: 1 }, { v: 3 }]);
	});
});
