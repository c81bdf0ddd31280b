/**
 * Issue 10 in the browser: question images load in practice and contests (finding 17), the
 * no-JS contest form names ordering items by opaque ids (finding 1), a made-up `round` is refused
 * (finding 7), and a contestant sees no predictions while the round is open (finding 4c).
 */
import { test, expect, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { e2eDb, ensureOrg, phoneContext, unique } from './helpers';
import { createBank } from '../../src/lib/server/db/queries/banks';
import { insertQuestions } from '../../src/lib/server/db/queries/questions';
import { addUnits } from '../../src/lib/server/db/queries/participants';
import { addRound, createContest } from '../../src/lib/server/db/queries/contests';
import { contest, question as questionTable } from '../../src/lib/server/db/schema';
import { saveImage } from '../../src/lib/server/uploads';
import type { Question } from '../../src/lib/quiz/question';

const SHOTS = 'test-results/screens';
/** A 1×1 PNG. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);
const ITEMS = ['Thương lượng tập thể', 'Ký kết thỏa ước', 'Gửi cơ quan quản lý', 'Công bố'];

function ordering(items: string[]): Question {
	return {
		type: 'ordering',
		text: 'Sắp xếp các bước của thỏa ước lao động tập thể.',
		items,
		timeLimitSec: 30,
		points: 1,
		tags: []
	};
}

async function withImage(orgId: number): Promise<Question> {
	const saved = await saveImage(e2eDb(), orgId, PNG, Date.now(), 'data/e2e/uploads');
	if (!saved.ok) throw new Error('image not saved');
	return {
		type: 'truefalse',
		text: 'Biển báo trong hình là biển báo an toàn lao động.',
		correct: true,
		timeLimitSec: 20,
		points: 1,
		image: saved.name,
		tags: []
	};
}

/** The question image on the page has really loaded (a broken URL leaves naturalWidth at 0). */
async function expectImageLoaded(page: Page) {
	const image = page.getByRole('img', { name: 'Hình minh hoạ cho câu hỏi' });
	await expect(image).toBeVisible();
	await expect
		.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
		.toBeGreaterThan(0);
}

/** A published contest of a fresh organization on one bank of `questions`, one round open now. */
async function openContestOf(questions: Question[], orgId = ensureOrg(unique('integrity-'))) {
	const db = e2eDb();
	const bank = await createBank(db, orgId, {
		title: unique('Ngân hàng '),
		description: '',
		tags: [],
		visibility: 'published'
	});
	const ids = await insertQuestions(db, orgId, bank.id, questions);
	await addUnits(db, orgId, [{ name: 'CĐCS Công ty Dệt', memberCount: 30 }]);
	const title = unique('Cuộc thi an toàn ');
	const created = await createContest(db, orgId, {
		title,
		description: '',
		bankIds: [bank.id],
		mix: [{ tag: null, difficulty: null, count: questions.length }],
		timeLimitSec: 600,
		attemptsPerRound: 2,
		predictionText: 'Có bao nhiêu người trả lời đúng tất cả?',
		predictionKind: 'all_correct'
	});
	const now = Date.now();
	await addRound(db, orgId, created.id, {
		title: 'Tuần 1',
		opensAt: now - 60_000,
		closesAt: now + 7 * 24 * 3600_000
	});
	db.update(contest).set({ status: 'published' }).where(eq(contest.id, created.id)).run();
	return { contestId: created.id, questionIds: ids };
}

async function registerAndStart(page: Page, contestId: number) {
	await page.goto(`/contests/${contestId}`);
	await page.getByLabel('Họ và tên').fill('Phạm Văn Đức');
	await page.getByLabel('Số điện thoại').fill(`09${String(Date.now()).slice(-8)}`);
	await page.getByLabel('Đơn vị').selectOption({ label: 'CĐCS Công ty Dệt' });
	await page.getByRole('button', { name: 'Đăng ký' }).click();
	await page.getByRole('button', { name: 'Bắt đầu lượt thi' }).click();
	await expect(page).toHaveURL(/\/attempts\/[A-Za-z0-9_-]{22}$/);
}

test('finding 17: a question image loads in practice', async ({ browser }) => {
	const orgId = ensureOrg(unique('image-practice-'));
	const bank = await createBank(e2eDb(), orgId, {
		title: unique('Ảnh '),
		description: '',
		tags: [],
		visibility: 'published'
	});
	await insertQuestions(e2eDb(), orgId, bank.id, [await withImage(orgId)]);
	const context = await phoneContext(browser);
	const page = await context.newPage();
	await page.goto(`/practice/banks/${bank.id}`);
	await page.getByLabel('Biệt danh').fill('Công nhân Thảo');
	await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
	await expect(page.getByText('Câu 1/1')).toBeVisible();
	await expectImageLoaded(page);
	await page.screenshot({ path: `${SHOTS}/practice-image-phone.png`, fullPage: true });
	await context.close();
});

test('finding 17: a question image loads in a contest attempt', async ({ browser }) => {
	const orgId = ensureOrg(unique('image-contest-'));
	const { contestId } = await openContestOf([await withImage(orgId)], orgId);
	const context = await phoneContext(browser);
	const page = await context.newPage();
	await registerAndStart(page, contestId);
	await expectImageLoaded(page);
	await page.screenshot({ path: `${SHOTS}/contest-image-phone.png`, fullPage: true });
	await context.close();
});

test('finding 1: the no-JS contest form is the same whatever the stored order of an ordering question', async ({
	browser
}) => {
	const { contestId, questionIds } = await openContestOf([ordering(ITEMS)]);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await registerAndStart(page, contestId);
	const form = () =>
		page.locator('fieldset.ordering select').evaluateAll((selects) =>
			selects.map((s) => ({
				name: s.getAttribute('name'),
				label: document.querySelector(`label[for="${s.id}"]`)?.textContent
			}))
		);
	const before = await form();
	expect(before.map((f) => f.name)).toEqual(['pos-0', 'pos-1', 'pos-2', 'pos-3']);
	// The organizer stores the same items in another (correct) order: the phone sees no change.
	e2eDb()
		.update(questionTable)
		.set({ body: ordering([ITEMS[2], ITEMS[0], ITEMS[3], ITEMS[1]]) })
		.where(eq(questionTable.id, questionIds[0]))
		.run();
	await page.reload();
	expect(await form()).toEqual(before);
	expect(await page.content()).not.toMatch(/"index"|canonical/);
	await context.close();
});

test('finding 7: a made-up round on the board API is refused with a message, not cached', async ({
	request
}) => {
	const { contestId } = await openContestOf([ordering(ITEMS)]);
	const bad = await request.get(`/api/contests/${contestId}/leaderboard?round=abc%27--`);
	expect(bad.status()).toBe(400);
	expect(await bad.json()).toMatchObject({
		ok: false,
		error: 'round_invalid',
		message: 'Tham số tuần thi không hợp lệ: dùng số của tuần thi hoặc bỏ trống.'
	});
	const good = await request.get(`/api/contests/${contestId}/leaderboard`);
	expect(await good.json()).toMatchObject({ ok: true, data: { revealed: false, truth: null } });
});

test('finding 4: the public board hides predictions while the round is open', async ({ page }) => {
	const { contestId } = await openContestOf([ordering(ITEMS)]);
	await page.goto(`/contests/${contestId}/leaderboard`);
	await expect(
		page.getByText(
			'Dự đoán của người dự thi và đáp số của câu dự đoán được công bố khi tuần thi kết thúc'
		)
	).toBeVisible();
});
