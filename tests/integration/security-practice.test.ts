import { describe, expect, it } from 'vitest';
import { makeWorld, MIN, T0 } from './practice-fixtures';
import { createGuest } from '../../src/lib/server/db/queries/participants';
import { updateBank } from '../../src/lib/server/db/queries/banks';
import { submitPracticeAnswer } from '../../src/lib/server/practice/answer';
import { startBankSession, viewSession } from '../../src/lib/server/practice/sessions';

describe('finding 16: an unpublished bank is no longer served to a running practice', async () => {
	it('stops showing questions and revealing answers once the organizer makes the bank private', async () => {
		const w = await makeWorld();
		const pid = (await createGuest(w.db, 'Cá Vàng', T0)).id;
		const started = await startBankSession(w.app, pid, w.bankA, T0, 1);
		if (!started.ok) throw new Error(started.error);
		const sessionId = started.session.id;
		const first = (await viewSession(w.db, pid, sessionId))!.current!;
		const answered = await submitPracticeAnswer(w.app, {
			participantId: pid,
			sessionId,
			questionId: first.id,
			answer: { type: 'single', choice: 0 },
			now: T0 + MIN
		});
		expect(answered.ok && answered.data.next).not.toBeNull();
		const next = answered.ok ? answered.data.next! : null;

		expect(await updateBank(w.db, w.orgA, w.bankA, { visibility: 'private' }, T0 + 2 * MIN)).toBe(
			true
		);

		// The page shows no further question…
		expect((await viewSession(w.db, pid, sessionId))!.current).toBeNull();
		// …and an answer to the question the phone already holds reveals nothing.
		expect(
			await submitPracticeAnswer(w.app, {
				participantId: pid,
				sessionId,
				questionId: next!.id,
				answer: { type: 'single', choice: 0 },
				now: T0 + 3 * MIN
			})
		).toEqual({ ok: false, error: 'question_gone' });
	});
});
