import { afterEach, describe, expect, it } from 'vitest';
import type {
	GameStateFrame,
	HostCommandReply,
	HostState,
	JoinReply
} from '../../src/lib/protocol';
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

// Fan-out cost is one socket write per phone per room frame (docs/performance.md): a transition
// whose own frame already tells the phones everything sends no second, room-wide game:state.
let server: TestServer | undefined;
afterEach(async () => {
	closeAllClients();
	await server?.close();
	server = undefined;
});

/** Runs a host command, then waits until the frames it caused have reached both sockets. */
async function command(client: TestClient, gameId: number, type: string, phone: TestClient) {
	const ack = await client.emit<HostCommandReply>('host:command', { gameId, command: { type } });
	if (!ack.ok) throw new Error(`${type} refused: ${ack.error}`);
	await Promise.all([client.drain(), phone.drain()]);
}

const events = (phone: TestClient) => phone.events.map((e) => e.event);

describe('room frames per transition', () => {
	it('opens and closes a question with one room frame each, and still sends game:state where the phones cannot infer it', async () => {
		server = await startServer(await newTestDatabase('file'));
		const staff = await makeStaff(server.db, 'host', server.clock.now());
		const { gameId, pin } = await createGame(server.db, staff, [q1(), q2()]);
		const screen = await connect(server.url, staff.cookie);
		await screen.emit('host:attach', { gameId });
		const phone = await connect(server.url);
		const joined = await phone.emit<JoinReply>('player:join', { pin, nickname: 'An' });
		expect(joined.ok).toBe(true);

		// The first question: the phones' state came with their join reply, the frame implies the rest.
		await command(screen, gameId, 'start', phone);
		expect(events(phone)).toEqual(['question:opened']);

		phone.events.length = 0;
		await command(screen, gameId, 'close', phone);
		expect(events(phone)).toEqual(['question:closed', 'player:result']);

		phone.events.length = 0;
		await command(screen, gameId, 'showLeaderboard', phone);
		expect(events(phone)).toEqual(['leaderboard', 'game:state']);

		phone.events.length = 0;
		await command(screen, gameId, 'next', phone);
		expect(events(phone)).toEqual(['question:opened']);

		// Pausing changes `paused`: the phones are told.
		phone.events.length = 0;
		await command(screen, gameId, 'pause', phone);
		expect(events(phone)).toEqual(['question:timer', 'game:state']);
		expect(phone.all<GameStateFrame>('game:state')[0]).toMatchObject({ paused: true });

		// The host screen follows host:state on every transition, and on the first join (which
		// makes "start" possible: the engine's host actions changed).
		const hostStates = screen.all<HostState>('host:state');
		expect(hostStates.length).toBe(6);
		expect(hostStates[0].actions.actions.start).toEqual({ ok: true });
	});
});
