/**
 * Demo content for the `demo` organization: a few union units and an online contest over the
 * demo question bank, with four weekly rounds from the week the demo was first seeded. Nothing
 * is created unless the demo bank exists and is published; nothing of the bank is changed.
 * Idempotent: finds the contest by title.
 */
import { and, eq } from 'drizzle-orm';
import { transaction, type Db } from '../db';
import { contest } from '../db/schema';
import {
	addRound,
	contestPool,
	createContest,
	listOrgPublishedBanks
} from '../db/queries/contests';
import { addUnits, listUnits } from '../db/queries/participants';
import { registerDemoSeeder } from '../seed/index';
import { DAY_MS, weekStart } from '../../practice/calendar';

export const DEMO_CONTEST_TITLE = 'Demo – Cuộc thi trực tuyến tìm hiểu Bộ luật Lao động';
const DEMO_UNITS = [
	{ name: 'CĐCS Công ty May Thành Công', memberCount: 1200 },
	{ name: 'CĐCS Công ty Điện tử Hoà Bình', memberCount: 850 },
	{ name: 'CĐCS Bệnh viện Đa khoa tỉnh', memberCount: 430 },
	{ name: 'CĐCS Trường THPT Nguyễn Du', memberCount: 95 },
	{ name: 'CĐCS Khu công nghiệp Phố Nối', memberCount: 2300 }
];
const QUESTIONS = 10;
const ROUNDS = 4;

export async function seedDemoContest(
	db: Db,
	organizationId: number,
	now = Date.now()
): Promise<void> {
	const [existing] = await db
		.select({ id: contest.id })
		.from(contest)
		.where(and(eq(contest.organizationId, organizationId), eq(contest.title, DEMO_CONTEST_TITLE)))
		.limit(1);
	if (existing) return;
	const banks = (await listOrgPublishedBanks(db, organizationId)).map((b) => b.id);
	const pool = await contestPool(db, organizationId, banks);
	if (pool.length === 0) return;
	await transaction(db, async (tx) => {
		// (The participants queries' type names the database; `tx` runs on it.)
		if ((await listUnits(tx as Db, organizationId)).length === 0)
			await addUnits(tx as Db, organizationId, DEMO_UNITS, now);
		const created = await createContest(
			tx,
			organizationId,
			{
				title: DEMO_CONTEST_TITLE,
				description:
					'Cuộc thi mẫu: mỗi tuần một vòng, mỗi lượt 10 câu trong 15 phút, được thi 2 lượt và tính lượt cao nhất.',
				bankIds: banks,
				mix: [{ tag: null, difficulty: null, count: Math.min(QUESTIONS, pool.length) }],
				timeLimitSec: 15 * 60,
				attemptsPerRound: 2,
				predictionText: 'Theo bạn, tuần này có bao nhiêu người trả lời đúng tất cả các câu hỏi?',
				predictionKind: 'all_correct',
				// The demo shows practice and a contest on one bank; a real contest holds it back.
				practiceWhileOpen: true
			},
			now
		);
		const monday = weekStart(now);
		for (let i = 0; i < ROUNDS; i++) {
			await addRound(tx, organizationId, created.id, {
				title: `Tuần ${i + 1}`,
				opensAt: monday + i * 7 * DAY_MS,
				closesAt: monday + (i + 1) * 7 * DAY_MS
			});
		}
		await tx.update(contest).set({ status: 'published' }).where(eq(contest.id, created.id));
	});
}

registerDemoSeeder((db, orgId) => seedDemoContest(db, orgId));
