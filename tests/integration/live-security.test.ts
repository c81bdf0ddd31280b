import { afterEach, describe, expect, it } from 'vitest';
import type {
	HostAttachReply,
	HostCommandReply,
	JoinReply,
	PingReply,
	TimeSyncReply
} from '../../src/lib/protocol';
import { CLIENT_EVENTS } from '../../src/lib/protocol';
import { invalidateUserSessions } from '../../src/lib/server/auth/session';
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

let server: TestServer | undefined;
afterEach(async () => {
	closeAllClients();
	await server?.close();
	server = undefined;
});

describe('hostile clients', () => {
	it('refuses host commands from an anonymous socket and from staff of another organization', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, url, clock } = server;
		const owner = await makeStaff(db, 'host', clock.now());
		const stranger = await makeStaff(db, 'admin', clock.now());
		const { gameId, pin } = await createGame(db, owner, [q1()]);
		const phone = await connect(url);
		await phone.emit('player:join', { pin, nickname: 'Lan' });

		const anonymous = await connect(url);
		const other = await connect(url, stranger.cookie);
		for (const socket of [anonymous, other]) {
			for (const command of [{ type: 'start' }, { type: 'end' }, { type: 'kick', playerId: 'x' }])
				expect(await socket.emit('host:command', { gameId, command })).toEqual({
					ok: false,
					error: 'FORBIDDEN'
				});
			// A game id that does not exist answers the same: ids cannot be probed.
			expect(
				await socket.emit('host:command', { gameId: 999_999, command: { type: 'start' } })
			).toEqual({
				ok: false,
				error: 'FORBIDDEN'
			});
		}
		expect(await anonymous.emit('host:attach', { gameId })).toEqual({
			ok: false,
			error: 'UNAUTHENTICATED'
		});
		expect(await other.emit('host:attach', { gameId })).toEqual({ ok: false, error: 'NOT_FOUND' });
		// Neither could listen in: no host frames reached them.
		expect(other.all('host:state')).toEqual([]);

		// Nothing changed: the real host finds the game still in the lobby with its player.
		const screen = await connect(url, owner.cookie);
		const attached = await screen.emit<HostAttachReply>('host:attach', { gameId });
		expect(attached.ok && attached.data.state.state.phase).toBe('lobby');
		expect(attached.ok && attached.data.roster.map((p) => p.nickname)).toEqual(['Lan']);

		// A revoked session stops working at once: the server closes its sockets (finding 16), and
		// the session is checked again on every command anyway.
		const closed = new Promise((resolve) => screen.socket.once('disconnect', resolve));
		await invalidateUserSessions(db, owner.userId);
		expect(await closed).toBe('io server disconnect');
		const again = await connect(url, owner.cookie);
		expect(await again.emit('host:command', { gameId, command: { type: 'start' } })).toEqual({
			ok: false,
			error: 'FORBIDDEN'
		});
	});

	it('answers every malformed payload on every event with INVALID_PAYLOAD and keeps serving', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, url, clock } = server;
		const staff = await makeStaff(db, 'host', clock.now());
		const { gameId, pin } = await createGame(db, staff, [q1(), q2()]);
		const screen = await connect(url, staff.cookie);
		await screen.emit('host:attach', { gameId });
		const phone = await connect(url);
		await phone.emit('player:join', { pin, nickname: 'Hoa' });
		await screen.emit('host:command', { gameId, command: { type: 'start' } });

		const junk: unknown[] = [
			null,
			42,
			'player:join',
			[],
			[1, 2],
			{},
			{ pin: 123456 },
			{ pin: '12345', nickname: 'x' },
			{ pin, nickname: 7 },
			{ pin, nickname: 'x'.repeat(500) },
			{ pin, playerToken: '../../etc/passwd' },
			{ gameId: '1' },
			{ gameId: -1, command: { type: 'start' } },
			{ gameId, command: { type: 'explode' } },
			{ gameId, command: { type: 'addTime', seconds: 1e9 } },
			{ gameId, command: 'start' },
			{ questionIndex: -1, answer: { type: 'single', choice: 1 } },
			{ questionIndex: 0, answer: { type: 'single', choice: '1' } },
			{ questionIndex: 0, answer: { type: 'multiple', choices: new Array(50).fill(1) } },
			{ questionIndex: 0, answer: { type: 'numeric', value: 'NaN' } },
			{ questionIndex: 0, answer: { type: 'hack' } },
			{ echo: 'x'.repeat(1000) },
			{ __proto__: { polluted: true } }
		];
		const expectations: Record<string, unknown[]> = {};
		for (const event of CLIENT_EVENTS) {
			if (event === 'time:sync') continue; // takes no payload: anything goes
			expectations[event] = [];
			for (const payload of junk) {
				const ack = await screen.emit<unknown>(event, payload);
				const phoneAck = await phone.emit<unknown>(event, payload);
				for (const reply of [ack, phoneAck]) {
					if (reply.ok) expectations[event].push(payload);
					else expect(reply.error).toMatch(/^[A-Z_]+$/);
				}
			}
		}
		// A few junk payloads happen to be well-formed for one event; none crashed anything.
		for (const event of ['player:join', 'player:rejoin', 'answer:submit'])
			expect(expectations[event]).toEqual([]);
		// Extra keys are ignored: only payloads naming the real game could attach (for the host).
		for (const payload of expectations['host:attach']) expect(payload).toMatchObject({ gameId });
		for (const payload of [null, 42, {}, { pin: 123456 }, [gameId]]) {
			for (const event of [
				'player:join',
				'player:rejoin',
				'answer:submit',
				'host:attach',
				'host:command'
			])
				expect(await phone.emit(event, payload)).toEqual({ ok: false, error: 'INVALID_PAYLOAD' });
		}
		// No ack function at all, or only an ack: the server shrugs.
		phone.socket.emit('answer:submit', { questionIndex: 0 });
		phone.socket.emit('host:command');
		const bare = await phone.socket.timeout(2000).emitWithAck('answer:submit');
		expect(bare).toEqual({ ok: false, error: 'INVALID_PAYLOAD' });

		// Still alive: the game goes on and a valid answer counts.
		const sync = await phone.emit<TimeSyncReply>('time:sync');
		expect(sync.ok && sync.data.serverNow).toBe(clock.now());
		const answer = await phone.emit('answer:submit', {
			questionIndex: 0,
			answer: { type: 'single', choice: 1 }
		});
		expect(answer).toMatchObject({ ok: true, data: { duplicate: false } });
		const closed = await screen.emit<HostCommandReply>('host:command', {
			gameId,
			command: { type: 'close' }
		});
		expect(closed.ok && closed.data.state.closed?.distribution.answered).toBe(1);
	});

	it('rate-limits join attempts per address without slowing players already in', async () => {
		server = await startServer(await newTestDatabase('file'), undefined, { joinLimit: 5 });
		const { db, url, clock } = server;
		const staff = await makeStaff(db, 'host', clock.now());
		const { pin } = await createGame(db, staff, [q1()]);
		const bot = await connect(url);
		const replies = [];
		for (let i = 0; i < 8; i++)
			replies.push(await bot.emit<JoinReply>('player:join', { pin, nickname: `bot${i}` }));
		expect(replies.filter((r) => r.ok)).toHaveLength(5);
		const limited = replies.find((r) => !r.ok);
		expect(limited).toMatchObject({ ok: false, error: 'RATE_LIMITED' });
		expect(
			limited?.ok === false && limited.error === 'RATE_LIMITED' && limited.retryAfterSec
		).toBeGreaterThan(0);
	});

	it('refuses nicknames from the filter list, and taken nicknames, when joining', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, url, clock } = server;
		const staff = await makeStaff(db, 'host', clock.now());
		const { pin } = await createGame(db, staff, [q1()]);
		const phone = await connect(url);
		for (const nickname of ['Đ.M.M', 'fuck you', 'thằng chó', 'Lồn'])
			expect(await phone.emit('player:join', { pin, nickname })).toEqual({
				ok: false,
				error: 'NICKNAME_NOT_ALLOWED'
			});
		expect((await phone.emit('player:join', { pin, nickname: 'Các Bạn Lớn' })).ok).toBe(true);
		const second = await connect(url);
		expect(await second.emit('player:join', { pin, nickname: 'các bạn lớn' })).toEqual({
			ok: false,
			error: 'NICKNAME_TAKEN'
		});
		expect(await second.emit('player:join', { pin: '000000', nickname: 'Ai đó' })).toEqual({
			ok: false,
			error: 'NOT_FOUND'
		});
	});
});

