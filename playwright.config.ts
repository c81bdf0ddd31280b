import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// Debian's chromium (Playwright's own browser download does not work on our machines).
// Elsewhere: unset CHROMIUM_PATH and run `npx playwright install chromium`, then USE_PLAYWRIGHT_CHROMIUM=1.
const executablePath = process.env.USE_PLAYWRIGHT_CHROMIUM
	? undefined
	: (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');

export const E2E_DB = 'data/e2e/chuongvang.db';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	outputDir: 'test-results',
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		locale: 'vi-VN',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run'
			]
		}
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } }
		}
	],
	webServer: {
		command: `rm -rf data/e2e && node scripts/build-stamp.js && node server.js`,
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATABASE_PATH: E2E_DB,
			UPLOAD_DIR: 'data/e2e/uploads',
			PUBLIC_URL: `http://127.0.0.1:${PORT}`,
			CHUONGVANG_E2E: '1',
			LOGIN_LIMIT_PER_IP: '10000'
		}
	}
});
