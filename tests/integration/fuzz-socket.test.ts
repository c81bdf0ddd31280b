import { afterAll, describe, expect, it } from 'vitest';
import { runFuzz } from '../../bench/fuzz/fuzz';
import { playRealGamesUntil, type RealGame } from '../../bench/fuzz/real-game';
import { benchQuestion } from '../../bench/live/setup';
import { createGame, makeStaff, startServer, type TestServer } from './live-harness';
import { newTestDatabase } from '../../src/lib/server/db/test-databases';

// The short run of `npm run bench:fuzz` (which sends 10,000 payloads to the production server,
// form posts included): 1,000 socket payloads and raw frames against a real server on port 0.
let server: TestServer;

afterAll(async () => {
	await server?.close();
});

describe('the realtime server under fuzzing', () => {
	it('answers 1,000 malformed, oversized and out-of-order payloads with error codes while a real game finishes correctly', async () => {
		server = await startServer(await newTestDatabase('file'));
		const questions = [1, 2, 3].map((n) => benchQuestion(n, 20));
		const fuzzStaff = await makeStaff(server.db);
		const fuzzGame = await createGame(server.db, fuzzStaff, questions);
		const realStaff = await makeStaff(server.db);
		const makeReal = async (): Promise<RealGame> => {
			const game = await createGame(server.db, realStaff, questions);
			return { ...game, cookie: realStaff.cookie, questions: 3, correct: 1 };
		};
		const firstReal = await makeReal();

		let fuzzing = true;
		let games = 0;
		const real = playRealGamesUntil(
			server.url,
			async () => (games++ === 0 ? firstReal : makeReal()),
			() => !fuzzing
		);
		const summary = await runFuzz({
			url: server.url,
			hostCookie: fuzzStaff.cookie,
			count: 1000,
			seed: 20_260_601,
			targets: {
				pin: fuzzGame.pin,
				fuzzGameId: fuzzGame.gameId,
				realGameId: firstReal.gameId,
				forms: []
			}
		}).finally(() => {
			fuzzing = false;
		});
		const verdict = await real;

		expect(summary.failures).toEqual({
			unanswered: 0,
			badAck: 0,
			unexpectedDisconnect: 0,
			oversizedNotClosed: 0,
			realGameCommanded: 0,
			form5xx: 0,
			serverDown: 0
		});
		expect(summary.samples).toEqual([]);
		expect(summary.errorCodes.INVALID_PAYLOAD).toBeGreaterThan(300);
		expect(summary.oversizedClosed).toBeGreaterThan(0);
		expect(verdict.problems).toEqual([]);
		expect(verdict.finished).toBe(verdict.games);
	}, 180_000);
});