describe('the ping handshake', () => {
	it('knows a logged-in user, and treats an anonymous socket and a forged cookie alike', async () => {
		server = await startServer(await newTestDatabase('file'));
		const staff = await makeStaff(server.db, 'host', server.clock.now());
		const loggedIn = await connect(server.url, staff.cookie);
		const reply = await loggedIn.emit<PingReply>('ping', { echo: 'xin chào' });
		expect(reply).toMatchObject({
			ok: true,
			data: { echo: 'xin chào', serverTime: server.clock.now() }
		});
		expect(reply.ok && reply.data.organizationSlug).toMatch(/^org/);

		const anonymous = await connect(server.url);
		expect(await anonymous.emit('ping', {})).toEqual({ ok: false, error: 'UNAUTHENTICATED' });
		const forged = await connect(server.url, 'cv_session=notarealsessiontoken%ZZ; other=1');
		expect(await forged.emit('ping', {})).toEqual({ ok: false, error: 'UNAUTHENTICATED' });
		const guessed = await connect(server.url, `cv_session=${'a'.repeat(32)}`);
		expect(await guessed.emit('ping', {})).toEqual({ ok: false, error: 'UNAUTHENTICATED' });
		expect(await guessed.emit('host:attach', { gameId: 1 })).toEqual({
			ok: false,
			error: 'UNAUTHENTICATED'
		});
	});
});
