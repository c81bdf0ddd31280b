/** Test data for the practice and contest browser tests, written straight into the e2e database. */
import { eq } from 'drizzle-orm';
import { e2eDb, ensureOrg, unique } from './helpers';
import { createBank } from '../../src/lib/server/db/queries/banks';
import { insertQuestions } from '../../src/lib/server/db/queries/questions';
import { addUnits, listUnits } from '../../src/lib/server/db/queries/participants';
import { addRound, createContest } from '../../src/lib/server/db/queries/contests';
import { contest } from '../../src/lib/server/db/schema';
import type { Question } from '../../src/lib/quiz/question';

const BLLD = { document: 'Bộ luật Lao động 2019', number: '45/2019/QH14' };

/** Three questions of three kinds, each with an explanation and a citation. */
export const PRACTICE_QUESTIONS: Question[] = [
	{
		type: 'single',
		text: 'Người lao động làm việc bình thường không quá bao nhiêu giờ trong một ngày?',
		options: ['6 giờ', '8 giờ', '10 giờ'],
		correct: 1,
		timeLimitSec: 20,
		points: 1,
		explanation: 'Thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày.',
		citation: { ...BLLD, article: 'Điều 105, khoản 1' },
		difficulty: 'easy',
		tags: ['Thời giờ làm việc']
	},
	{
		type: 'truefalse',
		text: 'Giờ làm việc ban đêm được tính từ 22 giờ đến 6 giờ sáng ngày hôm sau.',
		correct: true,
		timeLimitSec: 20,
		points: 1,
		explanation: 'Giờ làm việc ban đêm được tính từ 22 giờ đến 06 giờ sáng ngày hôm sau.',
		citation: { ...BLLD, article: 'Điều 106' },
		difficulty: 'easy',
		tags: ['Thời giờ làm việc']
	},
	{
		type: 'numeric',
		text: 'Người lao động làm công việc trong điều kiện bình thường được nghỉ hằng năm bao nhiêu ngày làm việc?',
		value: 12,
		tolerance: 0,
		unit: 'ngày',
		timeLimitSec: 20,
		points: 1,
		explanation: 'Làm đủ 12 tháng cho một người sử dụng lao động thì được nghỉ 12 ngày làm việc.',
		citation: { ...BLLD, article: 'Điều 113, khoản 1' },
		difficulty: 'medium',
		tags: ['Nghỉ phép năm']
	}
];

/** A published bank with the three questions, in a fresh organization. */
export async function makePublishedBank(title = unique('Luyện tập thử ')) {
	const db = e2eDb();
	const orgId = ensureOrg(unique('practice-'));
	const bank = await createBank(db, orgId, {
		title,
		description: 'Bộ câu hỏi cho kiểm thử luyện tập.',
		tags: ['Thời giờ làm việc'],
		visibility: 'published'
	});
	const questionIds = await insertQuestions(db, orgId, bank.id, PRACTICE_QUESTIONS);
	return { orgId, bankId: bank.id, title, questionIds };
}

/**
 * A published contest of `orgSlug` on a published bank of the three questions, with two units
 * and one round open now. `timeLimitSec` can be tiny for the time-out test.
 */
export async function makeOpenContest(
	orgSlug: string,
	options: { timeLimitSec: number; title?: string }
) {
	const db = e2eDb();
	const orgId = ensureOrg(orgSlug);
	const bank = await createBank(db, orgId, {
		title: unique('Ngân hàng cuộc thi '),
		description: '',
		tags: [],
		visibility: 'published'
	});
	await insertQuestions(db, orgId, bank.id, PRACTICE_QUESTIONS);
	await addUnits(db, orgId, [
		{ name: 'CĐCS Công ty May Sông Hồng', memberCount: 40 },
		{ name: 'CĐCS Nhà máy Cơ khí', memberCount: 25 }
	]);
	const title = options.title ?? unique('Cuộc thi thử ');
	const created = await createContest(db, orgId, {
		title,
		description: 'Cuộc thi dùng cho kiểm thử.',
		bankIds: [bank.id],
		mix: [{ tag: null, difficulty: null, count: 3 }],
		timeLimitSec: options.timeLimitSec,
		attemptsPerRound: 2,
		predictionText: 'Có bao nhiêu người trả lời đúng tất cả?',
		predictionKind: 'all_correct'
	});
	const now = Date.now();
	const round = await addRound(db, orgId, created.id, {
		title: 'Tuần 1',
		opensAt: now - 60_000,
		closesAt: now + 7 * 24 * 3600_000
	});
	db.update(contest).set({ status: 'published' }).where(eq(contest.id, created.id)).run();
	return {
		orgId,
		contestId: created.id,
		roundId: round.id,
		title,
		units: await listUnits(db, orgId)
	};
}
