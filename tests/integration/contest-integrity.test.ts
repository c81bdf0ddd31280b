/**
 * Issue 10, findings 1, 3, 4 and 7: what a player can learn from the payloads, who can spend whose
 * allowance, and the contest's anti-cheat rules, tried as an attacker would.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { makeContest, makeWorld, MIN, question, T0, type World } from './practice-fixtures';
import { createBank } from '../../src/lib/server/db/queries/banks';
import { insertQuestions } from '../../src/lib/server/db/queries/questions';
import { addRound, createContest } from '../../src/lib/server/db/queries/contests';
import { listFlaggedAttempts } from '../../src/lib/server/db/queries/contest-attempts';
import {
	createGuest,
	createParticipantSession
} from '../../src/lib/server/db/queries/participants';
import { generateToken, hashToken } from '../../src/lib/server/auth/session';
import {
	checkRegistration,
	registerEntry,
	startAttempt,
	submitAttempt
} from '../../src/lib/server/contest/attempts';
import { attemptPage } from '../../src/lib/server/contest/public';
import {
	BOARD_CACHE_MAX,
	cached,
	parseRoundParam,
	publicRoundBoard
} from '../../src/lib/server/contest/standings';
import { resetHeldCache } from '../../src/lib/server/contest/held';
import { contestFormValues, parseContestForm } from '../../src/lib/server/contest/organizer';
import { contestFieldMessages } from '../../src/lib/server/practice/messages';
import {
	contestAnswerEndpoint,
	contestSubmitEndpoint
} from '../../src/lib/server/practice/answer-endpoints';
import { submitPracticeAnswer } from '../../src/lib/server/practice/answer';
import {
	startBankSession,
	startDailySession,
	startReviewSession,
	viewSession
} from '../../src/lib/server/practice/sessions';
import { resetPoolCache } from '../../src/lib/server/practice/pool';
import {
	contest as contestTable,
	contestAnswer,
	contestAttempt,
	contestEntry,
	question as questionTable,
	type Contest
} from '../../src/lib/server/db/schema';
import { testDialect } from '../../src/lib/server/db/test-databases';
import type { Question } from '../../src/lib/quiz/question';
import type { PublicQuestion } from '../../src/lib/quiz/judge';

const ITEMS = ['Thương lượng tập thể', 'Ký kết thỏa ước', 'Gửi thỏa ước đến cơ quan', 'Công bố'];

function orderingQuestion(items: string[]): Question {
	return {
		type: 'ordering',
		text: 'Sắp xếp các bước của thỏa ước lao động tập thể.',
		items,
		timeLimitSec: 30,
		points: 1,
		explanation: 'BÍ_MẬT',
		tags: ['Thỏa ước']
	};
}

/** Store the same items in another (correct) order: what the payload must not depend on. */
async function restoreOrdering(w: World, questionId: number, items: string[]) {
	await w.db
		.update(questionTable)
		.set({ body: orderingQuestion(items) })
		.where(eq(questionTable.id, questionId));
}

/** Store an answer straight into the attempt (what a script would have saved). */
async function storeAnswer(w: World, attemptId: number, questionId: number) {
	await w.db
		.insert(contestAnswer)
		.values({ attemptId, questionId, answer: { type: 'single', choice: 0 }, savedAt: T0 });
}

/** The ids a phone would send for `items` in this order, read off the delivered question only. */
function idsFor(view: PublicQuestion, items: string[]): number[] {
	if (view.type !== 'ordering') throw new Error('expected an ordering question');
	return items.map((text) => view.items.find((item) => item.text === text)!.id);
}

async function guestWithCookie(w: World, name: string) {
	const guest = await createGuest(w.db, name, T0);
	const token = generateToken();
	await createParticipantSession(w.db, hashToken(token), guest.id, T0);
	return { participantId: guest.id, token };
}

async function enter(w: World, c: Contest, phone: string, address = '10.0.0.1') {
	const who = await guestWithCookie(w, 'Nguyễn Văn A');
	const checked = await checkRegistration(w.db, c, {
		fullName: 'Nguyễn Văn A',
		phone,
		unitId: w.units[0]
	});
	const entry = await registerEntry(w.db, c, who.participantId, checked.clean!, T0, address);
	if (!entry.ok) throw new Error(entry.error);
	return { ...who, entry: entry.data };
}

