import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeContest, makeWorld, MIN, T0, type World } from './practice-fixtures';
import { createGuest } from '../../src/lib/server/db/queries/participants';
import {
	checkRegistration,
	closeOverdue,
	loadAttempt,
	parsePrediction,
	registerEntry,
	saveAttemptAnswer,
	startAttempt,
	submitAttempt
} from '../../src/lib/server/contest/attempts';
import {
	roundRankOf,
	roundStandings,
	overallStandings
} from '../../src/lib/server/db/queries/contest-standings';
import { unitParticipation } from '../../src/lib/server/db/queries/contest-entries';
import { listAttemptAnswers } from '../../src/lib/server/db/queries/contest-attempts';
import { createApp, type AppContext } from '../../src/lib/server/app';
import { contestBest, contestRound } from '../../src/lib/server/db/schema';
import { rankStandings } from '../../src/lib/practice/tiebreak';
import { eq } from 'drizzle-orm';
import type { Contest, ContestEntry } from '../../src/lib/server/db/schema';

/** The app of a test world: its own caches around the world's database. */
const apps = new WeakMap<World, Promise<AppContext>>();
function app(w: World): Promise<AppContext> {
	let found = apps.get(w);
	if (!found) apps.set(w, (found = createApp(undefined, { db: w.db })));
	return found;
}

async function enter(
	w: World,
	c: Contest,
	phone: string,
	unit = w.units[0],
	name = 'Nguyễn Văn A'
) {
	const p = await createGuest(w.db, name, T0);
	const checked = await checkRegistration(w.db, c, { fullName: name, phone, unitId: unit });
	expect(checked.errors).toEqual({});
	const entry = await registerEntry(w.db, c, p.id, checked.clean!, T0);
	if (!entry.ok) throw new Error(entry.error);
	return { participantId: p.id, entry: entry.data };
}

/** Answer every question of an attempt right (choice 0) or wrong (choice 1). */
async function answerAll(
	w: World,
	pid: number,
	attemptId: number,
	ids: number[],
	rightCount: number,
	now: number
) {
	for (const [i, id] of ids.entries()) {
		const r = await saveAttemptAnswer(
			w.db,
			pid,
			attemptId,
			id,
			{ type: 'single', choice: i < rightCount ? 0 : 1 },
			now
		);
		expect(r).toEqual({ ok: true, data: { saved: true } });
	}
}

describe('registration', () => {
	it.each([
		['0912 345 678', {}],
		['12345', { phone: 'phone_invalid' }],
		['+84 2 1234 5678', { phone: 'phone_invalid' }]
	])('checks the phone %s', async (phone, errors) => {
		const w = await makeWorld();
		const { contest } = await makeContest(w);
		expect(
			(
				await checkRegistration(w.db, contest, {
					fullName: 'Trần Thị B',
					phone,
					unitId: w.units[0]
				})
			).errors
		).toEqual(errors);
	});

	it('allows one entry per phone number and refuses a unit of another organization', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w);
		await enter(w, contest, '0912345678');
		const again = await checkRegistration(w.db, contest, {
			fullName: 'Người khác',
			phone: '+84912345678',
			unitId: w.units[1]
		});
		expect(again.errors).toEqual({ phone: 'phone_taken' });
		const foreign = await checkRegistration(w.db, contest, {
			fullName: 'Người khác',
			phone: '0987654321',
			unitId: 999
		});
		expect(foreign.errors).toEqual({ unitId: 'unit_invalid' });
		expect(
			(await unitParticipation(w.db, w.orgA, contest.id)).find((u) => u.unitId === w.units[0])!
				.registered
		).toBe(1);
	});

	it('refuses a second entry from the same participant', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w);
		const { participantId } = await enter(w, contest, '0912345678');
		expect(
			await registerEntry(
				w.db,
				contest,
				participantId,
				{ fullName: 'X Y', phone: '0987654321', unitId: w.units[0] },
				T0
			)
		).toEqual({
			ok: false,
			error: 'already_registered'
		});
	});
});

