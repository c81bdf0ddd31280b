import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';

/**
 * The short version of `npm run bench:wifi` (bench/wifi/main.ts) on the production build: 30
 * phones, each behind its own faulty link (300 ± 200 ms per chunk, connection resets, a 4 s
 * blackhole for a third of them), and a kill -9 of the server mid-question with a restart on the
 * same database. Lives among the browser tests because it needs the build they make.
 */
test('a game over flaky Wi-Fi with a server crash keeps every acknowledged answer and every phone', async () => {
	test.setTimeout(180_000);
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			'bench/wifi/main.ts',
			'--players',
			'30',
			'--questions',
			'3',
			'--blackhole-ms',
			'4000',
			'--time-limit',
			'15'
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	const lines = output.trim().split('\n');
	console.log(lines.slice(0, -1).join('\n'));
	const summary = JSON.parse(lines[lines.length - 1]) as {
		checks: Record<string, boolean>;
		answersAcknowledged: number;
		answerRows: number;
		resets: number;
		rejoins: number;
		crash: { acked: number } | null;
	};
	expect(summary.checks).toEqual({
		everyAcknowledgedAnswerCounted: true,
		everyPhoneBackInTheGame: true,
		everyPhoneOnTheFinalResults: true,
		scoresMatch: true,
		noDuplicatedPlayer: true,
		noAcknowledgedAnswerLostInTheCrash: true
	});
	// The faults really happened: resets, rejoins and a crash with answers in flight.
	expect(summary.resets).toBeGreaterThan(0);
	expect(summary.rejoins).toBeGreaterThanOrEqual(30);
	expect(summary.crash?.acked).toBeGreaterThan(0);
	expect(summary.answersAcknowledged).toBe(90);
	expect(code).toBe(0);
});
