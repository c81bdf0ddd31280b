import { test, expect } from '@playwright/test';
import {
	answerOnPhone,
	gameQuestions,
	hostKey,
	joinPhone,
	shot,
	startHostedGame
} from './live-helpers';

// Teams mode with the organizer's hidden fields: phones pick their unit and give their name for
// the prizes; the projector shows teams, never the hidden fields; the results page shows both.
test('a teams game asks for hidden fields, ranks the teams and keeps the fields off the screen', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const host = await startHostedGame(browser, {
		mode: 'teams',
		teams: ['Phân xưởng May', 'Tổ Cơ điện'],
		hiddenFields: ['fullName', 'unit']
	});
	const questions = gameQuestions(host.gameId);
	const hostPage = host.page;

	// The organizer's pages around the game: the list, the new-game form and the A4 poster.
	const org = await host.context.newPage();
	await org.goto('/org/events');
	await expect(org.getByText(host.pin)).toBeVisible();
	await org.screenshot({ path: 'test-results/screens/org-1-events.png', fullPage: true });
	await org.goto('/org/events/new');
	await org.locator('input[name=mode][value=elimination]').check();
	await org.screenshot({ path: 'test-results/screens/org-2-new-game.png', fullPage: true });
	await org.goto(`/org/events/${host.gameId}/poster`);
	await expect(org.locator('.pin-box strong')).toHaveText(
		`${host.pin.slice(0, 3)} ${host.pin.slice(3)}`
	);
	await org.screenshot({ path: 'test-results/screens/org-3-poster.png', fullPage: true });
	await org.close();

	const join =
		(team: string, fullName: string) => async (page: import('@playwright/test').Page) => {
			await page.getByLabel('Đội / đơn vị').selectOption({ label: team });
			await page.getByLabel('Họ và tên').fill(fullName);
			await page.getByLabel('Đơn vị / phân xưởng').fill(team);
		};
	// A missing hidden field is caught on the phone before anything is sent.
	const check = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const checkPage = await check.newPage();
	await checkPage.goto(`/join/${host.pin}`);
	await checkPage.getByLabel('Biệt danh', { exact: true }).fill('Thiếu tên');
	await checkPage.getByRole('button', { name: 'Vào phòng' }).click();
	await expect(checkPage.getByText('Vui lòng điền mục này.').first()).toBeVisible();
	await shot(checkPage, 'phone-0-join-form-errors');
	await check.close();

	const an = await joinPhone(browser, host.pin, 'Bạn An', join('Phân xưởng May', 'Nguyễn Văn An'));
	const binh = await joinPhone(browser, host.pin, 'Bạn Bình', join('Tổ Cơ điện', 'Trần Thị Bình'));
	await expect(an.page.getByText('Đội: Phân xưởng May')).toBeVisible();
	await expect(hostPage.getByRole('region', { name: 'Tổ Cơ điện' })).toContainText('Bạn Bình');
	await expect(hostPage.getByText('Nguyễn Văn An')).toHaveCount(0);
	await shot(hostPage, 'host-10-teams-lobby');

	await hostKey(hostPage, 'Enter');
	await answerOnPhone(an.page, questions, true);
	await answerOnPhone(binh.page, questions, false);
	await hostKey(hostPage, 'c');
	await hostKey(hostPage, 'Enter');
	await expect(hostPage.getByRole('heading', { name: 'Xếp hạng đội' })).toBeVisible();
	await shot(hostPage, 'host-11-teams-leaderboard');

	// End now and read the results: hidden fields and the team ranking are there for the organizer.
	await hostKey(hostPage, 'e');
	await hostPage
		.getByRole('dialog', { name: 'Kết thúc cuộc thi?' })
		.getByRole('button', { name: 'Kết thúc cuộc thi' })
		.click();
	await hostPage.goto(`/org/events/${host.gameId}/results`);
	await expect(hostPage.getByRole('cell', { name: 'Nguyễn Văn An' })).toBeVisible();
	await expect(hostPage.getByRole('heading', { name: 'Xếp hạng đội' })).toBeVisible();

	await an.context.close();
	await binh.context.close();
	await host.context.close();
});
