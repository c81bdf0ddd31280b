import { afterEach, describe, expect, it } from 'vitest';
import type {
	GameEndedFrame,
	GameStateFrame,
	HostCommandReply,
	HostState,
	JoinReply,
	PlayerResultFrame,
	PlayerSelf,
	QuestionClosedFrame,
	QuestionOpenedFrame
} from '../../src/lib/protocol';
import type { Question } from '../../src/lib/quiz/question';
import { getResults } from '../../src/lib/server/live/service';
import {
	closeAllClients,
	connect,
	createGame,
	makeStaff,
	q1,
	q2,
	q3,
	startServer,
	type TestClient,
	type TestServer
} from './live-harness';
import { newTestDatabase } from '../../src/lib/server/db/test-databases';

let server: TestServer | undefined;
afterEach(async () => {
	closeAllClients();
	await server?.close();
	server = undefined;
});

const rescueQuestion: Question = {
	type: 'truefalse',
	text: 'Người lao động được nghỉ 11 ngày lễ, tết hưởng nguyên lương mỗi năm.',
	correct: true,
	timeLimitSec: 15,
	points: 1,
	tags: []
};
const tieBreak: Question = {
	type: 'numeric',
	text: 'Số giờ làm thêm tối đa trong 01 tháng?',
	value: 40,
	tolerance: 0,
	unit: 'giờ',
	timeLimitSec: 15,
	points: 1,
	tags: []
};

