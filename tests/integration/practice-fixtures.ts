/**
 * Fixtures for the practice and contest integration tests: a test database (SQLite in memory, or a
 * fresh PostgreSQL database with TEST_DATABASE=pg) with banks and units.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { openTestDb } from '../../src/lib/server/db/test-databases';
import { createApp, type AppContext } from '../../src/lib/server/app';
import { config } from '../../src/lib/server/config';
import { contest, organization } from '../../src/lib/server/db/schema';
import { createBank } from '../../src/lib/server/db/queries/banks';
import { insertQuestions } from '../../src/lib/server/db/queries/questions';
import { addUnits, listUnits } from '../../src/lib/server/db/queries/participants';
import { createContest, addRound } from '../../src/lib/server/db/queries/contests';
import type { Difficulty, Question } from '../../src/lib/quiz/question';
import type { MixRow } from '../../src/lib/practice/draw';

export const T0 = Date.parse('2025-05-19T08:00:00+07:00');
export const MIN = 60_000;

export function question(
	n: number,
	extra: { tag?: string; difficulty?: Difficulty; law?: string } = {}
): Question {
	return {
		type: 'single',
		text: `Câu hỏi số ${n}?`,
		options: ['Đúng', 'Sai', 'Không rõ'],
		correct: 0,
		timeLimitSec: 20,
		points: 1,
		explanation: `Giải thích ${n}`,
		citation: {
			document: extra.law ?? 'Bộ luật Lao động 2019',
			number: '45/2019/QH14',
			article: `Điều ${n}`
		},
		difficulty: extra.difficulty ?? 'easy',
		tags: [extra.tag ?? 'Bộ luật Lao động']
	};
}

export interface World {
	db: Db;
	/** An app around `db` (its own caches): what functions with per-app state take. */
	app: AppContext;
	orgA: number;
	orgB: number;
	bankA: number;
	questionsA: number[];
	privateBank: number;
	units: number[];
}

/** Organization A with a published 12-question bank (8 BLLĐ easy, 4 BHXH hard), a private bank and three units. */
export async function makeWorld(): Promise<World> {
	const db = await openTestDb();
	const orgs: number[] = [];
	for (const slug of ['a', 'b']) {
		const [row] = await db
			.insert(organization)
			.values({
				slug: `org-${slug}`,
				name: `Công đoàn ${slug.toUpperCase()}`,
				createdAt: new Date(0)
			})
			.returning();
		orgs.push(row.id);
	}
	const [orgA, orgB] = orgs;
	const bankA = (
		await createBank(db, orgA, {
			title: 'Ngân hàng A',
			description: '',
			tags: [],
			visibility: 'published'
		})
	).id;
	const questionsA = await insertQuestions(db, orgA, bankA, [
		...Array.from({ length: 8 }, (_, i) => question(i + 1)),
		...Array.from({ length: 4 }, (_, i) =>
			question(i + 9, { tag: 'BHXH', difficulty: 'hard', law: 'Luật Bảo hiểm xã hội 2024' })
		)
	]);
	const privateBank = (
		await createBank(db, orgA, {
			title: 'Riêng tư',
			description: '',
			tags: [],
			visibility: 'private'
		})
	).id;
	await insertQuestions(db, orgA, privateBank, [question(100)]);
	const unitList = [
		{ name: 'CĐCS Công ty May 10', memberCount: 10 },
		{ name: 'CĐCS Điện lực', memberCount: 4 },
		{ name: 'CĐCS Trường học', memberCount: 0 }
	];
	await addUnits(db, orgA, unitList);
	const byName = new Map((await listUnits(db, orgA)).map((u) => [u.name, u.id]));
	const units = unitList.map((u) => byName.get(u.name)!);
	return {
		db,
		app: await createApp(config(), { db }),
		orgA,
		orgB,
		bankA,
		questionsA,
		privateBank,
		units
	};
}

/** A published contest of organization A with one round open from T0 for a week. */
export async function makeContest(
	w: World,
	over: { timeLimitSec?: number; attempts?: number; mix?: MixRow[]; prediction?: boolean } = {}
) {
	const c = await createContest(
		w.db,
		w.orgA,
		{
			title: 'Tìm hiểu Bộ luật Lao động',
			description: '',
			bankIds: [w.bankA],
			mix: over.mix ?? [
				{ tag: 'BHXH', difficulty: null, count: 2 },
				{ tag: null, difficulty: null, count: 3 }
			],
			timeLimitSec: over.timeLimitSec ?? 600,
			attemptsPerRound: over.attempts ?? 2,
			predictionText: over.prediction === false ? null : 'Bao nhiêu người trả lời đúng tất cả?',
			predictionKind: over.prediction === false ? null : 'all_correct'
		},
		T0 - 1000
	);
	await w.db.update(contest).set({ status: 'published' }).where(eq(contest.id, c.id));
	const round = await addRound(w.db, w.orgA, c.id, {
		title: 'Tuần 1',
		opensAt: T0,
		closesAt: T0 + 7 * 24 * 60 * MIN
	});
	return { contest: { ...c, status: 'published' as const }, round };
}
