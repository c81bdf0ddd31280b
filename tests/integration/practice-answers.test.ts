import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, MIN, T0, type World } from './practice-fixtures';
import {
	createGuest,
	getParticipant,
	saveAccount
} from '../../src/lib/server/db/queries/participants';
import { queuePracticeAnswer, submitPracticeAnswer } from '../../src/lib/server/practice/answer';
import {
	sessionSummary,
	startBankSession,
	startDailySession,
	startReviewSession,
	viewSession
} from '../../src/lib/server/practice/sessions';
import { reviewSummary, listBadges } from '../../src/lib/server/db/queries/practice';
import { playerStanding, topPlayers, topUnits } from '../../src/lib/server/db/queries/leaderboards';
import { resetPoolCache } from '../../src/lib/server/practice/pool';
import { practiceSession } from '../../src/lib/server/db/schema';
import { DAY_MS, weekKey } from '../../src/lib/practice/calendar';

const RIGHT = { type: 'single', choice: 0 };
const WRONG = { type: 'single', choice: 1 };

async function guest(w: World, name = 'Cá Vàng') {
	return (await createGuest(w.db, name, T0)).id;
}

async function start(w: World, pid: number, now = T0) {
	const s = await startBankSession(w.app, pid, w.bankA, now, 1);
	if (!s.ok) throw new Error(s.error);
	return s.session;
}

/** Answer the session's current question. */
async function answer(w: World, pid: number, sessionId: number, value: unknown, now: number) {
	const view = (await viewSession(w.db, pid, sessionId))!;
	return submitPracticeAnswer(w.app, {
		participantId: pid,
		sessionId,
		questionId: view.current!.id,
		answer: value,
		now
	});
}