describe('attempts', () => {
	it('draws the mix, resumes a running attempt and never gives a third when two are allowed', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w, { attempts: 2 });
		const { participantId, entry } = await enter(w, contest, '0912345678');
		const first = await startAttempt(await app(w), contest, entry, T0 + MIN, 1);
		expect(first.ok).toBe(true);
		const a1 = (first as { data: { id: number; questionIds: number[] } }).data;
		expect(a1.questionIds).toHaveLength(5);
		expect(
			a1.questionIds.filter((id) => w.questionsA.slice(8).includes(id)).length
		).toBeGreaterThanOrEqual(2);
		// A refresh (or a second tap) resumes the same attempt.
		const resumed = await startAttempt(await app(w), contest, entry, T0 + 2 * MIN, 2);
		expect(resumed.ok && resumed.data.id).toBe(a1.id);
		await answerAll(w, participantId, a1.id, a1.questionIds, 3, T0 + 3 * MIN);
		expect((await submitAttempt(w.db, participantId, a1.id, 5, T0 + 4 * MIN)).ok).toBe(true);

		const second = await startAttempt(await app(w), contest, entry, T0 + 5 * MIN, 3);
		expect(second.ok && second.data.number).toBe(2);
		const a2 = (second as { data: { id: number } }).data;
		expect((await submitAttempt(w.db, participantId, a2.id, null, T0 + 6 * MIN)).ok).toBe(true);

		const third = await startAttempt(await app(w), contest, entry, T0 + 7 * MIN, 4);
		expect(third).toEqual({ ok: false, error: 'no_attempts_left' });
	});

	it('keeps the best attempt: higher score, then shorter time', async () => {
		const w = await makeWorld();
		const { contest, round } = await makeContest(w, { attempts: 3 });
		const { participantId, entry } = await enter(w, contest, '0912345678');
		const take = async (start: number, right: number, minutes: number) => {
			const a = await startAttempt(await app(w), contest, entry, start, start);
			if (!a.ok) throw new Error(a.error);
			await answerAll(w, participantId, a.data.id, a.data.questionIds, right, start + MIN);
			return await submitAttempt(w.db, participantId, a.data.id, 7, start + minutes * MIN);
		};
		expect(await take(T0, 3, 5)).toMatchObject({ ok: true, data: { counts: true } });
		expect(await take(T0 + 10 * MIN, 2, 2)).toMatchObject({ ok: true, data: { counts: false } });
		expect(await take(T0 + 20 * MIN, 3, 4)).toMatchObject({ ok: true, data: { counts: true } });
		const [best] = await w.db.select().from(contestBest).where(eq(contestBest.roundId, round.id));
		expect(best).toMatchObject({ score: 3, durationMs: 4 * MIN, prediction: 7 });
		const [r] = await w.db.select().from(contestRound).where(eq(contestRound.id, round.id));
		expect(r.entrants).toBe(1);
	});

	it('hands in a double-tapped attempt once, also when the two hand-ins run at the same time', async () => {
		const w = await makeWorld();
		const { contest, round } = await makeContest(w);
		const { participantId, entry } = await enter(w, contest, '0912345678');
		const started = await startAttempt(await app(w), contest, entry, T0, 11);
		if (!started.ok) throw new Error(started.error);
		const a = started.data;
		await answerAll(w, participantId, a.id, a.questionIds, 5, T0 + MIN);
		// Not through the queue: two transactions at once (two connections on PostgreSQL).
		const results = await Promise.all([
			submitAttempt(w.db, participantId, a.id, 1, T0 + 2 * MIN),
			submitAttempt(w.db, participantId, a.id, 1, T0 + 2 * MIN)
		]);
		// The second sees the attempt closed: before its own read, or when its close changes nothing.
		const counted = results.filter((r) => r.ok && r.data.counts);
		expect(counted).toHaveLength(1);
		expect(counted[0]).toMatchObject({ ok: true, data: { attempt: { score: 5 } } });
		const other = results.find((r) => r !== counted[0])!;
		if (other.ok) expect(other.data).toMatchObject({ counts: false, attempt: { score: 5 } });
		else expect(other).toEqual({ ok: false, error: 'attempt_closed' });
		const [r] = await w.db.select().from(contestRound).where(eq(contestRound.id, round.id));
		expect({ entrants: r.entrants, perfect: r.perfect }).toEqual({ entrants: 1, perfect: 1 });
		const stats = await unitParticipation(w.db, w.orgA, contest.id);
		expect(stats.find((u) => u.unitId === w.units[0])!.entrants).toBe(1);
	});

	it('closes an attempt that exceeded its time with what was answered, and refuses later answers', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w, { timeLimitSec: 120 });
		const { participantId, entry } = await enter(w, contest, '0912345678');
		const started = await startAttempt(await app(w), contest, entry, T0, 9);
		if (!started.ok) throw new Error(started.error);
		const a = started.data;
		await answerAll(w, participantId, a.id, a.questionIds.slice(0, 2), 2, T0 + MIN);
		// Within the two-second grace after the deadline an answer still counts.
		expect(
			(
				await saveAttemptAnswer(
					w.db,
					participantId,
					a.id,
					a.questionIds[2],
					{ type: 'single', choice: 0 },
					T0 + 121_000
				)
			).ok
		).toBe(true);
		const late = await saveAttemptAnswer(
			w.db,
			participantId,
			a.id,
			a.questionIds[3],
			{ type: 'single', choice: 0 },
			T0 + 125_000
		);
		expect(late).toEqual({ ok: false, error: 'attempt_closed' });
		const view = (await loadAttempt(w.db, participantId, a.id, T0 + 126_000))!;
		expect(view.attempt).toMatchObject({ status: 'expired', score: 3, durationMs: 120_000 });
		expect((await listAttemptAnswers(w.db, a.id)).size).toBe(3);
		expect(await submitAttempt(w.db, participantId, a.id, 3, T0 + 127_000)).toEqual({
			ok: false,
			error: 'attempt_closed'
		});
	});

	it('closes overdue attempts of a round when the standings are read', async () => {
		const w = await makeWorld();
		const { contest, round } = await makeContest(w, { timeLimitSec: 60 });
		const { entry } = await enter(w, contest, '0912345678');
		const started = await startAttempt(await app(w), contest, entry, T0, 1);
		expect(started.ok).toBe(true);
		expect(await closeOverdue(w.db, T0 + 30_000, round.id)).toBe(0);
		expect(await closeOverdue(w.db, T0 + 63_000, round.id)).toBe(1);
		expect(await roundStandings(w.db, round.id, null, 10)).toHaveLength(1);
	});

	it('ends an attempt started late at the close of the round', async () => {
		const w = await makeWorld();
		const { contest, round } = await makeContest(w, { timeLimitSec: 1200 });
		const { entry } = await enter(w, contest, '0912345678');
		const late = round.closesAt.getTime() - 5 * MIN;
		const a = await startAttempt(await app(w), contest, entry, late, 1);
		expect(a.ok && a.data.deadlineAt).toBe(round.closesAt.getTime());
		expect(await startAttempt(await app(w), contest, entry, round.closesAt.getTime(), 2)).toEqual({
			ok: false,
			error: 'round_closed'
		});
		expect(await startAttempt(await app(w), contest, entry, T0 - 1, 2)).toEqual({
			ok: false,
			error: 'round_closed'
		});
	});

	it('refuses forged input and changes nothing', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w);
		const { participantId, entry } = await enter(w, contest, '0912345678');
		const other = await enter(w, contest, '0987654321');
		const started = await startAttempt(await app(w), contest, entry, T0, 5);
		if (!started.ok) throw new Error(started.error);
		const a = started.data;
		const notInAttempt = w.questionsA.find((id) => !a.questionIds.includes(id))!;
		expect(
			await saveAttemptAnswer(
				w.db,
				participantId,
				a.id,
				notInAttempt,
				{ type: 'single', choice: 0 },
				T0 + 1
			)
		).toEqual({
			ok: false,
			error: 'question_not_in_attempt'
		});
		expect(
			await saveAttemptAnswer(
				w.db,
				participantId,
				a.id,
				a.questionIds[0],
				{ type: 'single', choice: 9 },
				T0 + 1
			)
		).toEqual({
			ok: false,
			error: 'bad_answer'
		});
		expect(
			await saveAttemptAnswer(
				w.db,
				participantId,
				a.id,
				a.questionIds[0],
				{ type: 'truefalse', value: true },
				T0 + 1
			)
		).toEqual({
			ok: false,
			error: 'bad_answer'
		});
		// Someone else's attempt is not found, not refused.
		expect(
			await saveAttemptAnswer(
				w.db,
				other.participantId,
				a.id,
				a.questionIds[0],
				{ type: 'single', choice: 0 },
				T0 + 1
			)
		).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(await submitAttempt(w.db, other.participantId, a.id, null, T0 + 1)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect((await listAttemptAnswers(w.db, a.id)).size).toBe(0);
	});

	it.each([
		['', null],
		['1.234', 1234],
		['0', 0],
		['-3', undefined],
		['abc', undefined],
		['1e5', undefined],
		['100000001', undefined]
	])('reads the prediction %j as %s', (input, value) => {
		const parsed = parsePrediction(input);
		if (value === undefined) expect(parsed.ok).toBe(false);
		else expect(parsed).toEqual({ ok: true, value });
	});
});

