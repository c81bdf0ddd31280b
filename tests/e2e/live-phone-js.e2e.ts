import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { joinPhone, startHostedGame } from './live-helpers';

/** Phone pages must stay light for cheap Android phones on a crowded hotspot. */
const PHONE_JS_BUDGET_KB = 50;

/** Gzipped bytes of every script a page loads from the build (imports and preloads included). */
async function scriptBytes(page: Page, path: string): Promise<number> {
	const files = new Set<string>();
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.pathname.endsWith('.js')) files.add(url.pathname);
	});
	await page.goto(path);
	await page.waitForLoadState('networkidle');
	let total = 0;
	const sizes: string[] = [];
	for (const file of files) {
		const built = `build/client${file}`;
		const gz = `${built}.gz`;
		const size = fs.existsSync(gz)
			? fs.statSync(gz).size
			: zlib.gzipSync(fs.readFileSync(built), { level: 9 }).length;
		sizes.push(`${file.split('/').slice(-2).join('/')} ${size}`);
		total += size;
	}
	if (process.env.SHOW_JS) console.log(path, sizes.join('\n'));
	return total;
}

test('the join and play pages load at most 50 KB of gzipped JavaScript', async ({ browser }) => {
	const host = await startHostedGame(browser);
	const phone = await joinPhone(browser, host.pin, 'Đo dung lượng');

	const joinPage = await phone.context.newPage();
	const joinBytes = await scriptBytes(joinPage, `/join/${host.pin}`);
	const playPage = await phone.context.newPage();
	const playBytes = await scriptBytes(playPage, `/play/${host.pin}`);
	await expect(playPage.getByRole('heading', { name: 'Bạn đã vào phòng!' })).toBeVisible();

	const kb = (n: number) => Math.round(n / 102.4) / 10;
	console.log(`phone JS (gzip): /join/[pin] ${kb(joinBytes)} KB, /play/[pin] ${kb(playBytes)} KB`);
	expect(kb(joinBytes)).toBeLessThanOrEqual(PHONE_JS_BUDGET_KB);
	expect(kb(playBytes)).toBeLessThanOrEqual(PHONE_JS_BUDGET_KB);

	await phone.context.close();
	await host.context.close();
});
