import { test, expect } from '@playwright/test';
import { login, makeUser, phoneContext, unique } from './helpers';
import { makeOpenContest } from './practice-data';

const SHOTS = 'test-results/screens';

test('a participant registers, takes an attempt, runs out of time, and sees the result and the leaderboard', async ({
	browser
}) => {
	// Ten seconds per attempt in the test data; production contests take minutes.
	const { title } = await makeOpenContest(unique('contest-'), { timeLimitSec: 10 });
	const context = await phoneContext(browser);
	const page = await context.newPage();

	await page.goto('/contests');
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { name: title })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/contest-register-phone.png`, fullPage: true });

	// A malformed phone number is refused in Vietnamese and nothing is registered.
	await page.getByLabel('Họ và tên').fill('Lê Thị Hồng');
	await page.getByLabel('Số điện thoại').fill('0123 45');
	await page.getByLabel('Đơn vị').selectOption({ label: 'CĐCS Nhà máy Cơ khí' });
	await page.getByRole('button', { name: 'Đăng ký' }).click();
	await expect(page.getByText('Số điện thoại không đúng định dạng Việt Nam')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/contest-register-error-phone.png`, fullPage: true });

	const phone = `09${String(Date.now()).slice(-8)}`;
	await page.getByLabel('Số điện thoại').fill(phone);
	await page.getByRole('button', { name: 'Đăng ký' }).click();
	await expect(
		page.getByText(/Bạn đã đăng ký với tên Lê Thị Hồng – CĐCS Nhà máy Cơ khí/)
	).toBeVisible();
	await expect(page.getByText('Còn 2 lượt trong tuần này.')).toBeVisible();

	await page.getByRole('button', { name: 'Bắt đầu lượt thi' }).click();
	// Attempts are named by a random public id, never by a guessable row number.
	await expect(page).toHaveURL(/\/attempts\/[A-Za-z0-9_-]{22}$/);
	const attemptId = /attempts\/([A-Za-z0-9_-]+)/.exec(page.url())![1];
	await expect(page.getByText('Thời gian còn lại')).toBeVisible();
	await expect(page.getByText('Câu 1/3')).toBeVisible();
	// No answer key on the phone before the hand-in.
	const html = await page.content();
	expect(html).not.toMatch(/"correct"|Điều 105|explanation/);
	await page.screenshot({ path: `${SHOTS}/contest-attempt-phone.png`, fullPage: true });

	// Answer the first question (whatever its kind), then wait for the clock.
	const text = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
	if (text.includes('bao nhiêu giờ')) await page.getByRole('radio', { name: '8 giờ' }).check();
	else if (text.includes('ban đêm')) await page.getByRole('radio', { name: 'Đúng' }).check();
	else await page.getByLabel('Nhập con số').fill('12');
	await page.getByRole('button', { name: 'Lưu và sang câu tiếp' }).click();
	await expect(page.getByText('Câu 2/3')).toBeVisible();
	await expect(page.getByText('Đã trả lời 1/3 câu')).toBeVisible();

	// Refreshing resumes the attempt with its answer.
	await page.reload();
	await expect(page.getByText('Đã trả lời 1/3 câu')).toBeVisible();

	// The countdown reaches zero; the server closes the attempt with what was answered.
	await expect(page.getByRole('heading', { name: 'Kết quả lượt thi' })).toBeVisible({
		timeout: 20_000
	});
	await expect(page.getByText('Lượt thi đã hết giờ và được nộp với các câu đã lưu.')).toBeVisible();
	await expect(page.getByText('Bạn trả lời đúng 1/3 câu')).toBeVisible();
	await expect(page.getByText(/Xếp hạng tạm thời của bạn trong tuần: 1/)).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/contest-result-phone.png`, fullPage: true });

	await page.getByRole('link', { name: 'Xem bảng xếp hạng' }).click();
	await expect(page.getByRole('heading', { name: 'Bảng xếp hạng' })).toBeVisible();
	await expect(page.getByRole('cell', { name: /Lê Thị Hồng/ })).toBeVisible();
	await expect(page.getByText(phone)).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Tham gia theo đơn vị' })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/contest-leaderboard-phone.png`, fullPage: true });

	// Answers to the closed attempt are refused in Vietnamese and change nothing.
	const refused = await page.request.post(`/api/contests/attempts/${attemptId}/answers`, {
		data: { questionId: 1, answer: { type: 'single', choice: 0 } }
	});
	expect(refused.status()).toBe(409);
	expect((await refused.json()).message).toBe(
		'Lượt thi đã kết thúc nên câu trả lời không được lưu.'
	);
	await context.close();
});

test('an organizer builds, publishes and exports a contest', async ({ page }) => {
	const org = unique('org-contest-');
	const { username } = await makeUser(org, 'organizer');
	// Units and a published bank come with a ready contest of the same organization.
	await makeOpenContest(org, { timeLimitSec: 600, title: unique('Có sẵn ') });
	await login(page, username);
	await page.goto('/org/contests');
	await expect(page.getByRole('heading', { name: 'Cuộc thi trực tuyến' })).toBeVisible();
	await page.getByLabel('Tên cuộc thi').fill('Tìm hiểu Bộ luật Lao động 2019');
	await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Tìm hiểu Bộ luật Lao động 2019' })
	).toBeVisible();

	await page.locator('input[name="mixCount-0"]').fill('3');
	await page.getByLabel('Thời gian mỗi lượt (phút)').fill('15');
	await page
		.getByLabel('Câu hỏi dự đoán (không bắt buộc)')
		.fill('Có bao nhiêu người trả lời đúng tất cả?');
	await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
	await expect(page.getByText('Đã lưu.')).toBeVisible();

	// Publishing without a round is refused with the reason.
	await page.getByRole('button', { name: 'Công bố' }).click();
	await expect(page.getByText('Cần ít nhất một tuần thi để công bố.')).toBeVisible();

	await page.locator('#new-opens').fill('2030-01-06T00:00');
	await page.locator('#new-closes').fill('2030-01-05T00:00');
	await page.getByRole('button', { name: 'Thêm tuần thi' }).click();
	await expect(page.getByText('thời gian đóng phải sau thời gian mở')).toBeVisible();
	await page.locator('#new-opens').fill('2030-01-06T00:00');
	await page.locator('#new-closes').fill('2030-01-13T00:00');
	await page.getByRole('button', { name: 'Thêm tuần thi' }).click();
	await expect(page.getByLabel('Tên tuần thi').first()).toHaveValue('Tuần thi 1');
	await page.getByRole('button', { name: 'Công bố' }).click();
	await expect(page.getByText('Đã công bố', { exact: true })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/contest-organizer-desktop.png`, fullPage: true });

	await page.getByRole('link', { name: 'Kết quả' }).click();
	await expect(
		page.getByRole('heading', { name: /Kết quả: Tìm hiểu Bộ luật Lao động 2019/ })
	).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/contest-results-desktop.png`, fullPage: true });
	const csv = await page.request.get(
		page.url().replace(/\/results.*$/, '/export?format=csv&round=overall')
	);
	expect(csv.status()).toBe(200);
	const bytes = new Uint8Array(await csv.body());
	expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(new TextDecoder().decode(bytes)).toContain('"Họ và tên"');
	const xlsx = await page.request.get(
		page.url().replace(/\/results.*$/, '/export?format=xlsx&round=overall')
	);
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

	await page.goto('/org/contests/units');
	await expect(page.getByLabel('Tên đơn vị').first()).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/contest-units-desktop.png`, fullPage: true });
});
