import { afterEach, describe, expect, it } from 'vitest';
import type {
	AnswerReply,
	HostAttachReply,
	HostCommandReply,
	JoinReply,
	PlayerResultFrame,
	RejoinReply
} from '../../src/lib/protocol';
import { getResults } from '../../src/lib/server/live/service';
import {
	closeAllClients,
	connect,
	createGame,
	makeStaff,
	ManualClock,
	q1,
	q2,
	startServer,
	type TestServer
} from './live-harness';
import { newTestDatabase } from '../../src/lib/server/db/test-databases';

const servers: TestServer[] = [];
afterEach(async () => {
	closeAllClients();
	for (const server of servers.splice(0)) await server.close().catch(() => undefined);
});

describe('a restart mid-question', () => {
	it('resumes the game on a new server over the same database with every acknowledged answer', async () => {
		const file = await newTestDatabase('file');
		const first = await startServer(file);
		servers.push(first);
		const staff = await makeStaff(first.db, 'host', first.clock.now());
		const { gameId, pin } = await createGame(first.db, staff, [q1(), q2()]);
		const screen = await connect(first.url, staff.cookie);
		await screen.emit('host:attach', { gameId });
		const tokens: Record<string, string> = {};
		const phones = [];
		for (const nickname of ['Mai', 'Nam', 'Oanh']) {
			const phone = await connect(first.url);
			const ack = await phone.emit<JoinReply>('player:join', { pin, nickname });
			if (!ack.ok) throw new Error(ack.error);
			tokens[nickname] = ack.data.playerToken;
			phones.push(phone);
		}
		const openedAt = first.clock.now();
		await screen.emit('host:command', { gameId, command: { type: 'start' } });
		first.clock.advance(2_000);
		const answer = { questionIndex: 0, answer: { type: 'single', choice: 1 } };
		expect((await phones[0].emit<AnswerReply>('answer:submit', answer)).ok).toBe(true);
		first.clock.advance(2_000);
		expect(
			(
				await phones[1].emit<AnswerReply>('answer:submit', {
					questionIndex: 0,
					answer: { type: 'single', choice: 3 }
				})
			).ok
		).toBe(true);

		// The process goes away; a new one opens the same file 3 s later.
		await first.close();
		servers.splice(servers.indexOf(first), 1);
		const clock = new ManualClock(first.clock.now() + 3_000);
		const second = await startServer(file, clock);
		servers.push(second);
		expect(clock.pendingTimers).toBe(1); // the question timer, re-armed from the deadline

		const again = await connect(second.url, staff.cookie);
		const attached = await again.emit<HostAttachReply>('host:attach', { gameId });
		if (!attached.ok) throw new Error(attached.error);
		expect(attached.data.state).toMatchObject({
			state: { phase: 'question', questionIndex: 0 },
			answered: 2,
			question: { deadline: openedAt + 20_000, remainingMs: 20_000 - 7_000 }
		});
		expect(attached.data.roster.map((p) => p.nickname)).toEqual(['Mai', 'Nam', 'Oanh']);

		// Phones come back by themselves with their tokens.
		const back: Record<string, Awaited<ReturnType<typeof connect>>> = {};
		for (const nickname of ['Mai', 'Nam', 'Oanh']) {
			const phone = await connect(second.url);
			const ack = await phone.emit<RejoinReply>('player:rejoin', {
				pin,
				playerToken: tokens[nickname]
			});
			if (!ack.ok) throw new Error(ack.error);
			expect(ack.data.view.answered).toBe(nickname !== 'Oanh');
			back[nickname] = phone;
		}
		// Mai's answer survived: resending it is a duplicate, not a second score.
		expect(await back.Mai.emit('answer:submit', answer)).toEqual({
			ok: true,
			data: { questionIndex: 0, accepted: true, duplicate: true }
		});
		clock.advance(1_000);
		expect(await back.Oanh.emit('answer:submit', answer)).toMatchObject({ ok: true });

		const closed = await again.emit<HostCommandReply>('host:command', {
			gameId,
			command: { type: 'close' }
		});
		expect(closed.ok && closed.data.state.closed?.distribution).toMatchObject({
			answered: 3,
			correct: 2
		});
		const mai = await back.Mai.next<PlayerResultFrame>('player:result');
		const oanh = await back.Oanh.next<PlayerResultFrame>('player:result');
		expect(mai.me.score).toBe(950);
		expect(oanh.me.score).toBe(Math.round(1000 * (1 - 8_000 / 40_000)));
		expect(
			(await getResults(second.db, staff.organizationId, gameId))?.players.map((p) => p.score)
		).toEqual([950, 800, 0]);
	});

	it('closes a question on its persisted deadline when the server comes back after it', async () => {
		const file = await newTestDatabase('file');
		const first = await startServer(file);
		servers.push(first);
		const staff = await makeStaff(first.db, 'host', first.clock.now());
		const { gameId, pin } = await createGame(first.db, staff, [q1()]);
		const phone = await connect(first.url);
		await phone.emit('player:join', { pin, nickname: 'Quân' });
		const screen = await connect(first.url, staff.cookie);
		await screen.emit('host:command', { gameId, command: { type: 'start' } });
		await first.close();
		servers.splice(0);

		const clock = new ManualClock(first.clock.now() + 60_000);
		const second = await startServer(file, clock);
		servers.push(second);
		clock.advance(0); // the overdue close; host:attach answers after its commit
		const host = await connect(second.url, staff.cookie);
		const attached = await host.emit<HostAttachReply>('host:attach', { gameId });
		expect(attached.ok && attached.data.state.state.phase).toBe('reveal');
	});
});
