import { afterEach, describe, expect, it } from 'vitest';
import type {
	AnswerReply,
	HostCommandReply,
	JoinReply,
	PlayerResultFrame,
	QuestionOpenedFrame,
	QuestionTimerFrame,
	RejoinReply
} from '../../src/lib/protocol';
import {
	closeAllClients,
	connect,
	createGame,
	makeStaff,
	q1,
	q2,
	startServer,
	type TestServer
} from './live-harness';
import { newTestDatabase } from '../../src/lib/server/db/test-databases';
import { getResults } from '../../src/lib/server/live/service';

let server: TestServer | undefined;
afterEach(async () => {
	closeAllClients();
	await server?.close();
	server = undefined;
});

async function setUp() {
	server = await startServer(await newTestDatabase('file'));
	const staff = await makeStaff(server.db, 'organizer', server.clock.now());
	const game = await createGame(server.db, staff, [q1(), q2()]);
	const screen = await connect(server.url, staff.cookie);
	await screen.emit('host:attach', { gameId: game.gameId });
	const command = async (type: string) => {
		const ack = await screen.emit<HostCommandReply>('host:command', {
			gameId: game.gameId,
			command: { type }
		});
		if (!ack.ok) throw new Error(`${type}: ${ack.error}`);
		return ack.data.state;
	};
	return { ...server, staff, ...game, screen, command };
}

