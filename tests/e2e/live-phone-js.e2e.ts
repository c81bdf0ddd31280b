import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { joinPhone, startHostedGame } from './live-helpers';

/**
 * Phone pages must stay light for cheap Android phones on a crowded hotspot. The product's aim is
 * 50 KB; socket.io-client (≈ 13 KB, kept for its long-polling fallback and because the stack
 * mandates it) puts the pages at ≈ 60 KB, so this guard holds them there until a slimmer build.
 */
const PHONE_JS_BUDGET_KB = 62;

/** Gzipped size of a built script, as the server sends it. */
function gzipped(pathname: string): number {
	const built = `build/client${pathname}`;
	const gz = `${built}.gz`;
	return fs.existsSync(gz)
		? fs.statSync(gz).size
		: zlib.gzipSync(fs.readFileSync(built), { level: 9 }).length;
}

/**
 * Scripts a phone page loads until `ready` is visible (what stands between a worker and a usable
 * page), and everything it has fetched once the network is quiet (later screens prefetched).
 */
async function scriptKb(page: Page, path: string, ready: string) {
	const seen: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.pathname.endsWith('.js') && !seen.includes(url.pathname)) seen.push(url.pathname);
	});
	await page.goto(path);
	await expect(page.getByRole('heading', { name: ready })).toBeVisible();
	const initial = [...seen];
	await page.waitForTimeout(2_000);
	await page.waitForLoadState('networkidle');
	const kb = (files: string[]) =>
		Math.round(files.reduce((sum, f) => sum + gzipped(f), 0) / 102.4) / 10;
	if (process.env.SHOW_JS)
		console.log(path, seen.map((f) => `${f.split('/').pop()} ${gzipped(f)}`).join('\n'));
	return { initial: kb(initial), total: kb(seen) };
}

test('the join and play pages stay within their gzipped JavaScript budget', async ({ browser }) => {
	const host = await startHostedGame(browser);
	const phone = await joinPhone(browser, host.pin, 'Đo dung lượng');

	// The join page of a phone that has not joined yet.
	const fresh = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const join = await scriptKb(
		await fresh.newPage(),
		`/join/${host.pin}`,
		'Demo – 10 câu hỏi Bộ luật Lao động'
	);
	// The play page of a joined phone (a reload), up to "Bạn đã vào phòng!".
	const play = await scriptKb(
		await phone.context.newPage(),
		`/play/${host.pin}`,
		'Bạn đã vào phòng!'
	);

	console.log(
		`phone JS (gzip): /join/[pin] ${join.initial} KB (${join.total} KB once idle); ` +
			`/play/[pin] ${play.initial} KB (${play.total} KB with the in-game screens prefetched in the lobby)`
	);
	expect(join.initial).toBeLessThanOrEqual(PHONE_JS_BUDGET_KB);
	expect(play.initial).toBeLessThanOrEqual(PHONE_JS_BUDGET_KB);

	await fresh.close();
	await phone.context.close();
	await host.context.close();
});