describe('Rung chuông vàng', () => {
	it('eliminates wrong and silent players, rescues, refuses rescue after the final, breaks the tie', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, url, clock } = server;
		const staff = await makeStaff(db, 'host', clock.now());
		const { gameId, pin } = await createGame(
			db,
			staff,
			[q1(), q2(), q3(), rescueQuestion, tieBreak],
			'elimination',
			{ reserveQuestions: 2 }
		);
		const screen = await connect(url, staff.cookie);
		await screen.emit('host:attach', { gameId });
		const command = async (type: string, extra: object = {}) =>
			screen.emit<HostCommandReply>('host:command', { gameId, command: { type, ...extra } });
		const ok = async (type: string, extra: object = {}): Promise<HostState> => {
			const ack = await command(type, extra);
			if (!ack.ok) throw new Error(`${type}: ${ack.error}`);
			return ack.data.state;
		};
		const phones: Record<string, TestClient> = {};
		for (const nickname of ['A', 'B', 'C', 'D']) {
			phones[nickname] = await connect(url);
			const ack = await phones[nickname].emit<JoinReply>('player:join', { pin, nickname });
			expect(ack.ok).toBe(true);
		}
		const answer = (who: string, questionIndex: number, value: unknown) =>
			phones[who].emit('answer:submit', { questionIndex, answer: value });

		// Question 1: C wrong, D silent → both out.
		const started = await ok('start');
		expect(started).toMatchObject({
			mainTotal: 3,
			reserveLeft: 2,
			elimination: { rescuesUsed: 0 }
		});
		clock.advance(1_000);
		await answer('A', 0, { type: 'single', choice: 1 });
		await answer('B', 0, { type: 'single', choice: 1 });
		await answer('C', 0, { type: 'single', choice: 0 });
		await ok('close');
		const closed = await phones.D.next<QuestionClosedFrame>('question:closed');
		expect(closed.remaining).toBe(2);
		const outC = await phones.C.next<PlayerResultFrame>('player:result');
		const outD = await phones.D.next<PlayerResultFrame>('player:result');
		expect(outC).toMatchObject({ eliminated: true, me: { status: 'eliminated' } });
		expect(outD).toMatchObject({ eliminated: true, answered: false, me: { status: 'eliminated' } });
		const inA = await phones.A.next<PlayerResultFrame>('player:result');
		expect(inA).toMatchObject({ eliminated: false, me: { status: 'active' } });

		// Rescue one: the most recently eliminated, best first (C answered, D did not).
		const rescued = await ok('rescue', { variant: 'count', count: 1 });
		expect(rescued.counts).toMatchObject({ active: 3, eliminated: 1 });
		const backC = await phones.C.next<PlayerSelf>('player:me');
		expect(backC.status).toBe('active');
		expect(phones.D.all('player:me')).toEqual([]);

		// Question 2: only A right → B and C out, A is the last one standing.
		await ok('next'); // leaderboard
		await ok('next'); // question 2
		clock.advance(1_000);
		await answer('A', 1, { type: 'truefalse', value: true });
		await answer('B', 1, { type: 'truefalse', value: false });
		await answer('C', 1, { type: 'truefalse', value: false });
		expect(await answer('D', 1, { type: 'truefalse', value: true })).toEqual({
			ok: false,
			error: 'ELIMINATED'
		});
		await ok('close');
		const state = await phones.D.next<GameStateFrame>('game:state', (s) => s.winner !== null);
		expect(state).toMatchObject({ active: 1, eliminated: 3, winner: { nickname: 'A' } });

		// A rescue question: only the eliminated answer; the right ones come back.
		const rescueRound = await ok('rescue', { variant: 'question' });
		expect(rescueRound).toMatchObject({
			reserveLeft: 1,
			question: { kind: 'rescue', eligible: 3 }
		});
		const opened = await phones.B.next<QuestionOpenedFrame>(
			'question:opened',
			(q) => q.kind === 'rescue'
		);
		expect(opened.question).toEqual({
			type: 'truefalse',
			text: rescueQuestion.text,
			timeLimitSec: 15,
			points: 1,
			image: null
		});
		clock.advance(500);
		expect(await answer('A', opened.questionIndex, { type: 'truefalse', value: true })).toEqual({
			ok: false,
			error: 'NOT_ELIGIBLE'
		});
		await answer('B', opened.questionIndex, { type: 'truefalse', value: true });
		await answer('C', opened.questionIndex, { type: 'truefalse', value: false });
		clock.advance(15_000); // the timer closes it
		const rescueClosed = await phones.B.next<QuestionClosedFrame>(
			'question:closed',
			(q) => q.kind === 'rescue'
		);
		expect(rescueClosed.remaining).toBe(2);
		const backB = await phones.B.next<PlayerResultFrame>(
			'player:result',
			(r) => r.questionIndex === opened.questionIndex
		);
		expect(backB).toMatchObject({ rescued: true, me: { status: 'active' } });
		const stillC = await phones.C.next<PlayerResultFrame>(
			'player:result',
			(r) => r.questionIndex === opened.questionIndex
		);
		expect(stillC).toMatchObject({ rescued: false, me: { status: 'eliminated' } });

		// Question 3 is marked final: both right, no rescue afterwards.
		await ok('next'); // leaderboard
		await ok('markFinal');
		await ok('next'); // question 3
		clock.advance(1_000);
		await answer('A', 2, { type: 'typeanswer', text: '1929' });
		await answer('B', 2, { type: 'typeanswer', text: ' 1929 ' });
		await ok('close');
		expect(await command('rescue', { variant: 'all' })).toEqual({
			ok: false,
			error: 'RESCUE_CLOSED'
		});

		// Two left after the last question: a tie-break from the reserve.
		const tie = await ok('startTieBreak', { count: 3 });
		expect(tie).toMatchObject({ upcoming: 1, reserveLeft: 0 });
		expect(await command('startTieBreak')).toEqual({ ok: false, error: 'NO_RESERVE' });
		await ok('next'); // leaderboard
		await ok('next'); // tie-break question
		const tieQ = await phones.A.next<QuestionOpenedFrame>(
			'question:opened',
			(q) => q.kind === 'tiebreak'
		);
		clock.advance(1_000);
		await answer('A', tieQ.questionIndex, { type: 'numeric', value: 40 });
		await answer('B', tieQ.questionIndex, { type: 'numeric', value: 30 });
		const decided = await ok('close');
		// One player left: the primary button ends the game instead of going on.
		expect(decided.actions).toMatchObject({ next: 'finish', decided: true });
		const over = await ok('next');
		expect(over.state.phase).toBe('ended');
		const ended = await phones.C.next<GameEndedFrame>('game:ended');
		expect(ended.winner).toEqual({ playerId: expect.any(String), nickname: 'A' });
		expect(ended.podium[0]).toMatchObject({ nickname: 'A', rank: 1 });

		const results = await getResults(db, staff.organizationId, gameId);
		expect(results?.winner?.nickname).toBe('A');
		expect(results?.questions.map((q) => [q.kind, q.eligible, q.correct])).toEqual([
			['main', 4, 2],
			['main', 3, 1],
			['main', 2, 2],
			['rescue', 3, 1],
			['tiebreak', 2, 1]
		]);
	});
});