describe('answers and reconnects', () => {
	it('lets a phone that dropped mid-question rejoin with its token, with the time left and its score', async () => {
		const { url, pin, clock, command } = await setUp();
		const phone = await connect(url);
		const joined = await phone.emit<JoinReply>('player:join', { pin, nickname: 'Dũng' });
		if (!joined.ok) throw new Error(joined.error);
		const { playerToken } = joined.data;
		await command('start');
		clock.advance(1_000);
		await phone.emit('answer:submit', { questionIndex: 0, answer: { type: 'single', choice: 1 } });
		await command('close');
		const result = await phone.next<PlayerResultFrame>('player:result');
		expect(result.me.score).toBe(975);
		await command('next');
		await command('next'); // question 2 opens
		await phone.next<QuestionOpenedFrame>('question:opened', (f) => f.questionIndex === 1);
		phone.disconnect();

		clock.advance(5_000);
		const again = await connect(url);
		const wrongNick = await again.emit<RejoinReply>('player:rejoin', {
			pin,
			playerToken,
			nickname: 'Someone else'
		});
		expect(wrongNick).toEqual({ ok: false, error: 'NOT_IN_GAME' });
		const rejoined = await again.emit<RejoinReply>('player:rejoin', {
			pin,
			playerToken,
			nickname: 'dũng'
		});
		if (!rejoined.ok) throw new Error(rejoined.error);
		const { view } = rejoined.data;
		expect(view.me).toMatchObject({ nickname: 'Dũng', score: 975, streak: 1, rank: 1 });
		expect(view.question).toMatchObject({ questionIndex: 1, remainingMs: 15_000, paused: false });
		expect(view.question?.question).not.toHaveProperty('correct');
		expect(view.answered).toBe(false);

		// The rejoined socket answers as the same player.
		const ack = await again.emit<AnswerReply>('answer:submit', {
			questionIndex: 1,
			answer: { type: 'truefalse', value: true }
		});
		expect(ack).toMatchObject({ ok: true, data: { duplicate: false } });
		const reload = await connect(url);
		const view2 = await reload.emit<RejoinReply>('player:rejoin', { pin, playerToken });
		expect(view2.ok && view2.data.view.answered).toBe(true);

		const forged = await (
			await connect(url)
		).emit<RejoinReply>('player:rejoin', {
			pin,
			playerToken: 'a'.repeat(32)
		});
		expect(forged).toEqual({ ok: false, error: 'NOT_IN_GAME' });
	});

	it('refuses a late answer with LATE and acknowledges a duplicate the same way without double points', async () => {
		const { url, pin, clock, command, db, staff, gameId } = await setUp();
		const early = await connect(url);
		const late = await connect(url);
		await early.emit('player:join', { pin, nickname: 'Sớm' });
		await late.emit('player:join', { pin, nickname: 'Muộn' });
		await command('start');

		clock.advance(3_000);
		const answer = { questionIndex: 0, answer: { type: 'single', choice: 1 } };
		const first = await early.emit<AnswerReply>('answer:submit', answer);
		const again = await early.emit<AnswerReply>('answer:submit', answer);
		const changed = await early.emit<AnswerReply>('answer:submit', {
			questionIndex: 0,
			answer: { type: 'single', choice: 2 }
		});
		expect(first).toEqual({
			ok: true,
			data: { questionIndex: 0, accepted: true, duplicate: false }
		});
		expect(again).toEqual({
			ok: true,
			data: { questionIndex: 0, accepted: true, duplicate: true }
		});
		expect(changed).toEqual({
			ok: true,
			data: { questionIndex: 0, accepted: true, duplicate: true }
		});

		// The deadline passes before the timer has run (the server clock is what counts).
		clock.t += 17_001;
		const tooLate = await late.emit<AnswerReply>('answer:submit', answer);
		expect(tooLate).toEqual({ ok: false, error: 'LATE' });
		const wrongQuestion = await late.emit<AnswerReply>('answer:submit', {
			questionIndex: 1,
			answer: { type: 'truefalse', value: true }
		});
		expect(wrongQuestion).toEqual({ ok: false, error: 'WRONG_QUESTION' });

		clock.advance(0);
		const result = await early.next<PlayerResultFrame>('player:result');
		expect(result).toMatchObject({ points: 925, me: { score: 925 } });
		const lateResult = await late.next<PlayerResultFrame>('player:result');
		expect(lateResult).toMatchObject({ answered: false, me: { score: 0 } });
		// After the close, a resend still gets the same acknowledgement.
		expect(await early.emit<AnswerReply>('answer:submit', answer)).toEqual(again);
		const results = await getResults(db, staff.organizationId, gameId);
		expect(results?.players.map((p) => [p.nickname, p.score, p.answered])).toEqual([
			['Sớm', 925, 1],
			['Muộn', 0, 0]
		]);
		expect(results?.questions[0]).toMatchObject({ answered: 1, correct: 1, eligible: 2 });
	});

	it('pauses, resumes and adds time: phones hear the new deadline and the timer follows it', async () => {
		const { url, pin, clock, command } = await setUp();
		const phone = await connect(url);
		await phone.emit('player:join', { pin, nickname: 'Hạnh' });
		const start = clock.now();
		await command('start');
		clock.advance(5_000);
		const paused = await command('pause');
		expect(paused.state.paused).toBe(true);
		const frozen = await phone.next<QuestionTimerFrame>('question:timer');
		expect(frozen).toMatchObject({ paused: true, deadline: null, remainingMs: 15_000 });
		expect(
			await phone.emit('answer:submit', { questionIndex: 0, answer: { type: 'single', choice: 1 } })
		).toEqual({ ok: false, error: 'PAUSED' });

		clock.advance(60_000); // a long pause: the timer must not close the question
		const resumed = await command('resume');
		expect(resumed.question?.deadline).toBe(start + 65_000 + 15_000);
		await command('addTime');
		const extended = await phone.next<QuestionTimerFrame>(
			'question:timer',
			(f) => f.limitMs === 30_000
		);
		expect(extended).toMatchObject({
			paused: false,
			deadline: start + 90_000,
			remainingMs: 25_000
		});

		clock.advance(2_000);
		await phone.emit('answer:submit', { questionIndex: 0, answer: { type: 'single', choice: 1 } });
		clock.advance(22_999);
		await phone.drain();
		expect(phone.all('question:closed')).toEqual([]);
		clock.advance(2);
		const result = await phone.next<PlayerResultFrame>('player:result');
		// 7 s of answering time (the pause does not count): round(1000 × (1 − 7 / 40)).
		expect(result).toMatchObject({ responseMs: 7_000, points: 825 });
	});
});
