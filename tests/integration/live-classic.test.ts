import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
	AnswerReply,
	GameEndedFrame,
	HostAttachReply,
	HostCommandReply,
	HostAnsweredFrame,
	JoinReply,
	LeaderboardFrame,
	LobbyPlayersFrame,
	PlayerResultFrame,
	QuestionClosedFrame,
	QuestionOpenedFrame
} from '../../src/lib/protocol';
import { getResults, exportResults } from '../../src/lib/server/live/service';
import { getSnapshot } from '../../src/lib/server/db/queries/games';
import {
	closeAllClients,
	connect,
	createGame,
	makeStaff,
	q1,
	q2,
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

async function join(url: string, pin: string, nickname: string) {
	const phone = await connect(url);
	const ack = await phone.emit<JoinReply>('player:join', { pin, nickname });
	if (!ack.ok) throw new Error(`join failed: ${ack.error}`);
	return {
		phone,
		token: ack.data.playerToken,
		playerId: ack.data.view.me.playerId,
		view: ack.data.view
	};
}

async function host(client: TestClient, gameId: number, type: string, extra: object = {}) {
	const ack = await client.emit<HostCommandReply>('host:command', {
		gameId,
		command: { type, ...extra }
	});
	if (!ack.ok) throw new Error(`${type} refused: ${ack.error}`);
	return ack.data.state;
}

describe('a classic game with a host and three phones', () => {
	it('plays from the lobby to the podium with the engine scores and no early answer key', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, clock, url } = server;
		const staff = await makeStaff(db, 'host', clock.now());
		const { gameId, pin } = await createGame(db, staff, [q1(), q2()]);

		const screen = await connect(url, staff.cookie);
		const attached = await screen.emit<HostAttachReply>('host:attach', { gameId });
		expect(attached.ok && attached.data.state.state.phase).toBe('lobby');

		const an = await join(url, pin, 'An');
		const binh = await join(url, pin, 'Bình');
		const chi = await join(url, pin, 'Chi');
		expect(an.token).toMatch(/^[a-z2-7]{32}$/);
		expect(an.view).toMatchObject({ gameId, pin, state: { phase: 'lobby' }, question: null });
		const roster = await screen.next<LobbyPlayersFrame>('lobby:players', (f) => f.count === 3);
		expect(roster.count).toBe(3);

		// Question 1 opens: one frame per phone, deadline in server time.
		const openedAt = clock.now();
		await host(screen, gameId, 'start');
		const opened = await an.phone.next<QuestionOpenedFrame>('question:opened');
		expect(opened).toMatchObject({
			questionIndex: 0,
			number: 1,
			total: 2,
			deadline: openedAt + 20_000,
			serverNow: openedAt,
			question: { type: 'single', options: ['6 giờ', '8 giờ', '10 giờ', '12 giờ'] }
		});
		expect(opened.question).not.toHaveProperty('correct');

		clock.advance(2_000);
		const ackAn = await an.phone.emit<AnswerReply>('answer:submit', {
			questionIndex: 0,
			answer: { type: 'single', choice: 1 }
		});
		expect(ackAn).toEqual({
			ok: true,
			data: { questionIndex: 0, accepted: true, duplicate: false }
		});
		clock.advance(2_000);
		await binh.phone.emit('answer:submit', {
			questionIndex: 0,
			answer: { type: 'single', choice: 0 }
		});
		clock.advance(4_000);
		await chi.phone.emit('answer:submit', {
			questionIndex: 0,
			answer: { type: 'single', choice: 1 }
		});
		const answered = await screen.next<HostAnsweredFrame>('host:answered', (f) => f.answered === 3);
		expect(answered).toEqual({ questionIndex: 0, answered: 3, eligible: 3 });

		// Nothing a phone received before the close holds the key, the explanation or the citation.
		for (const { phone } of [an, binh, chi]) {
			const wire = phone.raw.join('\n');
			expect(wire).toContain('question:opened');
			expect(wire).not.toContain('BÍ_MẬT_GIẢI_THÍCH');
			expect(wire).not.toContain('Điều 105');
			expect(wire).not.toMatch(/"correct"\s*:/);
			expect(wire).not.toContain('"reveal"');
		}

		await host(screen, gameId, 'close');
		const closed = await binh.phone.next<QuestionClosedFrame>('question:closed');
		expect(closed.reveal.answer).toEqual({ type: 'single', correct: 1 });
		expect(closed.reveal.citation?.article).toBe('Điều 105');
		expect(closed.distribution).toMatchObject({ answered: 3, correct: 2, options: [1, 2, 0, 0] });

		// Kahoot scoring: round(1000 × (1 − t / 2T)).
		const resultAn = await an.phone.next<PlayerResultFrame>('player:result');
		const resultBinh = await binh.phone.next<PlayerResultFrame>('player:result');
		const resultChi = await chi.phone.next<PlayerResultFrame>('player:result');
		expect(resultAn).toMatchObject({ correct: true, points: 950, me: { score: 950, rank: 1 } });
		expect(resultChi).toMatchObject({ correct: true, points: 800, me: { score: 800, rank: 2 } });
		expect(resultBinh).toMatchObject({ correct: false, points: 0, me: { score: 0, rank: 3 } });
		expect(resultAn.ranked).toBe(3);

		await host(screen, gameId, 'next'); // reveal → leaderboard
		const board = await chi.phone.next<LeaderboardFrame>('leaderboard');
		expect(board.top.map((e) => e.nickname)).toEqual(['An', 'Chi', 'Bình']);

		// Question 2 closes on its timer; the streak bonus (+100) applies to a second right answer.
		await host(screen, gameId, 'next');
		await an.phone.next<QuestionOpenedFrame>('question:opened', (f) => f.questionIndex === 1);
		clock.advance(1_000);
		await an.phone.emit('answer:submit', {
			questionIndex: 1,
			answer: { type: 'truefalse', value: true }
		});
		clock.advance(9_000);
		await chi.phone.emit('answer:submit', {
			questionIndex: 1,
			answer: { type: 'truefalse', value: true }
		});
		clock.advance(10_001);
		await an.phone.next<QuestionClosedFrame>('question:closed', (f) => f.questionIndex === 1);
		const second = await an.phone.next<PlayerResultFrame>(
			'player:result',
			(f) => f.questionIndex === 1
		);
		expect(second).toMatchObject({ points: 975 + 100, me: { score: 2025, streak: 2 } });
		const chiSecond = await chi.phone.next<PlayerResultFrame>(
			'player:result',
			(f) => f.questionIndex === 1
		);
		expect(chiSecond.me.score).toBe(800 + 750 + 100);
		const binhSecond = await binh.phone.next<PlayerResultFrame>(
			'player:result',
			(f) => f.questionIndex === 1
		);
		expect(binhSecond).toMatchObject({ answered: false, points: 0, me: { score: 0 } });

		await host(screen, gameId, 'next'); // leaderboard
		await host(screen, gameId, 'next'); // podium
		const podium = await binh.phone.next<GameEndedFrame>('game:ended');
		expect(podium.podium.map((e) => [e.nickname, e.score])).toEqual([
			['An', 2025],
			['Chi', 1650],
			['Bình', 0]
		]);
		const final = await host(screen, gameId, 'next'); // end
		expect(final.state.phase).toBe('ended');

		// A snapshot follows the end shortly; results read the same from snapshot or from the log.
		const fromLog = await getResults(db, staff.organizationId, gameId);
		clock.advance(2_000);
		await vi.waitFor(async () => expect((await getSnapshot(db, gameId))?.seq).toBeGreaterThan(10));
		const results = await getResults(db, staff.organizationId, gameId);
		expect(results).toEqual(fromLog);
		expect(results?.game.status).toBe('ended');
		expect(results?.players.map((p) => [p.rank, p.nickname, p.score])).toEqual([
			[1, 'An', 2025],
			[2, 'Chi', 1650],
			[3, 'Bình', 0]
		]);
		expect(
			results?.questions.map((q) => [q.questionIndex, q.eligible, q.correct, q.percentCorrect])
		).toEqual([
			[0, 3, 2, 66.7],
			[1, 3, 2, 66.7]
		]);
		expect(results?.questions[0].averageMs).toBe(Math.round((2000 + 4000 + 8000) / 3));

		const csv = await exportResults(db, staff.organizationId, gameId, 'csv');
		expect([...(csv?.body.slice(0, 3) ?? [])]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(csv?.body);
		expect(text).toContain('Bình');
		const xlsx = await exportResults(db, staff.organizationId, gameId, 'xlsx');
		expect(xlsx?.body.byteLength).toBeGreaterThan(1000);
	});
});
