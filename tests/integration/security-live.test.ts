import { afterEach, describe, expect, it } from 'vitest';
import type { HostCommandReply, JoinReply, RejoinReply } from '../../src/lib/protocol';
import { ENDED_GAME_TTL_MS } from '../../src/lib/server/live/registry';
import { getResults } from '../../src/lib/server/live/service';
import { registryOf } from '../../src/lib/server/realtime';
import {
	closeAllClients,
	connect,
	createGame,
	makeStaff,
	q1,
	settle,
	startServer,
	tempDbFile,
	type TestServer
} from './live-harness';

let server: TestServer | undefined;
afterEach(async () => {
	closeAllClients();
	await server?.close();
	server = undefined;
});

describe('finding 15: ended games leave memory', () => {
	it('evicts an ended game, and again after a phone reloads its podium; results stay on disk', async () => {
		server = await startServer(tempDbFile());
		const { db, url, clock, io } = server;
		const registry = registryOf(io)!;
		const staff = makeStaff(db, 'host', clock.now());
		const { gameId, pin } = createGame(db, staff, [q1()]);
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
		await settle();
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
		expect(getResults(db, staff.organizationId, gameId)?.players.map((p) => p.nickname)).toEqual([
			'Lan'
		]);
	});
});