/** A published contest whose every attempt holds all questions of a bank with one ordering question. */
async function orderingContest(w: World) {
	const bankId = (
		await createBank(w.db, w.orgA, {
			title: 'Thỏa ước',
			description: '',
			tags: [],
			visibility: 'published'
		})
	).id;
	const [orderingId] = await insertQuestions(w.db, w.orgA, bankId, [
		orderingQuestion(ITEMS),
		question(201),
		question(202)
	]);
	const c = await createContest(
		w.db,
		w.orgA,
		{
			title: 'Cuộc thi thỏa ước',
			description: '',
			bankIds: [bankId],
			mix: [{ tag: null, difficulty: null, count: 3 }],
			timeLimitSec: 600,
			attemptsPerRound: 2,
			predictionText: null,
			predictionKind: null
		},
		T0 - 1000
	);
	await w.db.update(contestTable).set({ status: 'published' }).where(eq(contestTable.id, c.id));
	await addRound(w.db, w.orgA, c.id, { title: 'Tuần 1', opensAt: T0, closesAt: T0 + 60 * MIN });
	return { contest: { ...c, status: 'published' as const }, orderingId };
}

describe('finding 1: ordering answers do not leak', () => {
	it('practice: the delivered question is identical whatever the stored order, and is judged through the mapping', async () => {
		const w = await makeWorld();
		const bankId = (
			await createBank(w.db, w.orgA, {
				title: 'Sắp xếp',
				description: '',
				tags: [],
				visibility: 'published'
			})
		).id;
		const [qid] = await insertQuestions(w.db, w.orgA, bankId, [orderingQuestion(ITEMS)]);
		const { participantId } = await guestWithCookie(w, 'Lan');
		const started = await startBankSession(w.app, participantId, bankId, T0, 77);
		if (!started.ok) throw new Error(started.error);
		const before = (await viewSession(w.db, participantId, started.session.id))!.current!.question;
		const reordered = [ITEMS[2], ITEMS[0], ITEMS[3], ITEMS[1]];
		await restoreOrdering(w, qid, reordered);
		const after = (await viewSession(w.db, participantId, started.session.id))!.current!.question;
		expect(JSON.stringify(after)).toBe(JSON.stringify(before));
		// The answer the phone builds from the payload is judged against the stored order.
		const answered = await submitPracticeAnswer(w.app, {
			participantId,
			sessionId: started.session.id,
			questionId: qid,
			answer: { type: 'ordering', order: idsFor(after, reordered) },
			now: T0 + 5_000
		});
		expect(answered).toMatchObject({ ok: true, data: { correct: true, fraction: 1 } });
	});

	it('contests: the attempt payload and the saved answer sent back are identical whatever the stored order', async () => {
		const w = await makeWorld();
		const { contest, orderingId } = await orderingContest(w);
		const { participantId, token, entry } = await enter(w, contest, '0912345678');
		const started = await startAttempt(w.app, contest, entry, T0, 4242);
		if (!started.ok) throw new Error(started.error);
		const publicId = started.data.publicId;
		const view = async () =>
			(await attemptPage(w.db, contest.id, participantId, publicId, T0 + MIN))!.questions.find(
				(q) => q.id === orderingId
			)!;
		const before = await view();
		const reordered = [ITEMS[3], ITEMS[1], ITEMS[0], ITEMS[2]];
		await restoreOrdering(w, orderingId, reordered);
		expect(JSON.stringify(await view())).toBe(JSON.stringify(before));

		const order = idsFor(before.question, reordered);
		const saved = await contestAnswerEndpoint(w.app, {
			token,
			attempt: publicId,
			address: '10.0.0.1',
			body: { questionId: orderingId, answer: { type: 'ordering', order } },
			now: T0 + MIN
		});
		expect(saved.status).toBe(200);
		// On resume the phone gets back exactly the ids it sent, never canonical indices.
		expect((await view()).answer).toEqual({ type: 'ordering', order });
		const handedIn = await submitAttempt(w.db, participantId, started.data.id, null, T0 + 5 * MIN);
		expect(handedIn).toMatchObject({ ok: true, data: { attempt: { score: 1 } } });
	});
});

