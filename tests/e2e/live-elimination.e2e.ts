import { test, expect } from '@playwright/test';
import {
	animationsSettled,
	answerOnPhone,
	gameQuestions,
	hostKey,
	joinPhone,
	shot,
	startHostedGame
} from './live-helpers';

// "Rung chuông vàng": a wrong answer puts a player out; a rescue question brings them back; the
// last player standing rings the golden bell. Host screen 16:9, three phones 360×740.
test('a full Rung chuông vàng game with a rescue question, to the winner', async ({ browser }) => {
	test.setTimeout(240_000);
	const host = await startHostedGame(browser, { mode: 'elimination', reserveQuestions: 3 });
	const questions = gameQuestions(host.gameId);
	const hostPage = host.page;
	const lan = await joinPhone(browser, host.pin, 'Chị Lan');
	const hung = await joinPhone(browser, host.pin, 'Anh Hùng');
	const mai = await joinPhone(browser, host.pin, 'Cô Mai');
	await expect(hostPage.getByTestId('lobby-count')).toHaveText('3');
	await hostKey(hostPage, 'Enter');

	// Question 1: Mai is wrong and goes out; two remain.
	await answerOnPhone(lan.page, questions, true);
	await answerOnPhone(hung.page, questions, true);
	await answerOnPhone(mai.page, questions, false);
	await hostKey(hostPage, 'c');
	await expect(hostPage.getByTestId('remaining')).toContainText('2');
	await expect(mai.page.getByTestId('eliminated')).toBeVisible();
	await shot(hostPage, 'host-6-elimination-reveal');
	await shot(mai.page, 'phone-7-eliminated');

	// Cứu trợ: a rescue question only eliminated players answer; Mai gets it right and is back.
	await expect(hostPage.getByRole('button', { name: /Cứu trợ/ })).toBeVisible();
	await hostKey(hostPage, 'r');
	await expect(hostPage.getByRole('dialog', { name: 'Cứu trợ' })).toBeVisible();
	await shot(hostPage, 'host-7-rescue-dialog');
	await hostPage.getByRole('button', { name: 'Câu hỏi cứu trợ' }).click();
	await expect(hostPage.getByText('Câu hỏi cứu trợ').first()).toBeVisible();
	await expect(lan.page.getByTestId('watching')).toBeVisible();
	await answerOnPhone(mai.page, questions, true);
	await shot(hostPage, 'host-8-rescue-question');
	await shot(lan.page, 'phone-8-rescue-watching');
	await expect(hostPage.getByTestId('answered-count')).toHaveText('1');
	await hostKey(hostPage, 'c');
	await expect(mai.page.getByText('Bạn đã được cứu trợ và trở lại cuộc thi!')).toBeVisible();
	await expect(hostPage.getByTestId('remaining')).toContainText('3');
	await shot(mai.page, 'phone-8-rescued');

	// On to question 2: only Lan is right, so she is the last one standing.
	await hostKey(hostPage, 'Enter'); // leaderboard
	// The host screen takes the next key once the leaderboard is up (a key pressed while a command
	// is in flight is dropped), as an operator would see it.
	await expect(hostPage.getByRole('heading', { name: 'Bảng xếp hạng' }).first()).toBeVisible();
	await hostKey(hostPage, 'Enter'); // next question
	await answerOnPhone(lan.page, questions, true);
	await answerOnPhone(hung.page, questions, false);
	// An eliminated-then-rescued player answers like everyone else.
	await answerOnPhone(mai.page, questions, false);
	await hostKey(hostPage, 'c');
	await expect(hostPage.getByText(/Rung chuông vàng! — Chị Lan/)).toBeVisible();
	await expect(lan.page.getByTestId('winner')).toBeVisible();
	await shot(lan.page, 'phone-9-winner-reveal');
	// The game is decided: Enter ("Kết thúc / xem kết quả") ends it, every phone shows the end.
	await hostKey(hostPage, 'Enter');
	await expect(hostPage.getByTestId('winner-name')).toHaveText('Chị Lan');
	await animationsSettled(hostPage);
	await shot(hostPage, 'host-9-winner');
	await expect(lan.page.getByRole('heading', { name: 'Bạn đã rung chuông vàng!' })).toBeVisible();
	await expect(hung.page.getByText('Người rung chuông vàng: Chị Lan')).toBeVisible();
	await shot(lan.page, 'phone-10-winner-final');
	await shot(hung.page, 'phone-10-final-out');
	await expect(hostPage.getByTestId('winner-name')).toHaveText('Chị Lan');

	for (const phone of [lan, hung, mai]) await phone.context.close();
	await host.context.close();
});