describe('standings', () => {
	it('ranks by score, prediction closeness, time, then submission — in SQL as in the rules', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.record({
						right: fc.integer({ min: 0, max: 5 }),
						prediction: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
						minutes: fc.integer({ min: 1, max: 4 })
					}),
					{ minLength: 1, maxLength: 12 }
				),
				async (people) => {
					const w = await makeWorld();
					const { contest, round } = await makeContest(w, { attempts: 1 });
					const entries: ContestEntry[] = [];
					for (const [i, p] of people.entries()) {
						const { participantId, entry } = await enter(
							w,
							contest,
							`09${String(10000000 + i)}`,
							w.units[i % 3],
							`Người ${i}`
						);
						entries.push(entry);
						const start = T0 + i * 1000;
						const a = await startAttempt(await app(w), contest, entry, start, i);
						if (!a.ok) throw new Error(a.error);
						await answerAll(w, participantId, a.data.id, a.data.questionIds, p.right, start + 1);
						await submitAttempt(
							w.db,
							participantId,
							a.data.id,
							p.prediction,
							start + p.minutes * MIN
						);
					}
					const [{ perfect: truth }] = await w.db
						.select()
						.from(contestRound)
						.where(eq(contestRound.id, round.id));
					expect(truth).toBe(people.filter((p) => p.right === 5).length);
					const sql = await roundStandings(w.db, round.id, truth, 100);
					const rules = rankStandings(sql, truth);
					expect(sql.map((r) => r.entryId)).toEqual(rules.map((r) => r.entryId));
					for (const r of rules) expect(await roundRankOf(w.db, round.id, truth, r)).toBe(r.rank);
					expect(await overallStandings(w.db, contest.id, true)).toHaveLength(people.length);
				}
			),
			{ numRuns: 25 }
		);
		// 25 worlds: on PostgreSQL each is a new database (about 20 s on a busy machine).
	}, 300_000);

	it('counts entrants per unit once, and the participation rate against the members', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w, { attempts: 2 });
		for (const [i, unit] of [w.units[0], w.units[0], w.units[1]].entries()) {
			const { participantId, entry } = await enter(w, contest, `090000000${i}`, unit, `Người ${i}`);
			for (let n = 0; n < 2; n++) {
				const a = await startAttempt(await app(w), contest, entry, T0 + n * 10 * MIN, n);
				if (!a.ok) throw new Error(a.error);
				await submitAttempt(w.db, participantId, a.data.id, null, T0 + n * 10 * MIN + MIN);
			}
		}
		await enter(w, contest, '0900000009', w.units[2], 'Chỉ đăng ký');
		const stats = await unitParticipation(w.db, w.orgA, contest.id);
		expect(stats.map((s) => [s.unitName, s.registered, s.entrants, s.rate])).toEqual([
			['CĐCS Công ty May 10', 2, 2, 0.2],
			['CĐCS Điện lực', 1, 1, 0.25],
			['CĐCS Trường học', 1, 0, null]
		]);
	});
});

