import { test, expect, type BrowserContext } from '@playwright/test';
import { phoneContext } from './helpers';
import {
	answerOnPhone,
	gameQuestions,
	hostKey,
	joinPhone,
	shot,
	startHostedGame
} from './live-helpers';

/** Live-socket WebSockets of `context` pass while `link.up`, and are cut (closed) while it is down. */
async function flakyLink(context: BrowserContext) {
	const link = { up: true, cuts: 0 };
	const open = new Set<{ close: () => Promise<void> }>();
	await context.routeWebSocket(/\/socket\.io\//, (ws) => {
		if (!link.up) {
			link.cuts++;
			void ws.close();
			return;
		}
		ws.connectToServer();
		open.add(ws);
		ws.onClose(() => open.delete(ws));
	});
	return {
		link,
		async cut() {
			link.up = false;
			for (const ws of [...open]) await ws.close();
		},
		restore() {
			link.up = true;
		}
	};
}

test('a phone on a network that refuses WebSockets joins and plays over long-polling', async ({
	browser
}) => {
	const host = await startHostedGame(browser);
	const context = await phoneContext(browser);
	const refused: string[] = [];
	await context.routeWebSocket(/\/socket\.io\//, (ws) => {
		refused.push(ws.url());
		void ws.close();
	});
	const polls: string[] = [];
	context.on('request', (request) => {
		if (request.url().includes('transport=polling')) polls.push(request.url());
	});
	const page = await context.newPage();
	await page.goto(`/join/${host.pin}`);
	await page.getByLabel('Biệt danh', { exact: true }).fill('Không WebSocket');
	await page.getByRole('button', { name: 'Vào phòng' }).click();
	await page.waitForURL(`**/play/${host.pin}`);
	await expect(page.getByRole('heading', { name: 'Bạn đã vào phòng!' })).toBeVisible();
	expect(refused.length).toBeGreaterThanOrEqual(2);
	expect(polls.length).toBeGreaterThan(0);

	await expect(host.page.getByRole('button', { name: /Không WebSocket/ })).toBeVisible();
	await hostKey(host.page, 'Enter');
	await answerOnPhone(page, gameQuestions(host.gameId), true);
	await expect(host.page.getByTestId('answered-count')).toHaveText('1');
	await context.close();
	await host.context.close();
});

test('a phone cut off mid-question says calmly that it is reconnecting, then comes back and answers', async ({
	browser
}) => {
	const host = await startHostedGame(browser);
	const phone = await joinPhone(browser, host.pin, 'Wi-Fi chập chờn');
	const network = await flakyLink(phone.context);
	// The route applies to new sockets: reload so the play page's socket goes through it.
	await phone.page.reload();
	await expect(phone.page.getByRole('heading', { name: 'Bạn đã vào phòng!' })).toBeVisible();
	await expect(host.page.getByRole('button', { name: /Wi-Fi chập chờn/ })).toBeVisible();

	await hostKey(host.page, 'Enter');
	await expect(phone.page.locator('#q-text')).toBeVisible();
	await network.cut();
	const status = phone.page.getByTestId('connection');
	await expect(status).toContainText('đang kết nối lại');
	await expect.poll(() => network.link.cuts).toBeGreaterThanOrEqual(1); // it keeps trying
	await expect(phone.page.getByRole('alert')).toHaveCount(0);
	await expect(phone.page.locator('#q-text')).toBeVisible(); // the question stays on screen
	await shot(phone.page, 'phone-reconnecting');

	network.restore();
	await expect(status).not.toContainText('đang kết nối lại', { timeout: 15_000 });
	await answerOnPhone(phone.page, gameQuestions(host.gameId), true);
	await expect(host.page.getByTestId('answered-count')).toHaveText('1');
	await expect(phone.page.getByRole('alert')).toHaveCount(0);
	await phone.context.close();
	await host.context.close();
});
