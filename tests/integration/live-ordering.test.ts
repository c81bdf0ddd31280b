/** Issue 10, finding 1, live surface: the socket frames of an ordering question over real sockets. */
import { afterEach, describe, expect, it } from 'vitest';
import type {
	AnswerReply,
	HostAttachReply,
	HostCommandReply,
	JoinReply,
	PlayerResultFrame,
	QuestionOpenedFrame
} from '../../src/lib/protocol';
import type { Question } from '../../src/lib/quiz/question';
import {
	closeAllClients,
	connect,
	createGame,
	makeStaff,
	startServer,
	type TestServer
} from './live-harness';
import { newTestDatabase } from '../../src/lib/server/db/test-databases';

let server: TestServer | undefined;
afterEach(async () => {
	closeAllClients();
	await server?.close();
	server = undefined;
});

const ITEMS = ['Hòa giải viên lao động', 'Hội đồng trọng tài lao động', 'Tòa án nhân dân'];

function ordering(items: string[]): Question {
	return {
		type: 'ordering',
		text: 'Sắp xếp trình tự giải quyết tranh chấp lao động cá nhân.',
		items,
		timeLimitSec: 20,
		points: 1,
		tags: []
	};
}

/** A game of one ordering question stored in `items` order (seed 42, like every harness game). */
async function openedFor(s: TestServer, items: string[]) {
	const staff = await makeStaff(s.db, 'host', s.clock.now());
	const { gameId, pin } = await createGame(s.db, staff, [ordering(items)]);
	const screen = await connect(s.url, staff.cookie);
	expect((await screen.emit<HostAttachReply>('host:attach', { gameId })).ok).toBe(true);
	const phone = await connect(s.url);
	expect((await phone.emit<JoinReply>('player:join', { pin, nickname: 'Hà' })).ok).toBe(true);
	const start = await screen.emit<HostCommandReply>('host:command', {
		gameId,
		command: { type: 'start' }
	});
	expect(start.ok).toBe(true);
	const frame = await phone.next<QuestionOpenedFrame>('question:opened');
	const wire = phone.raw.find((packet) => packet.includes('question:opened'))!;
	return { gameId, screen, phone, frame, wire };
}

describe('finding 1: live ordering questions', () => {
	it('send the same question frame whatever the stored (correct) order, and judge the ids through the game', async () => {
		server = await startServer(await newTestDatabase('file'));
		const a = await openedFor(server, ITEMS);
		const reordered = [ITEMS[1], ITEMS[2], ITEMS[0]];
		const b = await openedFor(server, reordered);
		expect(b.frame.question).toEqual(a.frame.question);
		// On the wire, apart from the game id and the clock, the frames are the same bytes.
		const strip = (raw: string) =>
			raw.replace(/"gameId":\d+/, '').replace(/"(deadline|serverNow)":\d+/g, '');
		expect(strip(b.wire)).toBe(strip(a.wire));

		// Game b's correct order, built from the frame only, is judged right by game b.
		const q = b.frame.question;
		if (q.type !== 'ordering') throw new Error('expected an ordering question');
		const order = reordered.map((text) => q.items.find((item) => item.text === text)!.id);
		const ack = await b.phone.emit<AnswerReply>('answer:submit', {
			questionIndex: 0,
			answer: { type: 'ordering', order }
		});
		expect(ack.ok).toBe(true);
		await b.screen.emit('host:command', { gameId: b.gameId, command: { type: 'close' } });
		const result = await b.phone.next<PlayerResultFrame>('player:result');
		expect(result).toMatchObject({ answered: true, correct: true, fraction: 1 });
	});
});
