import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeWorld, MIN, T0, type World } from './practice-fixtures';
import {
	createGuest,
	getParticipant,
	saveAccount
} from '../../src/lib/server/db/queries/participants';
import { submitPracticeAnswer } from '../../src/lib/server/practice/answer';
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

function guest(w: World, name = 'Cá Vàng') {
	return createGuest(w.db, name, T0).id;
}

function start(w: World, pid: number, now = T0) {
	const s = startBankSession(w.app, pid, w.bankA, now, 1);
	if (!s.ok) throw new Error(s.error);
	return s.session;
}

/** Answer the session's current question. */
function answer(w: World, pid: number, sessionId: number, value: unknown, now: number) {
	const view = viewSession(w.db, pid, sessionId)!;
	return submitPracticeAnswer(w.app, {
		participantId: pid,
		sessionId,
		questionId: view.current!.id,
		answer: value,
		now
	});
}

describe('a practice session', () => {
	it('asks ten questions of a published bank one at a time, without the key, and reveals after each answer', () => {
		const w = makeWorld();
		const pid = guest(w);
		const session = start(w, pid);
		expect(session.questionIds).toHaveLength(10);
		const view = viewSession(w.db, pid, session.id)!;
		expect(view.current!.index).toBe(0);
		expect(JSON.stringify(view.current!.question)).not.toMatch(/correct|explanation|citation/);
		const result = answer(w, pid, session.id, RIGHT, T0 + 1000);
		expect(result).toMatchObject({
			ok: true,
			data: { correct: true, xp: expect.any(Number), answered: 1, total: 10, finished: false }
		});
		if (!result.ok) return;
		expect(result.data.reveal.citation?.document).toBeTruthy();
		expect(result.data.reveal.explanation).toMatch(/Giải thích/);
		expect(viewSession(w.db, pid, session.id)!.current!.index).toBe(1);
	});

	it('refuses private banks, other people’s sessions, forged and out-of-turn questions', () => {
		const w = makeWorld();
		const pid = guest(w);
		expect(startBankSession(w.app, pid, w.privateBank, T0)).toEqual({
			ok: false,
			error: 'not_found'
		});
		const session = start(w, pid);
		const other = guest(w, 'Người khác');
		const args = {
			sessionId: session.id,
			questionId: session.questionIds[0],
			answer: RIGHT,
			now: T0
		};
		expect(submitPracticeAnswer(w.app, { ...args, participantId: other })).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(
			submitPracticeAnswer(w.app, { ...args, participantId: pid, questionId: 999_999 })
		).toEqual({
			ok: false,
			error: 'wrong_question'
		});
		expect(
			submitPracticeAnswer(w.app, {
				...args,
				participantId: pid,
				questionId: session.questionIds[1]
			})
		).toEqual({
			ok: false,
			error: 'wrong_question'
		});
		expect(
			submitPracticeAnswer(w.app, {
				...args,
				participantId: pid,
				answer: { type: 'single', choice: 7 }
			})
		).toEqual({
			ok: false,
			error: 'bad_answer'
		});
		expect(getParticipant(w.db, pid)).toMatchObject({ xp: 0, answered: 0 });
	});

	it('treats a repeated submission as the same answer and changes nothing', () => {
		const w = makeWorld();
		const pid = guest(w);
		const session = start(w, pid);
		const args = {
			participantId: pid,
			sessionId: session.id,
			questionId: session.questionIds[0],
			now: T0
		};
		const first = submitPracticeAnswer(w.app, { ...args, answer: RIGHT });
		const again = submitPracticeAnswer(w.app, { ...args, answer: WRONG });
		expect(again).toMatchObject({ ok: true, data: { correct: true, repeated: true } });
		expect(getParticipant(w.db, pid)!.xp).toBe(first.ok ? first.data.totalXp : -1);
		expect(getParticipant(w.db, pid)!.answered).toBe(1);
	});

	it('finishes with a summary, pays full XP only once per question, and a perfect session earns a badge', () => {
		const w = makeWorld();
		const pid = guest(w);
		const s1 = start(w, pid);
		let xp = 0;
		for (let i = 0; i < 10; i++) {
			const r = answer(w, pid, s1.id, RIGHT, T0 + i * 1000);
			if (r.ok) xp += r.data.xp;
		}
		expect(viewSession(w.db, pid, s1.id)!.current).toBeNull();
		expect(sessionSummary(w.db, pid, s1.id)).toHaveLength(10);
		const badges = listBadges(w.db, pid).map((b) => b.code);
		expect(badges).toEqual(expect.arrayContaining(['first-correct', 'perfect-session']));
		// Ten of twelve questions: one of the two laws has all its questions answered right.
		expect(badges.filter((code) => code.startsWith('law:')).length).toBeGreaterThanOrEqual(1);
		// A second session: the two questions never seen come first, then known ones pay 1 XP.
		const s2 = start(w, pid, T0 + MIN);
		const fresh = s2.questionIds.slice(0, 2);
		expect(fresh.every((id) => !s1.questionIds.includes(id))).toBe(true);
		const paid: number[] = [];
		for (let i = 0; i < 10; i++) {
			const r = answer(w, pid, s2.id, RIGHT, T0 + MIN + i * 1000);
			if (r.ok) paid.push(r.data.xp);
		}
		expect(paid.slice(0, 2).every((x) => x >= 10)).toBe(true);
		expect(paid.slice(2)).toEqual(Array(8).fill(1));
		expect(paid.reduce((a, b) => a + b)).toBeLessThan(xp);
	});

	it('re-asks a mistake later, on the Leitner schedule, until it is learned', () => {
		const w = makeWorld();
		const pid = guest(w);
		const session = start(w, pid);
		answer(w, pid, session.id, WRONG, T0);
		expect(reviewSummary(w.db, pid, T0)).toEqual({ total: 1, due: 0, nextDueAt: T0 + MIN });
		expect(startReviewSession(w.app, pid, 'Luyện lại', T0 + 30_000)).toEqual({
			ok: false,
			error: 'nothing_due'
		});
		const waits = [MIN, 10 * MIN, DAY_MS, 3 * DAY_MS];
		let now = T0;
		for (const wait of waits) {
			now += wait;
			const review = startReviewSession(w.app, pid, 'Luyện lại', now);
			if (!review.ok) throw new Error(review.error);
			expect(review.session.questionIds).toEqual([session.questionIds[0]]);
			expect(answer(w, pid, review.session.id, RIGHT, now)).toMatchObject({
				ok: true,
				data: { correct: true }
			});
		}
		expect(reviewSummary(w.db, pid, now + 10 * DAY_MS).total).toBe(0);
	});

	it('keeps a daily streak over consecutive days and pays today’s challenge bonus once a day', () => {
		const w = makeWorld();
		const pid = guest(w);
		resetPoolCache(w.app);
		for (let day = 0; day < 3; day++) {
			const now = T0 + day * DAY_MS;
			for (let run = 0; run < 2; run++) {
				const daily = startDailySession(w.app, pid, 'Thử thách hôm nay', now + run * MIN);
				if (!daily.ok) throw new Error(daily.error);
				expect(daily.session.questionIds).toHaveLength(5);
				let bonus = 0;
				for (let i = 0; i < 5; i++) {
					const r = answer(w, pid, daily.session.id, RIGHT, now + run * MIN + i);
					if (r.ok) bonus += r.data.dailyBonus;
				}
				expect(bonus).toBe(run === 0 ? 30 : 0);
			}
		}
		expect(getParticipant(w.db, pid)).toMatchObject({ streakCurrent: 3, streakBest: 3 });
		expect(listBadges(w.db, pid).map((b) => b.code)).toContain('streak-3');
		// Skipping a day restarts the streak at the next right answer.
		const later = start(w, pid, T0 + 4 * DAY_MS);
		answer(w, pid, later.id, RIGHT, T0 + 4 * DAY_MS);
		expect(getParticipant(w.db, pid)).toMatchObject({ streakCurrent: 1, streakBest: 3 });
	});
});