describe('a practice session', () => {
	it('asks ten questions of a published bank one at a time, without the key, and reveals after each answer', async () => {
		const w = await makeWorld();
		const pid = await guest(w);
		const session = await start(w, pid);
		expect(session.questionIds).toHaveLength(10);
		const view = (await viewSession(w.db, pid, session.id))!;
		expect(view.current!.index).toBe(0);
		expect(JSON.stringify(view.current!.question)).not.toMatch(/correct|explanation|citation/);
		const result = await answer(w, pid, session.id, RIGHT, T0 + 1000);
		expect(result).toMatchObject({
			ok: true,
			data: { correct: true, xp: expect.any(Number), answered: 1, total: 10, finished: false }
		});
		if (!result.ok) return;
		expect(result.data.reveal.citation?.document).toBeTruthy();
		expect(result.data.reveal.explanation).toMatch(/Giải thích/);
		expect((await viewSession(w.db, pid, session.id))!.current!.index).toBe(1);
	});

	it('refuses private banks, other people’s sessions, forged and out-of-turn questions', async () => {
		const w = await makeWorld();
		const pid = await guest(w);
		expect(await startBankSession(w.app, pid, w.privateBank, T0)).toEqual({
			ok: false,
			error: 'not_found'
		});
		const session = await start(w, pid);
		const other = await guest(w, 'Người khác');
		const args = {
			sessionId: session.id,
			questionId: session.questionIds[0],
			answer: RIGHT,
			now: T0
		};
		expect(await submitPracticeAnswer(w.app, { ...args, participantId: other })).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(
			await submitPracticeAnswer(w.app, { ...args, participantId: pid, questionId: 999_999 })
		).toEqual({
			ok: false,
			error: 'wrong_question'
		});
		expect(
			await submitPracticeAnswer(w.app, {
				...args,
				participantId: pid,
				questionId: session.questionIds[1]
			})
		).toEqual({
			ok: false,
			error: 'wrong_question'
		});
		expect(
			await submitPracticeAnswer(w.app, {
				...args,
				participantId: pid,
				answer: { type: 'single', choice: 7 }
			})
		).toEqual({
			ok: false,
			error: 'bad_answer'
		});
		expect(await getParticipant(w.db, pid)).toMatchObject({ xp: 0, answered: 0 });
	});

	it('treats a repeated submission as the same answer and changes nothing', async () => {
		const w = await makeWorld();
		const pid = await guest(w);
		const session = await start(w, pid);
		const args = {
			participantId: pid,
			sessionId: session.id,
			questionId: session.questionIds[0],
			now: T0
		};
		const first = await submitPracticeAnswer(w.app, { ...args, answer: RIGHT });
		const again = await submitPracticeAnswer(w.app, { ...args, answer: WRONG });
		expect(again).toMatchObject({ ok: true, data: { correct: true, repeated: true } });
		expect((await getParticipant(w.db, pid))!.xp).toBe(first.ok ? first.data.totalXp : -1);
		expect((await getParticipant(w.db, pid))!.answered).toBe(1);
	});

	it('counts an answer sent twice at once only once, whichever path each copy takes', async () => {
		const w = await makeWorld();
		const pid = await guest(w);
		const session = await start(w, pid);
		const args = {
			participantId: pid,
			sessionId: session.id,
			questionId: session.questionIds[0],
			answer: RIGHT,
			now: T0
		};
		// Two transactions at once (on PostgreSQL, two connections) and one in the group commit.
		const results = await Promise.all([
			submitPracticeAnswer(w.app, args),
			submitPracticeAnswer(w.app, args),
			queuePracticeAnswer(w.app, args)
		]);
		expect(results.every((r) => r.ok && r.data.correct)).toBe(true);
		expect(results.filter((r) => r.ok && !r.data.repeated)).toHaveLength(1);
		const paid = results.find((r) => r.ok && !r.data.repeated);
		const p = (await getParticipant(w.db, pid))!;
		expect(p).toMatchObject({ answered: 1, correct: 1 });
		expect(p.xp).toBe(paid?.ok ? paid.data.totalXp : -1);
		const [row] = await w.db
			.select()
			.from(practiceSession)
			.where(eq(practiceSession.id, session.id));
		expect(row).toMatchObject({ answered: 1, correct: 1, xp: p.xp });
	});

	it('finishes with a summary, pays full XP only once per question, and a perfect session earns a badge', async () => {
		const w = await makeWorld();
		const pid = await guest(w);
		const s1 = await start(w, pid);
		let xp = 0;
		for (let i = 0; i < 10; i++) {
			const r = await answer(w, pid, s1.id, RIGHT, T0 + i * 1000);
			if (r.ok) xp += r.data.xp;
		}
		expect((await viewSession(w.db, pid, s1.id))!.current).toBeNull();
		expect(await sessionSummary(w.db, pid, s1.id)).toHaveLength(10);
		const badges = (await listBadges(w.db, pid)).map((b) => b.code);
		expect(badges).toEqual(expect.arrayContaining(['first-correct', 'perfect-session']));
		// Ten of twelve questions: one of the two laws has all its questions answered right.
		expect(badges.filter((code) => code.startsWith('law:')).length).toBeGreaterThanOrEqual(1);
		// A second session: the two questions never seen come first, then known ones pay 1 XP.
		const s2 = await start(w, pid, T0 + MIN);
		const fresh = s2.questionIds.slice(0, 2);
		expect(fresh.every((id) => !s1.questionIds.includes(id))).toBe(true);
		const paid: number[] = [];
		for (let i = 0; i < 10; i++) {
			const r = await answer(w, pid, s2.id, RIGHT, T0 + MIN + i * 1000);
			if (r.ok) paid.push(r.data.xp);
		}
		expect(paid.slice(0, 2).every((x) => x >= 10)).toBe(true);
		expect(paid.slice(2)).toEqual(Array(8).fill(1));
		expect(paid.reduce((a, b) => a + b)).toBeLessThan(xp);
	});

	it('re-asks a mistake later, on the Leitner schedule, until it is learned', async () => {
		const w = await makeWorld();
		const pid = await guest(w);
		const session = await start(w, pid);
		await answer(w, pid, session.id, WRONG, T0);
		expect(await reviewSummary(w.db, pid, T0)).toEqual({ total: 1, due: 0, nextDueAt: T0 + MIN });
		expect(await startReviewSession(w.app, pid, 'Luyện lại', T0 + 30_000)).toEqual({
			ok: false,
			error: 'nothing_due'
		});
		const waits = [MIN, 10 * MIN, DAY_MS, 3 * DAY_MS];
		let now = T0;
		for (const wait of waits) {
			now += wait;
			const review = await startReviewSession(w.app, pid, 'Luyện lại', now);
			if (!review.ok) throw new Error(review.error);
			expect(review.session.questionIds).toEqual([session.questionIds[0]]);
			expect(await answer(w, pid, review.session.id, RIGHT, now)).toMatchObject({
				ok: true,
				data: { correct: true }
			});
		}
		expect((await reviewSummary(w.db, pid, now + 10 * DAY_MS)).total).toBe(0);
	});

	it('keeps a daily streak over consecutive days and pays today’s challenge bonus once a day', async () => {
		const w = await makeWorld();
		const pid = await guest(w);
		resetPoolCache(w.app);
		for (let day = 0; day < 3; day++) {
			const now = T0 + day * DAY_MS;
			for (let run = 0; run < 2; run++) {
				const daily = await startDailySession(w.app, pid, 'Thử thách hôm nay', now + run * MIN);
				if (!daily.ok) throw new Error(daily.error);
				expect(daily.session.questionIds).toHaveLength(5);
				let bonus = 0;
				for (let i = 0; i < 5; i++) {
					const r = await answer(w, pid, daily.session.id, RIGHT, now + run * MIN + i);
					if (r.ok) bonus += r.data.dailyBonus;
				}
				expect(bonus).toBe(run === 0 ? 30 : 0);
			}
		}
		expect(await getParticipant(w.db, pid)).toMatchObject({ streakCurrent: 3, streakBest: 3 });
		expect((await listBadges(w.db, pid)).map((b) => b.code)).toContain('streak-3');
		// Skipping a day restarts the streak at the next right answer.
		const later = await start(w, pid, T0 + 4 * DAY_MS);
		await answer(w, pid, later.id, RIGHT, T0 + 4 * DAY_MS);
		expect(await getParticipant(w.db, pid)).toMatchObject({ streakCurrent: 1, streakBest: 3 });
	});
});

