import { afterEach, describe, expect, it } from 'vitest';
import type { HostAttachReply, JoinReply } from '../../src/lib/protocol';
import { invalidateSession, hashToken } from '../../src/lib/server/auth/session';
import { updateMember } from '../../src/lib/server/auth/members';
import { user } from '../../src/lib/server/db/schema';
import {
	closeAllClients,
	connect,
	createGame,
	makeStaff,
	q1,
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

/** Resolves with the reason once the server closes the socket. */
function closed(client: TestClient): Promise<string> {
	return new Promise((resolve) => client.socket.once('disconnect', (reason) => resolve(reason)));
}

const PROXY = { header: 'x-forwarded-for', depth: 1 };

describe('finding 8: socket connections per address', () => {
	it('refuses connections over the per-address cap and admits again once one closes', async () => {
		server = await startServer(await newTestDatabase('file'), undefined, {
			app: { limits: { liveSocketsPerAddress: 3 } }
		});
		const held = [await connect(server.url), await connect(server.url), await connect(server.url)];
		await expect(connect(server.url)).rejects.toThrow();
		const gone = closed(held[0]);
		held[0].disconnect();
		await gone;
		// The server releases the slot when it sees the close; retry until it has.
		let fourth: TestClient | undefined;
		while (!fourth) fourth = await connect(server.url).catch(() => undefined);
		expect(fourth.socket.connected).toBe(true);
	});

	it('lets a hall of phones behind one address join with the default cap', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, url, clock } = server;
		const { pin } = await createGame(db, await makeStaff(db, 'host', clock.now()), [q1()]);
		const phones = await Promise.all(Array.from({ length: 300 }, () => connect(url)));
		const replies = await Promise.all(
			phones.map((phone, i) =>
				phone.emit<JoinReply>('player:join', { pin, nickname: `Công nhân ${i}` })
			)
		);
		expect(replies.filter((r) => r.ok)).toHaveLength(300);
	});

	it('closes a socket that joins no game within the timeout, and keeps phones and hosts that did', async () => {
		server = await startServer(await newTestDatabase('file'), undefined, {
			realtime: { unjoinedTimeoutMs: 400 }
		});
		const { db, url, clock } = server;
		const staff = await makeStaff(db, 'host', clock.now());
		const { gameId, pin } = await createGame(db, staff, [q1()]);
		const phone = await connect(url);
		expect((await phone.emit<JoinReply>('player:join', { pin, nickname: 'Lan' })).ok).toBe(true);
		const host = await connect(url, staff.cookie);
		expect((await host.emit<HostAttachReply>('host:attach', { gameId })).ok).toBe(true);
		const idle = await connect(url);
		expect(await closed(idle)).toBe('io server disconnect');
		// Their timers were armed before the idle socket's, so they have run too.
		expect(phone.socket.connected).toBe(true);
		expect(host.socket.connected).toBe(true);
	});
});

describe('finding 9: one client address behind a proxy', () => {
	it('counts sockets by the hop the proxy appended, not by what the client wrote to its left', async () => {
		server = await startServer(await newTestDatabase('file'), undefined, {
			app: { config: { address: PROXY }, limits: { liveSocketsPerAddress: 1 } }
		});
		const first = await connect(server.url, undefined, {
			'x-forwarded-for': '1.1.1.1, 203.0.113.7'
		});
		expect(first.socket.connected).toBe(true);
		// Same client, a different spoofed left part: still the same address, over the cap.
		await expect(
			connect(server.url, undefined, { 'x-forwarded-for': '9.9.9.9, 203.0.113.7' })
		).rejects.toThrow();
		// Another client behind the same proxy has its own budget.
		const other = await connect(server.url, undefined, {
			'x-forwarded-for': '1.1.1.1, 203.0.113.8'
		});
		expect(other.socket.connected).toBe(true);
	});

	it('rate-limits joins by that address (one budget for a client whatever it forges)', async () => {
		server = await startServer(await newTestDatabase('file'), undefined, {
			joinLimit: 2,
			app: { config: { address: PROXY } }
		});
		const { db, url, clock } = server;
		const { pin } = await createGame(db, await makeStaff(db, 'host', clock.now()), [q1()]);
		const replies = [];
		for (let i = 0; i < 3; i++) {
			const phone = await connect(url, undefined, {
				'x-forwarded-for': `10.0.0.${i}, 198.51.100.4`
			});
			replies.push(await phone.emit<JoinReply>('player:join', { pin, nickname: `Người ${i}` }));
		}
		expect(replies.map((r) => r.ok || r.error)).toEqual([true, true, 'RATE_LIMITED']);
	});
});

describe('finding 16: ending a session closes its sockets', () => {
	it('disabling a host closes their open host screen at once', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, url, clock } = server;
		const owner = await makeStaff(db, 'host', clock.now());
		const { gameId } = await createGame(db, owner, [q1()]);
		const [admin] = await db
			.insert(user)
			.values({
				organizationId: owner.organizationId,
				username: `admin${owner.userId}`,
				displayName: 'Quản trị',
				passwordHash: 'x',
				role: 'admin',
				createdAt: new Date(clock.now())
			})
			.returning();
		const screen = await connect(url, owner.cookie);
		expect((await screen.emit<HostAttachReply>('host:attach', { gameId })).ok).toBe(true);
		const bystander = await connect(url, (await makeStaff(db, 'host', clock.now())).cookie);
		await bystander.emit('host:attach', { gameId: -1 });
		const gone = closed(screen);
		expect(
			await updateMember(db, owner.organizationId, admin, owner.userId, { disabled: true })
		).toBe('ok');
		expect(await gone).toBe('io server disconnect');
		expect(bystander.socket.connected).toBe(true);
	});

	it('logging out closes the sockets of that session only', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, url, clock } = server;
		const owner = await makeStaff(db, 'host', clock.now());
		const { gameId } = await createGame(db, owner, [q1()]);
		const screen = await connect(url, owner.cookie);
		expect((await screen.emit<HostAttachReply>('host:attach', { gameId })).ok).toBe(true);
		const gone = closed(screen);
		await invalidateSession(db, hashToken(owner.cookie.split('=')[1]));
		expect(await gone).toBe('io server disconnect');
	});
});