describe('finding 3: no guest can lock other contestants out', () => {
	it('answers a stranger naming someone else’s attempt with 404 before any limit, so the owner keeps saving', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w);
		const victim = await enter(w, contest, '0912345678');
		const attacker = await enter(w, contest, '0987654321', '10.6.6.6');
		const started = await startAttempt(w.app, contest, victim.entry, T0, 5);
		if (!started.ok) throw new Error(started.error);
		const body = { questionId: started.data.questionIds[0], answer: { type: 'single', choice: 0 } };
		for (let i = 0; i < 400; i++) {
			const reply = await contestAnswerEndpoint(w.app, {
				token: attacker.token,
				attempt: started.data.publicId,
				address: '10.6.6.6',
				body,
				now: T0 + MIN
			});
			expect(reply.status).toBe(404);
		}
		const own = await contestAnswerEndpoint(w.app, {
			token: victim.token,
			attempt: started.data.publicId,
			address: '10.0.0.1',
			body,
			now: T0 + MIN
		});
		expect(own).toMatchObject({ status: 200, payload: { ok: true } });
		const submit = await contestSubmitEndpoint(w.app, {
			token: attacker.token,
			attempt: started.data.publicId,
			address: '10.6.6.6',
			body: {},
			now: T0 + MIN
		});
		expect(submit.status).toBe(404);
		// The owner hands in through the queue: the one saved answer (choice 0) is right.
		const handIn = await contestSubmitEndpoint(w.app, {
			token: victim.token,
			attempt: started.data.publicId,
			address: '10.0.0.1',
			body: {},
			now: T0 + 2 * MIN
		});
		expect(handIn).toMatchObject({
			status: 200,
			payload: { ok: true, data: { status: 'submitted', score: 1, counts: true } }
		});
	});

	it('names attempts by random public ids, never by their sequential row ids', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w);
		const ids: string[] = [];
		for (const phone of ['0912345678', '0912345679', '0912345670']) {
			const { entry, participantId } = await enter(w, contest, phone);
			const started = await startAttempt(w.app, contest, entry, T0, 1);
			if (!started.ok) throw new Error(started.error);
			const page = (await attemptPage(w.db, contest.id, participantId, started.data.publicId, T0))!;
			expect(page.attempt.id).toBe(started.data.publicId);
			ids.push(started.data.publicId);
		}
		for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(new Set(ids).size).toBe(3);
		expect(ids).not.toContain('1');
	});

	// SQLite only: it replays SQLite's own migration history (0006 drew the public ids of existing
	// rows); PostgreSQL's schema starts with the column (drizzle/pg).
	it.skipIf(testDialect() === 'pg')(
		'gives every attempt that existed before the migration its own random public id',
		async () => {
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-migrate-'));
			const all = path.resolve('drizzle');
			const journal = JSON.parse(fs.readFileSync(path.join(all, 'meta/_journal.json'), 'utf8'));
			const before = journal.entries.filter((e: { tag: string }) => e.tag < '0006');
			fs.mkdirSync(path.join(dir, 'meta'));
			fs.writeFileSync(
				path.join(dir, 'meta/_journal.json'),
				JSON.stringify({ ...journal, entries: before })
			);
			for (const e of before)
				fs.copyFileSync(path.join(all, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
			const sqlite = new Database(':memory:');
			const db = drizzle(sqlite);
			migrate(db, { migrationsFolder: dir });
			sqlite.exec(`
			INSERT INTO organization (id, slug, name, created_at) VALUES (1, 'o', 'O', 0);
			INSERT INTO unit (id, organization_id, name, created_at) VALUES (1, 1, 'U', 0);
			INSERT INTO participant (id, nickname, created_at) VALUES (1, 'p', 0);
			INSERT INTO contest (id, organization_id, title, bank_ids, mix, time_limit_sec, attempts_per_round, created_at, updated_at)
			  VALUES (1, 1, 'C', '[]', '[]', 60, 3, 0, 0);
			INSERT INTO contest_round (id, contest_id, organization_id, title, opens_at, closes_at) VALUES (1, 1, 1, 'R', 0, 1);
			INSERT INTO contest_entry (id, contest_id, organization_id, participant_id, full_name, phone, unit_id, created_at)
			  VALUES (1, 1, 1, 1, 'N', '0912345678', 1, 0);
			INSERT INTO contest_attempt (contest_id, round_id, entry_id, organization_id, number, question_ids, seed, started_at, deadline_at)
			  VALUES (1, 1, 1, 1, 1, '[]', 1, 0, 1), (1, 1, 1, 1, 2, '[]', 1, 0, 1), (1, 1, 1, 1, 3, '[]', 1, 0, 1);
		`);
			migrate(db, { migrationsFolder: all });
			const rows = sqlite.prepare('SELECT public_id AS id FROM contest_attempt').all() as Array<{
				id: string;
			}>;
			expect(rows).toHaveLength(3);
			for (const row of rows) expect(row.id).toMatch(/^[0-9a-f]{32}$/);
			expect(new Set(rows.map((r) => r.id)).size).toBe(3);
			sqlite.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	);
});

describe('finding 4: a script does not win contests', () => {
	it('(a) holds the contest’s questions back from practice while a round is not over', async () => {
		const w = await makeWorld();
		const { participantId } = await guestWithCookie(w, 'Lan');
		// A session started before the contest was published…
		const earlier = await startBankSession(w.app, participantId, w.bankA, T0 - 2 * MIN, 3);
		if (!earlier.ok) throw new Error(earlier.error);
		await makeContest(w); // on bankA, its round open from T0 for a week
		resetHeldCache(w.app);
		resetPoolCache(w.app);
		expect(await startBankSession(w.app, participantId, w.bankA, T0 + MIN, 4)).toEqual({
			ok: false,
			error: 'contest_held'
		});
		// …reveals no key now; today's challenge and the mistakes list skip the held questions.
		const current = (await viewSession(w.db, participantId, earlier.session.id))!.current!;
		expect(
			await submitPracticeAnswer(w.app, {
				participantId,
				sessionId: earlier.session.id,
				questionId: current.id,
				answer: { type: 'single', choice: 0 },
				now: T0 + MIN
			})
		).toEqual({ ok: false, error: 'contest_held' });
		expect(await startDailySession(w.app, participantId, 'Hôm nay', T0 + MIN)).toEqual({
			ok: false,
			error: 'empty'
		});
		expect(await startReviewSession(w.app, participantId, 'Câu sai', T0 + MIN)).toEqual({
			ok: false,
			error: 'nothing_due'
		});
		// Once the round has closed, practice on the bank opens again.
		const after = T0 + 8 * 24 * 60 * MIN;
		expect((await startBankSession(w.app, participantId, w.bankA, after, 5)).ok).toBe(true);
	});

	it('(a) leaves the banks open to practice only when the organizer confirmed it', async () => {
		const w = await makeWorld();
		const { participantId } = await guestWithCookie(w, 'Lan');
		const { contest } = await makeContest(w);
		await w.db
			.update(contestTable)
			.set({ practiceWhileOpen: true })
			.where(eq(contestTable.id, contest.id));
		resetHeldCache(w.app);
		expect((await startBankSession(w.app, participantId, w.bankA, T0 + MIN, 4)).ok).toBe(true);
	});

	it('(b) flags an attempt handed in faster than the minimum time per question, keeps it off the board and lists it for the organizer', async () => {
		const w = await makeWorld();
		const { contest, round } = await makeContest(w, {
			mix: [{ tag: null, difficulty: null, count: 4 }]
		});
		const bot = await enter(w, contest, '0912345678');
		const human = await enter(w, contest, '0912345679');
		const play = async (who: typeof bot, seconds: number) => {
			const a = await startAttempt(w.app, contest, who.entry, T0, 8);
			if (!a.ok) throw new Error(a.error);
			for (const id of a.data.questionIds) await storeAnswer(w, a.data.id, id);
			return await submitAttempt(w.db, who.participantId, a.data.id, null, T0 + seconds * 1000);
		};
		// Four answers in 4 s is under 4 × 1.5 s; four in 7 s is not.
		expect(await play(bot, 4)).toMatchObject({
			ok: true,
			data: { counts: false, attempt: { flagged: true } }
		});
		expect(await play(human, 7)).toMatchObject({
			ok: true,
			data: { counts: true, attempt: { flagged: false } }
		});
		w.app.caches.contestBoards.clear();
		const board = await publicRoundBoard(w.app, contest, round, T0 + MIN);
		expect(board.rows.map((r) => r.entryId)).toEqual([human.entry.id]);
		expect(await listFlaggedAttempts(w.db, w.orgA, contest.id)).toMatchObject([
			{ entryId: bot.entry.id, score: 4, questionCount: 4, durationMs: 4000 }
		]);
		expect(await listFlaggedAttempts(w.db, w.orgB, contest.id)).toEqual([]);
	});

	it.each([
		['1,5', '100', { minMsPerQuestion: 1500, entriesPerAddress: 100 }],
		['2.25', '0', { minMsPerQuestion: 2250, entriesPerAddress: 0 }],
		['0', '5000', { minMsPerQuestion: 0, entriesPerAddress: 5000 }]
	])(
		'(b, c) reads the anti-cheat settings %s s and %s entries from the contest form',
		async (min, cap, input) => {
			const w = await makeWorld();
			const { contest } = await makeContest(w);
			const f = new FormData();
			const values = {
				...contestFormValues(contest),
				minSecPerQuestion: min,
				entriesPerAddress: cap
			};
			for (const [k, v] of Object.entries(values)) {
				if (k === 'bankIds') for (const id of v as number[]) f.append('bankIds', String(id));
				else if (k === 'mix')
					(v as Array<{ count: string }>).forEach((row, i) => f.append(`mixCount-${i}`, row.count));
				else f.append(k, String(v));
			}
			const parsed = await parseContestForm(w.db, w.orgA, f);
			expect(parsed.errors).toEqual({});
			expect(parsed.input).toMatchObject(input);
		}
	);

	it.each([
		['nhanh', '100', 'minTime', 'Thời gian tối thiểu mỗi câu là số giây từ 0 đến 60'],
		['61', '100', 'minTime', 'Thời gian tối thiểu mỗi câu là số giây từ 0 đến 60'],
		['1,5', '-1', 'entryCap', 'Số người đăng ký tối đa từ một mạng là số nguyên'],
		['1,5', '1e3', 'entryCap', 'Số người đăng ký tối đa từ một mạng là số nguyên']
	])('(b, c) refuses %s s and %s entries with a message', async (min, cap, field, message) => {
		const w = await makeWorld();
		const f = new FormData();
		f.append('minSecPerQuestion', min);
		f.append('entriesPerAddress', cap);
		const parsed = await parseContestForm(w.db, w.orgA, f);
		expect(parsed.input).toBeNull();
		expect(contestFieldMessages(parsed.errors)[field]).toContain(message);
	});

	it('(b) lets the organizer turn the minimum off (0)', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w);
		await w.db
			.update(contestTable)
			.set({ minMsPerQuestion: 0 })
			.where(eq(contestTable.id, contest.id));
		const bot = await enter(w, contest, '0912345678');
		const a = await startAttempt(w.app, contest, bot.entry, T0, 8);
		if (!a.ok) throw new Error(a.error);
		await storeAnswer(w, a.data.id, a.data.questionIds[0]);
		expect(await submitAttempt(w.db, bot.participantId, a.data.id, null, T0 + 100)).toMatchObject({
			ok: true,
			data: { attempt: { flagged: false } }
		});
	});

	it('(c) hides predictions and the truth from the public board until the round closes', async () => {
		const w = await makeWorld();
		const { contest, round } = await makeContest(w, {
			mix: [{ tag: null, difficulty: null, count: 1 }]
		});
		const { entry, participantId } = await enter(w, contest, '0912345678');
		const a = await startAttempt(w.app, contest, entry, T0, 3);
		if (!a.ok) throw new Error(a.error);
		expect((await submitAttempt(w.db, participantId, a.data.id, 42, T0 + MIN)).ok).toBe(true);
		w.app.caches.contestBoards.clear();
		const open = await publicRoundBoard(w.app, contest, round, T0 + 2 * MIN);
		expect(open).toMatchObject({ revealed: false, truth: null });
		expect(open.rows.map((r) => r.prediction)).toEqual([null]);
		const closed = await publicRoundBoard(w.app, contest, round, round.closesAt.getTime() + 1);
		expect(closed).toMatchObject({ revealed: true, truth: 0 });
		expect(closed.rows.map((r) => r.prediction)).toEqual([42]);
	});

	it('(c) caps entries from one client address at the contest’s setting', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w);
		const capped = { ...contest, entriesPerAddress: 2 };
		const register = async (phone: string, address: string) => {
			const p = await createGuest(w.db, 'Sock puppet', T0);
			const checked = await checkRegistration(w.db, capped, {
				fullName: 'Sock puppet',
				phone,
				unitId: w.units[0]
			});
			return await registerEntry(w.db, capped, p.id, checked.clean!, T0, address);
		};
		expect((await register('0912345671', '10.9.9.9')).ok).toBe(true);
		expect((await register('0912345672', '10.9.9.9')).ok).toBe(true);
		expect(await register('0912345673', '10.9.9.9')).toEqual({ ok: false, error: 'entry_cap' });
		expect((await register('0912345674', '10.1.1.1')).ok).toBe(true);
		const stored = await w.db.select({ k: contestEntry.addressKey }).from(contestEntry);
		expect(stored).toHaveLength(3);
		expect(stored.every((r) => !r.k!.includes('10.9.9.9'))).toBe(true);
	});

	it('(d) refuses a prediction on an expired attempt and closes it without one', async () => {
		const w = await makeWorld();
		const { contest } = await makeContest(w, { timeLimitSec: 60 });
		const { entry, participantId } = await enter(w, contest, '0912345678');
		const a = await startAttempt(w.app, contest, entry, T0, 3);
		if (!a.ok) throw new Error(a.error);
		expect(await submitAttempt(w.db, participantId, a.data.id, 17, T0 + 5 * MIN)).toEqual({
			ok: false,
			error: 'prediction_late'
		});
		const [row] = await w.db
			.select({ status: contestAttempt.status, prediction: contestAttempt.prediction })
			.from(contestAttempt)
			.where(eq(contestAttempt.id, a.data.id));
		expect(row).toEqual({ status: 'expired', prediction: null });
	});
});

