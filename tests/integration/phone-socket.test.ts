import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSocket, type LiveSocket, type SocketOptions } from '../../src/lib/client/socket';
import { createGame, makeStaff, q1, startServer, type TestServer } from './live-harness';
import { newTestDatabase } from '../../src/lib/server/db/test-databases';

const servers: TestServer[] = [];
const sockets: LiveSocket[] = [];
afterEach(async () => {
	for (const socket of sockets.splice(0)) socket.disconnect();
	for (const server of servers.splice(0)) await server.close().catch(() => undefined);
});

async function setup() {
	const server = await startServer(await newTestDatabase('file'));
	servers.push(server);
	return server;
}

function open(server: TestServer, options: Partial<SocketOptions> = {}): LiveSocket {
	const socket = createSocket({
		origin: server.url,
		WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
		...options
	});
	sockets.push(socket);
	return socket;
}

function once(socket: LiveSocket, event: 'connect' | 'disconnect'): Promise<string | undefined> {
	return new Promise((resolve) => socket.on(event, resolve as () => void));
}

describe('the phone socket (socket.io protocol over a plain WebSocket)', () => {
	it('connects, joins a game with an acknowledged request and receives its broadcasts', async () => {
		const server = await setup();
		const staff = await makeStaff(server.db);
		const { pin } = await createGame(server.db, staff, [q1()]);
		const socket = open(server);
		const connected = once(socket, 'connect');
		socket.connect();
		await connected;
		expect(socket.connected).toBe(true);

		const reply = await socket.request('player:join', { pin, nickname: 'Lan' }, 5_000);
		if (!reply.ok) throw new Error(`join refused: ${reply.error}`);
		expect(reply.data.view.me.nickname).toBe('Lan');

		const received = new Promise((resolve) => socket.on('player:me', resolve));
		server.io.emit('player:me', reply.data.view.me);
		expect(await received).toEqual(reply.data.view.me);
	});

	it('comes back by itself after the server drops the connection, and fails the pending request', async () => {
		const server = await setup();
		const socket = open(server);
		const first = once(socket, 'connect');
		socket.connect();
		await first;

		const pending = socket.request('time:sync', {}, 5_000);
		const dropped = once(socket, 'disconnect');
		const back = new Promise<void>((resolve) =>
			dropped.then(() => socket.on('connect', () => resolve()))
		);
		for (const s of server.io.of('/').sockets.values()) s.conn.close(); // transport closed, not a kick
		await expect(pending).rejects.toThrow();
		expect(await dropped).toBe('transport close');
		await back;
		expect(await socket.request('time:sync', {}, 5_000)).toMatchObject({ ok: true });
	});

	it('stays away after the server ends the session on purpose (a kicked player)', async () => {
		const server = await setup();
		const socket = open(server);
		const connected = once(socket, 'connect');
		socket.connect();
		await connected;
		const dropped = once(socket, 'disconnect');
		for (const s of await server.io.fetchSockets()) s.disconnect(true);
		expect(await dropped).toBe('io server disconnect');
		expect(socket.connected).toBe(false);
		expect((await server.io.fetchSockets()).length).toBe(0);
	});

	it('falls back to long-polling when WebSockets cannot connect on this network', async () => {
		const server = await setup();
		/** A network that refuses WebSockets: every attempt closes before it opens. */
		class RefusedWebSocket {
			readyState = 3;
			onmessage: unknown = null;
			onclose: (() => void) | null = null;
			constructor() {
				setTimeout(() => this.onclose?.(), 5);
			}
			send() {}
			close() {}
		}
		const socket = open(server, {
			WebSocket: RefusedWebSocket as unknown as typeof globalThis.WebSocket
		});
		const errors: string[] = [];
		socket.on('connect_error', (error) => errors.push(error.message));
		const connected = once(socket, 'connect');
		socket.connect();
		await connected;
		expect(errors.length).toBeGreaterThanOrEqual(2);
		expect(await socket.request('time:sync', {}, 5_000)).toMatchObject({ ok: true });
		const [remote] = server.io.of('/').sockets.values();
		expect(['polling', 'websocket']).toContain(remote.conn.transport.name);
	});
});
