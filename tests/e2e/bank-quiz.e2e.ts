import { test, expect } from '@playwright/test';
import { e2eDb, login, makeUser, unique } from './helpers';
import { createBank } from '../../src/lib/server/db/queries/banks';
import { addQuestions } from '../../src/lib/server/db/queries/questions';
import type { Difficulty, Question } from '../../src/lib/quiz/question';

// An organizer builds a quiz from two banks: picked questions, a random rule, reordering, a
// sample draw, and finds the demo quiz in the demo organization.

const q = (text: string, difficulty: Difficulty, tags: string[] = []): Question => ({
	type: 'truefalse',
	text,
	correct: true,
	timeLimitSec: 20,
	points: 1,
	difficulty,
	tags
});

test('an organizer builds a quiz from picked questions and a random rule', async ({ page }) => {
	const { username, organizationId } = await makeUser(unique('quiz-'), 'organizer');
	const db = e2eDb();
	const labour = await createBank(db, organizationId, {
		title: 'Lao động',
		description: '',
		tags: ['Bộ luật Lao động'],
		visibility: 'private'
	});
	await addQuestions(db, organizationId, labour.id, [
		q('Câu lao động một', 'easy'),
		q('Câu lao động hai', 'medium'),
		q('Câu lao động ba', 'hard')
	]);
	const insurance = await createBank(db, organizationId, {
		title: 'Bảo hiểm',
		description: '',
		tags: [],
		visibility: 'private'
	});
	await addQuestions(
		db,
		organizationId,
		insurance.id,
		Array.from({ length: 5 }, (_, i) => q(`Câu bảo hiểm ${i + 1}`, 'hard', ['BHXH']))
	);
	await login(page, username);

	await page.getByRole('link', { name: 'Đề thi', exact: true }).first().click();
	await page.getByRole('button', { name: 'Tạo đề thi' }).click();
	await expect(page.getByText('Hãy nhập tên đề thi (tối đa 200 ký tự).')).toBeVisible();
	await page.getByLabel('Tên đề thi').fill('Vòng sơ khảo');
	await page.getByRole('button', { name: 'Tạo đề thi' }).click();
	await expect(page.getByRole('heading', { name: 'Vòng sơ khảo' })).toBeVisible();

	// Pick two questions from one bank…
	await page.getByLabel('Từ bộ câu hỏi').selectOption({ label: 'Lao động (3)' });
	await page.getByRole('button', { name: 'Xem câu hỏi' }).click();
	await page.getByLabel(/Câu lao động ba/).check();
	await page.getByLabel(/Câu lao động một/).check();
	await page.getByRole('button', { name: 'Thêm các câu đã chọn' }).click();
	await expect(page.getByText('Đã thêm 2 câu hỏi vào đề thi.')).toBeVisible();
	// …and, by accent-insensitive search, one more.
	await page.getByLabel('Hoặc tìm câu hỏi').fill('cau lao dong hai');
	await page.getByRole('button', { name: 'Xem câu hỏi' }).click();
	await page.getByLabel(/Câu lao động hai/).check();
	await page.getByRole('button', { name: 'Thêm các câu đã chọn' }).click();

	// A random rule: 3 hard questions tagged BHXH.
	await page.getByLabel('Số câu').fill('3');
	await page.getByLabel('Có một trong các chủ đề (cách nhau bởi dấu phẩy)').fill('bhxh');
	await page.getByLabel('Khó').check();
	await page.getByRole('button', { name: 'Thêm quy tắc bốc ngẫu nhiên' }).click();
	await expect(page.getByText('Đã thêm quy tắc bốc ngẫu nhiên.')).toBeVisible();
	const items = page.getByTestId('quiz-items').locator(':scope > li');
	await expect(items).toHaveCount(4);
	await expect(items.nth(3)).toContainText('Ngẫu nhiên 3 câu');
	await expect(items.nth(3)).toContainText('Hiện có 5 câu phù hợp.');

	// Reorder: the rule goes first (keyboard), then remove the last step.
	await page.waitForLoadState('networkidle');
	await page.getByRole('button', { name: /^Sắp xếp mục 4:/ }).focus();
	await page.keyboard.press('Home');
	await expect(items.first()).toContainText('Ngẫu nhiên 3 câu');
	await page.reload();
	await expect(items.first()).toContainText('Ngẫu nhiên 3 câu');
	await page.getByRole('button', { name: 'Bỏ mục 4 khỏi đề' }).click();
	await expect(items).toHaveCount(3);

	// A sample draw shows 3 insurance questions, then the two picked ones that remain.
	await page.getByRole('link', { name: 'Thử bốc một lượt' }).click();
	const draw = page.locator('ol.draw > li');
	await expect(draw).toHaveCount(5);
	for (const i of [0, 1, 2]) await expect(draw.nth(i)).toContainText('Câu bảo hiểm');
	// Picked questions are added in the bank's order.
	await expect(draw.nth(3)).toContainText('Câu lao động một');
	await expect(draw.nth(4)).toContainText('Câu lao động ba');
	await page.screenshot({ path: 'test-results/screens/quiz-builder-1280.png', fullPage: true });
});

test('the demo organization ships the demo quiz', async ({ page }) => {
	const { username } = await makeUser('demo', 'organizer');
	await login(page, username);
	await page.goto('/org/quizzes');
	await page.getByRole('link', { name: 'Demo – 10 câu hỏi Bộ luật Lao động' }).click();
	await expect(page.getByRole('heading', { name: 'Nội dung đề thi (10 mục)' })).toBeVisible();
	await page.goto('/org/banks');
	await expect(
		page.getByRole('link', { name: 'Tìm hiểu pháp luật lao động – công đoàn' })
	).toBeVisible();
});