describe('finding 7: the board cache is bounded', () => {
	it.each([
		[null, { ok: true, roundId: null }],
		['', { ok: true, roundId: null }],
		['12', { ok: true, roundId: 12 }],
		['0', { ok: false }],
		['1 OR 1=1', { ok: false }],
		['x'.repeat(5000), { ok: false }],
		['overall', { ok: false }]
	])('reads the round parameter %j', (text, parsed) => {
		expect(parseRoundParam(text)).toEqual(parsed);
	});

	it('keeps at most BOARD_CACHE_MAX boards, dropping the least recently used', async () => {
		const w = await makeWorld();
		let computed = 0;
		const compute = async () => ++computed;
		await cached(w.app, 'hot', 60_000, T0, compute);
		for (let i = 0; i < 5 * BOARD_CACHE_MAX; i++) {
			await cached(w.app, `junk-${i}`, 60_000, T0, compute);
			if (i % 100 === 0) await cached(w.app, 'hot', 60_000, T0, compute); // still in use
		}
		expect(w.app.caches.contestBoards.size).toBe(BOARD_CACHE_MAX);
		const before = computed;
		expect(await cached(w.app, 'hot', 60_000, T0, compute)).toBe(1);
		await cached(w.app, 'junk-0', 60_000, T0, compute);
		expect(computed).toBe(before + 1);
	});
});