describe('organizer lists', () => {
	it('count each contest’s rounds and entries and each bank’s questions', async () => {
		const { listContests, listOrgPublishedBanks } =
			await import('../../src/lib/server/db/queries/contests');
		const w = await makeWorld();
		const { contest } = await makeContest(w);
		await enter(w, contest, '0912345678');
		await enter(w, contest, '0987654321');
		expect(await listContests(w.db, w.orgA)).toEqual([
			expect.objectContaining({ id: contest.id, roundCount: 1, entryCount: 2 })
		]);
		expect(await listOrgPublishedBanks(w.db, w.orgA)).toEqual([
			expect.objectContaining({ id: w.bankA, questionCount: 12 })
		]);
		expect(await listContests(w.db, w.orgB)).toEqual([]);
	});
});

describe('public and organizer reads', () => {
	it('list open contests, a participant’s entries, results, exports and what blocks publishing', async () => {
		const { listOpenContests, deleteRound } =
			await import('../../src/lib/server/db/queries/contests');
		const { listParticipantEntries } =
			await import('../../src/lib/server/db/queries/contest-entries');
		const { organizerResults, pickRound } = await import('../../src/lib/server/contest/results');
		const { rankingSheet, unitsSheet } = await import('../../src/lib/server/contest/export');
		const { createDraftContest, publishBlockers } =
			await import('../../src/lib/server/contest/organizer');
		const { listHeldBankIds } = await import('../../src/lib/server/db/queries/held');
		const w = await makeWorld();
		const { contest, round } = await makeContest(w);
		const { participantId, entry } = await enter(w, contest, '0912345678');
		const a = await startAttempt(await app(w), contest, entry, T0, 1);
		if (!a.ok) throw new Error(a.error);
		await answerAll(w, participantId, a.data.id, a.data.questionIds, 4, T0 + MIN);
		await submitAttempt(w.db, participantId, a.data.id, 3, T0 + 2 * MIN);

		const open = await listOpenContests(w.db, T0 + MIN);
		expect(open).toEqual([
			expect.objectContaining({
				id: contest.id,
				organizationName: 'Công đoàn A',
				opensAt: round.opensAt.getTime(),
				closesAt: round.closesAt.getTime()
			})
		]);
		expect(await listOpenContests(w.db, round.closesAt.getTime())).toEqual([]);
		expect([...(await listHeldBankIds(w.db, T0 + MIN))]).toEqual([w.bankA]);
		expect([...(await listHeldBankIds(w.db, round.closesAt.getTime()))]).toEqual([]);
		expect(await listParticipantEntries(w.db, participantId)).toEqual([
			{ contestId: contest.id, title: contest.title, status: 'published', fullName: 'Nguyễn Văn A' }
		]);

		const picked = await pickRound(w.db, contest, null, T0 + MIN);
		expect(picked.round?.id).toBe(round.id);
		const byRound = await organizerResults(w.db, contest, round, T0 + 3 * MIN);
		expect(byRound).toMatchObject({ total: 1, rows: [{ rank: 1, score: 4, prediction: 3 }] });
		const overall = await organizerResults(w.db, contest, null, T0 + 3 * MIN);
		expect(overall).toMatchObject({
			total: 1,
			rows: [{ rank: 1, score: 4, durationMs: 2 * MIN, submittedAt: T0 + 2 * MIN, rounds: 1 }]
		});
		expect((await rankingSheet(w.db, contest, round, T0 + 3 * MIN)).rows).toHaveLength(1);
		expect((await rankingSheet(w.db, contest, null, T0 + 3 * MIN)).rows[0][4]).toBe(4);
		expect((await unitsSheet(w.db, contest)).rows).toHaveLength(3);

		expect(await deleteRound(w.db, w.orgA, round.id)).toBe('in_use');
		const draft = await createDraftContest(w.db, w.orgA, 'Bản nháp', T0);
		expect(draft).toMatchObject({ status: 'draft', bankIds: [w.bankA] });
		expect(await publishBlockers(w.db, draft)).toEqual(['rounds']);
	});
});
