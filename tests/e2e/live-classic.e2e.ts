import { test, expect } from '@playwright/test';
import {
	animationsSettled,
	answerOnPhone,
	gameQuestions,
	hostKey,
	joinPhone,
	shot,
	startHostedGame,
	type Phone
} from './live-helpers';

// One host on a 16:9 screen and three phones (360×740) play the demo quiz from the lobby to the
// podium through the real pages and sockets; screenshots of each stage go to test-results/screens.
test('a host and three phones play a full classic game to the podium', async ({ browser }) => {
	test.setTimeout(300_000);
	const host = await startHostedGame(browser);
	const questions = gameQuestions(host.gameId);
	const hostPage = host.page;
	await expect(hostPage.getByText('Đang chờ người chơi…')).toBeVisible();

	const phones: Phone[] = [];
	for (const nickname of ['Chị Lan', 'Anh Hùng', 'Cô Mai']) {
		phones.push(await joinPhone(browser, host.pin, nickname));
	}
	const [lan, hung, mai] = phones;
	await expect(hostPage.getByTestId('lobby-count')).toHaveText('3');

	// L locks the room: a latecomer is told so; the host then removes a prankster from the lobby.
	await hostKey(hostPage, 'l');
	await expect(hostPage.getByText('Đã khoá phòng')).toBeVisible();
	const late = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const latePage = await late.newPage();
	await latePage.goto(`/join/${host.pin}`);
	await latePage.getByLabel('Biệt danh', { exact: true }).fill('Đến muộn');
	await latePage.getByRole('button', { name: 'Vào phòng' }).click();
	await expect(latePage.getByRole('alert')).toContainText('Phòng đang khoá');
	await hostKey(hostPage, 'l');
	await expect(hostPage.getByText('Đã khoá phòng')).toHaveCount(0);
	await late.close();
	const prankster = await joinPhone(browser, host.pin, 'Phá đám');
	await hostPage.getByRole('button', { name: 'Mời Phá đám ra khỏi phòng' }).click();
	await hostPage
		.getByRole('dialog', { name: 'Mời người chơi ra?' })
		.getByRole('button', { name: 'Mời ra' })
		.click();
	await expect(prankster.page.getByText('Bạn đã bị mời ra khỏi phòng.')).toBeVisible();
	await expect(hostPage.getByTestId('lobby-count')).toHaveText('3');
	await prankster.context.close();
	await expect(hostPage.getByRole('button', { name: /Anh Hùng/ })).toBeVisible();
	await shot(hostPage, 'host-1-lobby');
	await shot(lan.page, 'phone-1-lobby');

	// Nobody may answer before the start; Enter starts the game (the shortcut shown on screen).
	await expect(hostPage.getByRole('button', { name: /Bắt đầu/ })).toContainText('Enter');
	await hostKey(hostPage, 'Enter');

	for (let round = 0; round < questions.length; round++) {
		await expect(hostPage.getByTestId('answered-count')).toHaveText('0');
		for (const phone of phones) await expect(phone.page.locator('#q-text')).toBeVisible();
		if (round === 0) {
			await shot(hostPage, 'host-2-question');
			await shot(lan.page, 'phone-2-question');
		}
		if (round === 1) {
			// A phone reloads mid-question: it rejoins by itself with its stored token and lands on
			// the open question with the time left and its score intact.
			const scoreBeforeReload = (await hung.page.getByTestId('my-score').textContent()) ?? '';
			await hung.page.reload();
			await expect(hung.page.locator('#q-text')).toBeVisible();
			await expect(hung.page.getByTestId('my-score')).toHaveText(scoreBeforeReload);
			await expect(hung.page.getByRole('timer')).toBeVisible();
		}
		if (round === 2) {
			// The host reloads: the screen comes back on the same open question.
			const text = await hostPage.locator('h1').first().textContent();
			await hostPage.reload();
			await expect(hostPage.locator('h1').first()).toHaveText(text ?? '');
			await expect(hostPage.getByRole('timer')).toBeVisible();
		}
		if (round === 4) {
			// P pauses (phones freeze their countdown), P resumes, T adds ten seconds.
			await hostKey(hostPage, 'p');
			await expect(hostPage.getByRole('button', { name: /Tiếp tục/ })).toBeVisible();
			await expect(lan.page.getByRole('timer', { name: 'Tạm dừng' })).toBeVisible();
			await shot(hostPage, 'host-2-question-paused');
			await hostKey(hostPage, 'p');
			await expect(hostPage.getByRole('button', { name: /Tạm dừng/ })).toBeVisible();
			await hostKey(hostPage, 't');
			await expect(hostPage.getByRole('alert')).toHaveCount(0);
		}
		await answerOnPhone(lan.page, questions, true);
		await answerOnPhone(hung.page, questions, round % 2 === 0);
		if (round === 0) await shot(lan.page, 'phone-3-answered');
		await answerOnPhone(mai.page, questions, false);
		await expect(hostPage.getByTestId('answered-count')).toHaveText('3');

		if (round === 3) {
			// The host's phone as a remote: the same page at 360 px, attached to the same game.
			const remote = await host.context.newPage();
			await remote.setViewportSize({ width: 360, height: 740 });
			await remote.goto(`/host/${host.gameId}`);
			await expect(remote.getByTestId('answered-count')).toHaveText('3');
			await shot(remote, 'remote-1-question');
			await remote.getByRole('button', { name: /Đóng câu hỏi/ }).click();
			await expect(remote.getByText(/người trả lời đúng/).first()).toBeVisible();
			await shot(remote, 'remote-2-reveal');
			await remote.close();
		} else {
			// C closes the question now: the answer, the distribution, the explanation and the law.
			await hostKey(hostPage, 'c');
		}
		await expect(hostPage.getByText(/người trả lời đúng/).first()).toBeVisible();
		await expect(lan.page.getByRole('heading', { name: 'Chính xác!' })).toBeVisible();
		await expect(
			mai.page.getByRole('heading', { name: /Chưa chính xác|Đúng một phần/ })
		).toBeVisible();
		if (round === 0) {
			await shot(hostPage, 'host-3-reveal');
			await shot(lan.page, 'phone-4-reveal-right');
			await shot(mai.page, 'phone-4-reveal-wrong');
		}
		if (round === 5) await shot(hostPage, 'host-3-reveal-nonchoice');

		await hostKey(hostPage, 'Enter');
		await expect(hostPage.getByRole('heading', { name: 'Bảng xếp hạng' })).toBeVisible();
		if (round === 1) {
			await shot(hostPage, 'host-4-leaderboard');
			await shot(hung.page, 'phone-5-leaderboard');
		}
		await hostKey(hostPage, 'Enter');
	}

	// The podium with its celebration; every phone shows its final rank and score.
	await expect(hostPage.getByRole('heading', { name: 'Bục vinh quang' })).toBeVisible();
	await expect(hostPage.locator('.step.p1')).toContainText('Chị Lan');
	await animationsSettled(hostPage); // the steps have risen: the picture shows the podium
	await shot(hostPage, 'host-5-podium');
	await expect(lan.page.getByTestId('final-rank')).toHaveText('Hạng 1');
	await expect(mai.page.getByTestId('final-rank')).toHaveText('Hạng 3');
	await shot(lan.page, 'phone-6-final');

	// The results page ranks the players and rates the questions.
	await hostPage.getByRole('link', { name: 'Xem kết quả' }).click();
	await expect(hostPage.getByRole('heading', { name: /Kết quả/ })).toBeVisible();
	await expect(hostPage.getByRole('cell', { name: 'Chị Lan' })).toBeVisible();
	await hostPage.setViewportSize({ width: 1280, height: 900 });
	await hostPage.screenshot({ path: 'test-results/screens/results.png', fullPage: true });
	const download = hostPage.waitForEvent('download');
	await hostPage.getByRole('link', { name: 'Excel (.xlsx)' }).click();
	expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

	for (const phone of phones) await phone.context.close();
	await host.context.close();
});
