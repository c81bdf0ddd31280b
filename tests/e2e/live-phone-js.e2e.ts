import { test, expect } from '@playwright/test';
import { formatPhoneJs, kb, measurePhoneJs } from '../../bench/phone-js';

/**
 * Phone pages must stay light for cheap Android phones on a crowded hotspot. The figure is the
 * first visit's gzipped JavaScript computed from the build's manifests (`bench/phone-js.ts`,
 * `npm run bench:phone-js`): the same build always gives the same figure, whatever else the
 * machine is doing (a browser's network log counted the lobby's prefetched chunks as "initial"
 * when the machine was busy). The phones' socket speaks socket.io over a plain WebSocket and loads
 * socket.io-client (long-polling) only when WebSockets fail (`src/lib/client/socket.ts`).
 */
const PHONE_JS_BUDGET_KB = 50;

/**
 * Scripts a served page tells the browser to load: modulepreloads (in the `link` header or as
 * tags) and the boot script's imports, as paths under the client folder.
 */
function scriptsServed(linkHeader: string, html: string): string[] {
	const fromHeader = [...linkHeader.matchAll(/<([^>]+\.js)>; rel="modulepreload"/g)];
	const fromTags = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)];
	const imports = [...html.matchAll(/import\("([^"]+\.js)"\)/g)];
	const paths = [...fromHeader, ...fromTags, ...imports].map((m) =>
		m[1].replace(/^(\.\.?\/)+/, '').replace(/^\//, '')
	);
	return [...new Set(paths)];
}

test('the join and play pages stay within their gzipped JavaScript budget', async ({ request }) => {
	const report = await measurePhoneJs();
	console.log(formatPhoneJs(report));

	// The computation matches what the server really asks a phone to load on each route.
	const pin = '000000';
	for (const [route, url] of [
		['/join', '/join'],
		['/join/[pin]', `/join/${pin}`],
		['/play/[pin]', `/play/${pin}`]
	] as const) {
		const measured = report.routes.find((r) => r.route === route)!;
		const response = await request.get(url);
		expect(response.ok()).toBe(true);
		const served = scriptsServed(response.headers()['link'] ?? '', await response.text());
		expect(served.length).toBeGreaterThan(3);
		for (const script of served)
			expect(measured.files, `${route} loads ${script}`).toContain(script);
	}

	for (const route of report.routes) {
		expect(Number(kb(route.bytes)), `${route.route} first visit (KB)`).toBeLessThanOrEqual(
			PHONE_JS_BUDGET_KB
		);
	}
});