describe('leaderboards', () => {
	it('are counters: weekly and all-time per person and per unit, moving with a guest who joins a unit', async () => {
		const w = await makeWorld();
		const a = await guest(w, 'An');
		const b = await guest(w, 'Bình');
		const week = weekKey(T0);
		const play = async (pid: number, right: number, now: number) => {
			const s = await start(w, pid, now);
			for (let i = 0; i < 10; i++) await answer(w, pid, s.id, i < right ? RIGHT : WRONG, now + i);
		};
		await play(a, 1, T0);
		await play(b, 5, T0);
		const aXp = (await getParticipant(w.db, a))!.xp;
		expect((await topPlayers(w.db, 'week', week, 10)).map((r) => r.name)).toEqual(['Bình', 'An']);
		expect(await playerStanding(w.db, a, 'week', week)).toEqual({ xp: aXp, rank: 2 });
		expect((await playerStanding(w.db, b, 'all', week)).rank).toBe(1);
		await saveAccount(
			w.db,
			a,
			{ fullName: 'Nguyễn Văn An', phone: '0912345678', email: null, unitId: w.units[0] },
			week
		);
		expect(await topUnits(w.db, 'all', week, 10)).toEqual([
			expect.objectContaining({ unitId: w.units[0], xp: aXp, players: 1 })
		]);
		await play(a, 10, T0 + 7 * DAY_MS);
		const nextWeek = weekKey(T0 + 7 * DAY_MS);
		expect((await topPlayers(w.db, 'week', nextWeek, 10)).map((r) => [r.name, r.unitName])).toEqual(
			[['Nguyễn Văn An', 'CĐCS Công ty May 10']]
		);
		const all = (await topUnits(w.db, 'all', nextWeek, 10))[0];
		expect(all.xp).toBe((await getParticipant(w.db, a))!.xp);
		expect((await topUnits(w.db, 'week', nextWeek, 10))[0].players).toBe(1);
		await saveAccount(
			w.db,
			a,
			{ fullName: 'Nguyễn Văn An', phone: '0912345678', email: null, unitId: w.units[1] },
			nextWeek
		);
		expect((await topUnits(w.db, 'all', nextWeek, 10)).map((u) => u.unitId)).toEqual([w.units[1]]);
		const sessions = await w.db
			.select()
			.from(practiceSession)
			.where(eq(practiceSession.participantId, a));
		expect(sessions).toHaveLength(2);
	});
});