describe('leaderboards', () => {
	it('are counters: weekly and all-time per person and per unit, moving with a guest who joins a unit', () => {
		const w = makeWorld();
		const a = guest(w, 'An');
		const b = guest(w, 'Bình');
		const week = weekKey(T0);
		const play = (pid: number, right: number, now: number) => {
			const s = start(w, pid, now);
			for (let i = 0; i < 10; i++) answer(w, pid, s.id, i < right ? RIGHT : WRONG, now + i);
		};
		play(a, 1, T0);
		play(b, 5, T0);
		const aXp = getParticipant(w.db, a)!.xp;
		expect(topPlayers(w.db, 'week', week, 10).map((r) => r.name)).toEqual(['Bình', 'An']);
		expect(playerStanding(w.db, a, 'week', week)).toEqual({ xp: aXp, rank: 2 });
		expect(playerStanding(w.db, b, 'all', week).rank).toBe(1);
		saveAccount(
			w.db,
			a,
			{ fullName: 'Nguyễn Văn An', phone: '0912345678', email: null, unitId: w.units[0] },
			week
		);
		expect(topUnits(w.db, 'all', week, 10)).toEqual([
			expect.objectContaining({ unitId: w.units[0], xp: aXp, players: 1 })
		]);
		play(a, 10, T0 + 7 * DAY_MS);
		const nextWeek = weekKey(T0 + 7 * DAY_MS);
		expect(topPlayers(w.db, 'week', nextWeek, 10).map((r) => [r.name, r.unitName])).toEqual([
			['Nguyễn Văn An', 'CĐCS Công ty May 10']
		]);
		const all = topUnits(w.db, 'all', nextWeek, 10)[0];
		expect(all.xp).toBe(getParticipant(w.db, a)!.xp);
		expect(topUnits(w.db, 'week', nextWeek, 10)[0].players).toBe(1);
		saveAccount(
			w.db,
			a,
			{ fullName: 'Nguyễn Văn An', phone: '0912345678', email: null, unitId: w.units[1] },
			nextWeek
		);
		expect(topUnits(w.db, 'all', nextWeek, 10).map((u) => u.unitId)).toEqual([w.units[1]]);
		const sessions = w.db
			.select()
			.from(practiceSession)
			.where(eq(practiceSession.participantId, a))
			.all();
		expect(sessions).toHaveLength(2);
	});
});
