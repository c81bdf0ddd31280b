import { test, expect } from '@playwright/test';
import { login, makeUser, phoneContext } from './helpers';

// Screenshots for looking at the pages (saved under test-results/screens/); the assertions
// check what a user sees on them.
test('login page and organizer dashboard on desktop and on a phone', async ({ page, browser }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/login-desktop.png', fullPage: true });

	const { username } = await makeUser('demo', 'organizer');
	await login(page, username);
	await expect(page.getByRole('heading', { name: /Xin chào/ })).toBeVisible();
	await page.screenshot({ path: 'test-results/screens/dashboard-desktop.png', fullPage: true });

	const phone = await phoneContext(browser);
	const p = await phone.newPage();
	await p.goto('/login');
	await p.screenshot({ path: 'test-results/screens/login-phone.png', fullPage: true });
	await login(p, username);
	await expect(p.getByRole('heading', { name: /Xin chào/ })).toBeVisible();
	// Nothing overflows sideways at 360 px.
	const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await p.screenshot({ path: 'test-results/screens/dashboard-phone.png', fullPage: true });
	await p.goto('/');
	await p.screenshot({ path: 'test-results/screens/home-phone.png', fullPage: true });
	await phone.close();
});
