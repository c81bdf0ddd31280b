import { test, expect } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { e2eDb, login, makeSetupToken, makeUser, unique, PASSWORD } from './helpers';
import { session, user } from '../../src/lib/server/db/schema';

test('the first administrator signs up through the one-time set-up link', async ({ page }) => {
	const token = makeSetupToken();
	await page.goto(`/setup/${token}`);
	await expect(
		page.getByRole('heading', { name: 'Tạo tài khoản quản trị đầu tiên' })
	).toBeVisible();

	// A bad form is refused with Vietnamese messages and creates nobody.
	const username = unique('admin');
	await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
	await page.getByLabel('Tên đăng nhập').fill('A!');
	await page.getByLabel('Mật khẩu', { exact: true }).fill('ngan');
	await page.getByLabel('Nhập lại mật khẩu').fill('khac');
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(page.getByText('Mật khẩu phải có từ 8 đến 200 ký tự.')).toBeVisible();
	await expect(page.locator('#username-error')).toBeVisible();

	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
	await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(page).toHaveURL(/\/org$/);
	await expect(page.getByRole('heading', { name: 'Xin chào, Nguyễn Thị Hoa' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Tổ chức', exact: true })).toBeVisible();

	// The link works only once.
	await page.goto(`/setup/${token}`);
	await expect(page.getByText('Không tìm thấy trang này.')).toBeVisible();
});

test('a user logs in, is refused a wrong password, logs out', async ({ page }) => {
	const { username } = await makeUser('demo', 'organizer');
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');

	await login(page, username);
	await expect(page).toHaveURL(/\/org$/);
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await expect(page).toHaveURL(/\/login$/);
	await page.goto('/org');
	await expect(page).toHaveURL(/\/login\?next=%2Forg$/);
});

test('login is rate-limited per account with a clear message', async ({ page }) => {
	const { username } = await makeUser('demo', 'host');
	for (let i = 0; i < 5; i++) {
		await page.goto('/login');
		await page.getByLabel('Tên đăng nhập').fill(username);
		await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
	}
	await page.goto('/login');
	await page.getByLabel('Tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(PASSWORD);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('alert')).toContainText('Bạn đã thử quá nhiều lần');
});

test('an expired session sends the user back to the login page', async ({ page }) => {
	const { username } = await makeUser('demo', 'host');
	await login(page, username);
	const u = e2eDb().select().from(user).where(eq(user.username, username)).get()!;
	e2eDb()
		.update(session)
		.set({ expiresAt: new Date(Date.now() - 1000) })
		.where(eq(session.userId, u.id))
		.run();
	await page.goto('/org');
	await expect(page).toHaveURL(/\/login/);
	expect(e2eDb().select().from(session).where(eq(session.userId, u.id)).all()).toHaveLength(0);
});

test('a user changes the password and logs in with the new one', async ({ page }) => {
	const { username } = await makeUser('demo', 'host');
	await login(page, username);
	await page.goto('/account');
	await page.getByLabel('Mật khẩu hiện tại').fill('sai');
	await page.getByLabel('Mật khẩu mới').fill('mat-khau-moi-456');
	await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-moi-456');
	await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
	await expect(page.getByText('Mật khẩu hiện tại không đúng.')).toBeVisible();

	await page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
	await page.getByLabel('Mật khẩu mới').fill('mat-khau-moi-456');
	await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-moi-456');
	await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
	await expect(page.getByRole('status')).toContainText('Đã đổi mật khẩu');
	await page.getByRole('button', { name: 'Đăng xuất' }).click();
	await login(page, username, 'mat-khau-moi-456');
	await expect(page).toHaveURL(/\/org$/);
});

test('an admin invites an organizer who signs up through the link', async ({ page, browser }) => {
	const { username } = await makeUser('demo', 'admin');
	await login(page, username);
	await page.goto('/org/users');
	await page.getByLabel('Vai trò', { exact: true }).first();
	await page.locator('#invite-role').selectOption('organizer');
	await page.getByRole('button', { name: 'Tạo liên kết mời' }).click();
	const link = await page.getByTestId('invite-link').inputValue();
	expect(link).toMatch(/\/invite\//);

	const other = await browser.newContext();
	const p2 = await other.newPage();
	await p2.goto(link);
	await expect(p2.getByText('Bạn được mời với vai trò Người tổ chức')).toBeVisible();
	const invited = unique('org');
	await p2.getByLabel('Họ và tên').fill('Trần Văn Đức');
	await p2.getByLabel('Tên đăng nhập').fill(invited);
	await p2.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
	await p2.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
	await p2.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(p2).toHaveURL(/\/org$/);
	await other.close();

	await page.reload();
	await expect(page.getByRole('cell', { name: invited })).toBeVisible();
});

test('the UI switches to English and back', async ({ page }) => {
	await page.goto('/login');
	await page.getByRole('button', { name: /English/ }).click();
	await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByRole('button', { name: /Tiếng Việt/ }).click();
	await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
});
