import { test, expect, type Page } from '@playwright/test';
import { phoneContext } from './helpers';
import { makePublishedBank } from './practice-data';

const SHOTS = 'test-results/screens';

/** The verdict, the correct answer, the explanation and the legal citation after an answer. */
async function expectReveal(page: Page, verdict: RegExp, article: string) {
	await expect(page.getByRole('heading', { level: 2, name: verdict })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Đáp án đúng' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Giải thích' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Căn cứ pháp lý' })).toBeVisible();
	await expect(page.getByText(article)).toBeVisible();
	await expect(page.getByText('Bộ luật Lao động 2019')).toBeVisible();
}

test('a guest practises a bank on a phone and sees explanations and citations', async ({
	browser
}) => {
	const { bankId, title } = await makePublishedBank();
	const context = await phoneContext(browser);
	const page = await context.newPage();

	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Luyện tập mỗi ngày' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Tham gia cuộc thi' })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/practice-home-phone.png`, fullPage: true });

	await page.goto(`/practice/banks/${bankId}`);
	await expect(page.getByRole('heading', { name: title })).toBeVisible();
	await page.getByLabel('Biệt danh').fill('Công nhân Thảo');
	await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
	await expect(page).toHaveURL(/\/practice\/s\/\d+/);
	await expect(page.getByText('Câu 1/3')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/practice-question-phone.png`, fullPage: true });

	// The three questions come in a random order: answer each by its kind.
	const seen: string[] = [];
	for (let i = 0; i < 3; i++) {
		const text = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
		if (text.includes('bao nhiêu giờ')) {
			await page.getByRole('radio', { name: '8 giờ' }).check();
			seen.push('single');
		} else if (text.includes('ban đêm')) {
			await page.getByRole('radio', { name: 'Sai' }).check();
			seen.push('truefalse');
		} else {
			await page.getByLabel('Nhập con số').fill('12');
			seen.push('numeric');
		}
		await page.getByRole('button', { name: 'Trả lời' }).click();
		const kind = seen.at(-1);
		if (kind === 'truefalse') {
			await expectReveal(page, /Chưa chính xác/, 'Điều 106');
			await page.screenshot({ path: `${SHOTS}/practice-reveal-wrong-phone.png`, fullPage: true });
		} else {
			await expectReveal(
				page,
				/Chính xác!/,
				kind === 'single' ? 'Điều 105, khoản 1' : 'Điều 113, khoản 1'
			);
			await expect(page.getByText(/\+\d+ XP/)).toBeVisible();
			if (kind === 'single')
				await page.screenshot({ path: `${SHOTS}/practice-reveal-right-phone.png`, fullPage: true });
		}
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.getByRole('link', { name: i < 2 ? 'Câu tiếp theo' : 'Xem kết quả' }).click();
	}
	expect(seen.sort()).toEqual(['numeric', 'single', 'truefalse']);

	await expect(page.getByRole('heading', { name: 'Kết quả luyện tập' })).toBeVisible();
	await expect(page.getByText('Bạn trả lời đúng 2/3 câu')).toBeVisible();
	await expect(page.getByText(/1 câu sai đã vào danh sách Luyện lại câu sai/)).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/practice-summary-phone.png`, fullPage: true });

	// The mistake comes back later, not now.
	await page.getByRole('link', { name: 'Luyện lại câu sai' }).click();
	await expect(page.getByText('1 câu trong danh sách ôn')).toBeVisible();
	await expect(page.getByText('0 câu đã đến lượt ôn')).toBeVisible();
	await expect(page.getByText(/Câu tiếp theo đến lượt ôn lúc/)).toBeVisible();

	// The guest is on the weekly leaderboard and keeps a history.
	await page.goto('/leaderboard');
	await expect(page.getByRole('cell', { name: /Công nhân Thảo/ })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/practice-leaderboard-phone.png`, fullPage: true });
	await page.goto('/me');
	await expect(page.getByRole('heading', { name: 'Tạo tài khoản để giữ lịch sử' })).toBeVisible();
	await expect(page.getByText('Câu đúng đầu tiên')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/practice-me-phone.png`, fullPage: true });
	await context.close();
});

test('a guest turns into an account and keeps the XP', async ({ browser }) => {
	const { bankId } = await makePublishedBank();
	const context = await phoneContext(browser);
	const page = await context.newPage();
	await page.goto(`/practice/banks/${bankId}`);
	await page.getByLabel('Biệt danh').fill('Anh Tuấn');
	await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
	const text = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
	if (text.includes('bao nhiêu giờ')) await page.getByRole('radio', { name: '8 giờ' }).check();
	else if (text.includes('ban đêm')) await page.getByRole('radio', { name: 'Đúng' }).check();
	else await page.getByLabel('Nhập con số').fill('12');
	await page.getByRole('button', { name: 'Trả lời' }).click();
	await expect(page.getByText('Chính xác!')).toBeVisible();

	await page.goto('/me');
	await page.getByLabel('Họ và tên').fill('Nguyễn Anh Tuấn');
	await page.getByLabel('Số điện thoại').fill('0912 34');
	await page.getByLabel('Mật khẩu').fill('mat-khau-manh-123');
	await page.getByRole('button', { name: 'Lưu tài khoản' }).click();
	await expect(page.getByText('Số điện thoại không đúng định dạng Việt Nam')).toBeVisible();
	const phone = `09${String(Date.now()).slice(-8)}`;
	await page.getByLabel('Số điện thoại').fill(phone);
	await page.getByLabel('Mật khẩu').fill('mat-khau-manh-123');
	await page.getByRole('button', { name: 'Lưu tài khoản' }).click();
	await expect(page.getByText('Đã lưu tài khoản.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Thông tin tài khoản' })).toBeVisible();

	// Another phone signs in and finds the same XP.
	const other = await phoneContext(browser);
	const p2 = await other.newPage();
	await p2.goto('/me/login');
	await p2.getByLabel('Số điện thoại hoặc email').fill(phone);
	await p2.getByLabel('Mật khẩu').fill('mat-khau-manh-123');
	await p2.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(p2.getByRole('link', { name: /Nguyễn Anh Tuấn/ })).toBeVisible();
	await expect(p2.getByText(/\d+ XP/).first()).toBeVisible();
	await expect(p2.getByText('Câu đúng đầu tiên')).toBeVisible();
	await other.close();
	await context.close();
});

test('the practice pages on a desktop', async ({ page }) => {
	const { bankId } = await makePublishedBank();
	await page.goto('/');
	await page.screenshot({ path: `${SHOTS}/practice-home-desktop.png`, fullPage: true });
	await page.goto('/practice');
	await expect(page.getByRole('heading', { name: 'Luyện tập pháp luật' })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/practice-list-desktop.png`, fullPage: true });
	await page.goto(`/practice/banks/${bankId}`);
	await page.getByLabel('Biệt danh').fill('Chị Lan');
	await page.getByRole('button', { name: 'Bắt đầu luyện tập' }).click();
	await expect(page.getByText('Câu 1/3')).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/practice-question-desktop.png`, fullPage: true });
	await page.goto('/leaderboard?period=all&board=units');
	// Two tabs can share a link (all-time units twice): the tabs still render and hydrate.
	const tabs = page.getByRole('navigation', { name: 'Bảng xếp hạng' });
	await expect(tabs.getByRole('link', { name: 'Mọi thời gian' })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(tabs.getByRole('link', { name: 'Đơn vị' })).toHaveAttribute('aria-current', 'page');
	await page.screenshot({ path: `${SHOTS}/practice-leaderboard-desktop.png`, fullPage: true });
});
