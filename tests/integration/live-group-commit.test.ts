/** Issue 13, item 2: live writes share the group commit, and one failing write is rejected alone. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { openTestDb } from '../../src/lib/server/db/test-databases';
import { listPlayerRows } from '../../src/lib/server/db/queries/games';
import { gameCommand } from '../../src/lib/server/db/schema';
import { GameRegistry } from '../../src/lib/server/live/registry';
import { getPlayer } from '../../src/lib/quiz/selectors';
import { createGame, makeStaff, ManualClock, q1 } from './live-harness';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
	await cleanup?.();
	cleanup = undefined;
});

async function world() {
	const db: Db = await openTestDb();
	const clock = new ManualClock();
	const heard: string[] = [];
	const evicted: number[] = [];
	const registry = new GameRegistry({
		db,
		now: clock.now,
		timers: clock.timers,
		listener: (game, events) => {
			for (const event of events)
				if (event.type === 'playerJoined') heard.push(`${game.id}:${event.playerId}`);
		},
		onEvict: (id) => evicted.push(id)
	});
	cleanup = () => registry.dispose();
	const staff = await makeStaff(db, 'host', clock.now());
	const games = [];
	for (let i = 0; i < 3; i++) {
		const { gameId } = await createGame(db, staff, [q1()]);
		games.push((await registry.get(gameId))!);
	}
	return { db, clock, registry, games, heard, evicted };
}

describe('live writes in the group commit', () => {
	it('reject only the game whose write failed: the other games of the same batch commit and are told', async () => {
		const { db, clock, registry, games, heard, evicted } = await world();
		const [a, b, c] = games;
		// Game b's next log entry collides with a row already on disk (its unique game/seq key), as
		// if another process had written to the game.
		const other = JSON.stringify({ type: 'lock' });
		await db
			.insert(gameCommand)
			.values({ gameId: b.id, seq: b.seq + 1, command: other, at: clock.now() });

		// One turn of the event loop: a join in each game, then a second one in game b.
		const join = (game: (typeof games)[number], playerId: string) => {
			const result = game.run(
				{ type: 'join', playerId, nickname: `Người ${playerId}`, fields: {} },
				{ tokenHash: `hash-${game.id}-${playerId}` }
			);
			expect(result.ok).toBe(true);
			return new Promise<unknown>((resolve) => registry.commit.afterCommit(resolve, game.id));
		};
		const acks = [join(a, 'pa'), join(b, 'pb'), join(c, 'pc'), join(b, 'pb2')];
		const errors = await Promise.all(acks);

		expect(errors.map((error) => error === undefined)).toEqual([true, false, true, false]);
		expect(registry.commit.stats.commits).toBe(1);
		// Only the committed joins reached the broadcaster; game b left memory.
		expect(heard).toEqual([`${a.id}:pa`, `${c.id}:pc`]);
		expect(evicted).toEqual([b.id]);
		expect((await listPlayerRows(db, a.id)).map((p) => p.playerId)).toEqual(['pa']);
		expect(await listPlayerRows(db, b.id)).toEqual([]);
		expect((await listPlayerRows(db, c.id)).map((p) => p.playerId)).toEqual(['pc']);
		// Game b comes back from the disk without the joins that were refused.
		const reloaded = (await registry.get(b.id))!;
		expect(reloaded).not.toBe(b);
		expect(getPlayer(reloaded.state, 'pb')).toBeNull();
		expect(reloaded.state.locked).toBe(true);
		expect(getPlayer((await registry.get(a.id))!.state, 'pa')?.nickname).toBe('Người pa');
	});

	it('refuse the writes a failed game queued while its batch was being written: the disk never gets ahead of the reload', async () => {
		const { db, clock, registry, games, heard, evicted } = await world();
		const b = games[1];
		await db
			.insert(gameCommand)
			.values({ gameId: b.id, seq: b.seq + 1, command: '{"type":"lock"}', at: clock.now() });
		const ack = (game: (typeof games)[number]) =>
			new Promise<unknown>((resolve) => registry.commit.afterCommit(resolve, game.id));
		const join = (playerId: string) =>
			b.run(
				{ type: 'join', playerId, nickname: `Người ${playerId}`, fields: {} },
				{ tokenHash: `hash-${b.id}-${playerId}` }
			);
		expect(join('pb').ok).toBe(true);
		const first = ack(b);
		// A command the phone sends while that batch is being written: memory still holds pb.
		let late: Promise<unknown> | undefined;
		registry.commit.add({
			write: async () => {
				expect(join('pb3').ok).toBe(true);
				late = ack(b);
			}
		});
		expect(await first).toBeInstanceOf(Error);
		expect(evicted).toEqual([b.id]);
		expect(await late).toBeInstanceOf(Error);
		expect(registry.commit.stats.commits).toBe(2);
		expect(heard).toEqual([]);
		expect(await listPlayerRows(db, b.id)).toEqual([]);
		const reloaded = (await registry.get(b.id))!;
		expect(getPlayer(reloaded.state, 'pb3')).toBeNull();
		expect(reloaded.seq).toBe(b.seq - 1);
	});
});
