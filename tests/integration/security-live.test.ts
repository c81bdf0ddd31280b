import { afterEach, describe, expect, it } from 'vitest';
import type { HostCommandReply, JoinReply, RejoinReply } from '../../src/lib/protocol';
import { ENDED_GAME_TTL_MS } from '../../src/lib/server/live/registry';
import { getResults } from '../../src/lib/server/live/service';
import { registryOf } from '../../src/lib/server/realtime';
import { load as joinPage } from '../../src/routes/join/[pin]/+page.server';
import {
	closeAllClients,
	connect,
	createGame,
	makeStaff,
	q1,
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

describe('finding 15: ended games leave memory', () => {
	it('evicts an ended game, and again after a phone reloads its podium; results stay on disk', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, url, clock, io } = server;
		const registry = registryOf(io)!;
		const staff = await makeStaff(db, 'host', clock.now());
		const { gameId, pin } = await createGame(db, staff, [q1()]);
		const phone = await connect(url);
		const joined = await phone.emit<JoinReply>('player:join', { pin, nickname: 'Lan' });
		if (!joined.ok) throw new Error(joined.error);
		const screen = await connect(url, staff.cookie);
		await screen.emit('host:attach', { gameId });
		const ended = await screen.emit<HostCommandReply>('host:command', {
			gameId,
			command: { type: 'end' }
		});
		expect(ended.ok).toBe(true);
		await Promise.all([screen.drain(), phone.drain()]);
		expect(registry.size).toBe(1);

		clock.advance(ENDED_GAME_TTL_MS);
		expect(registry.size).toBe(0);

		// A phone reloading the podium loads it again from the database…
		const reload = await connect(url);
		const rejoined = await reload.emit<RejoinReply>('player:rejoin', {
			pin,
			playerToken: joined.data.playerToken
		});
		expect(rejoined.ok && rejoined.data.view.me.nickname).toBe('Lan');
		expect(registry.size).toBe(1);
		// …and it leaves memory again.
		clock.advance(ENDED_GAME_TTL_MS);
		expect(registry.size).toBe(0);
		expect(
			(await getResults(db, staff.organizationId, gameId))?.players.map((p) => p.nickname)
		).toEqual(['Lan']);
	});
});

describe('finding 16: joining a game', () => {
	it('refuses a nickname that would pass for another player on the projector', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, url, clock } = server;
		const { pin } = await createGame(db, await makeStaff(db, 'host', clock.now()), [q1()]);
		const lan = await connect(url);
		expect((await lan.emit<JoinReply>('player:join', { pin, nickname: 'Lan' })).ok).toBe(true);
		for (const nickname of ['L\u0430n', 'Lan\u202E', '\u2067Lan']) {
			const twin = await connect(url);
			expect(await twin.emit<JoinReply>('player:join', { pin, nickname })).toEqual({
				ok: false,
				error: 'NICKNAME_INVALID'
			});
		}
		// Vietnamese names with every diacritic join as typed (NFC).
		const hoa = await connect(url);
		const joined = await hoa.emit<JoinReply>('player:join', {
			pin,
			nickname: 'Nguye\u0302\u0303n Thị Hoà'
		});
		expect(joined.ok && joined.data.view.me.nickname).toBe('Nguyễn Thị Hoà');
	});

	it('enforces the PIN-guessing limit on /join/[pin]: a blocked address learns nothing about real PINs', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { app, db, clock } = server;
		const { pin } = await createGame(db, await makeStaff(db, 'host', clock.now()), [q1()]);
		const address = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
		const visit = (p: string) =>
			joinPage({
				params: { pin: p },
				locals: { app },
				getClientAddress: () => address,
				platform: undefined,
				request: new Request(`http://127.0.0.1/join/${p}`),
				setHeaders: () => {}
			} as never) as Promise<{ game: unknown; limited: boolean }>;
		expect((await visit(pin)).game).not.toBeNull();
		let misses = 0;
		while (!(await visit('000000')).limited) misses++;
		expect(misses).toBeLessThanOrEqual(30);
		// Now even the real PIN is not confirmed to this address.
		expect(await visit(pin)).toMatchObject({ game: null, limited: true });
	});
});
