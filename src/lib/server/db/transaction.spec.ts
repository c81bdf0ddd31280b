import { asc } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { isPostgres, transaction, type Db, type DbOrTx } from './index';
import { organization } from './schema';
import { openTestDb } from './test-databases';

let db: Db;

beforeEach(async () => {
	db = await openTestDb();
});

/** Adds an organization (a table with a unique column) inside whatever `on` is. */
async function add(on: DbOrTx, slug: string): Promise<void> {
	await on.insert(organization).values({ slug, name: slug, createdAt: new Date(0) });
}

/** The slugs that are committed (read outside any transaction). */
async function slugs(): Promise<string[]> {
	const rows = await db
		.select({ slug: organization.slug })
		.from(organization)
		.orderBy(asc(organization.slug));
	return rows.map((r) => r.slug);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('transaction()', () => {
	it('commits the work and returns its result', async () => {
		const result = await transaction(db, async (tx) => {
			await add(tx, 'a');
			await add(tx, 'b');
			return 42;
		});
		expect(result).toBe(42);
		expect(await slugs()).toEqual(['a', 'b']);
	});

	it('rolls everything back when the work throws, and rethrows', async () => {
		await expect(
			transaction(db, async (tx) => {
				await add(tx, 'a');
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		expect(await slugs()).toEqual([]);
		// The database is usable afterwards (no transaction left open).
		await transaction(db, (tx) => add(tx, 'b'));
		expect(await slugs()).toEqual(['b']);
	});

	it('rolls back on a failing statement (a unique violation)', async () => {
		await add(db, 'taken');
		await expect(
			transaction(db, async (tx) => {
				await add(tx, 'new');
				await add(tx, 'taken');
			})
		).rejects.toThrow();
		expect(await slugs()).toEqual(['taken']);
	});

	it.each([
		['its tx', (tx: DbOrTx) => tx],
		['the database (same async context)', () => db as DbOrTx]
	])(
		'nested on %s is a savepoint: the inner failure is rolled back, the outer commits',
		async (_, inner) => {
			await transaction(db, async (tx) => {
				await add(tx, 'outer-1');
				await expect(
					transaction(inner(tx), async (sp) => {
						await add(sp, 'inner-failed');
						throw new Error('inner');
					})
				).rejects.toThrow('inner');
				await transaction(inner(tx), (sp) => add(sp, 'inner-ok'));
				// A failed statement inside a savepoint does not poison the outer transaction.
				await expect(transaction(inner(tx), (sp) => add(sp, 'outer-1'))).rejects.toThrow();
				await add(tx, 'outer-2');
			});
			expect(await slugs()).toEqual(['inner-ok', 'outer-1', 'outer-2']);
		}
	);

	it('rolls back a committed savepoint with its outer transaction', async () => {
		await expect(
			transaction(db, async (tx) => {
				await transaction(tx, (sp) => add(sp, 'inner'));
				throw new Error('outer');
			})
		).rejects.toThrow('outer');
		expect(await slugs()).toEqual([]);
	});

	it('runs concurrent transactions one after the other on SQLite (no nested BEGIN)', async () => {
		const log: string[] = [];
		const work = (name: string) =>
			transaction(db, async (tx) => {
				log.push(`${name} begin`);
				await add(tx, `${name}-1`);
				await tx.select().from(organization);
				await add(tx, `${name}-2`);
				log.push(`${name} end`);
			});
		await Promise.all([work('a'), work('b'), work('c')]);
		expect(await slugs()).toEqual(['a-1', 'a-2', 'b-1', 'b-2', 'c-1', 'c-2']);
		// PostgreSQL runs them on separate connections, interleaved as they come.
		if (!isPostgres(db))
			expect(log).toEqual(['a begin', 'a end', 'b begin', 'b end', 'c begin', 'c end']);
	});

	it('a failed transaction does not hold up the ones queued behind it', async () => {
		const failing = transaction(db, async (tx) => {
			await add(tx, 'failed');
			throw new Error('no');
		});
		const next = transaction(db, (tx) => add(tx, 'next'));
		await expect(failing).rejects.toThrow('no');
		await next;
		expect(await slugs()).toEqual(['next']);
	});

	it('a transaction opened from a timer scheduled inside an ended one starts its own', async () => {
		let fromTimer: Promise<void> | undefined;
		const timerFired = new Promise<void>((resolve) => {
			void transaction(db, async (tx) => {
				await add(tx, 'first');
				// Runs after this transaction has ended, in its async context (as a group commit's
				// timer would).
				setTimeout(() => {
					fromTimer = transaction(db, (t) => add(t, 'from-timer'));
					resolve();
				}, 20);
			});
		});
		const log: string[] = [];
		// Open while the timer fires; it fails, so whatever ran inside it is rolled back.
		const holding = transaction(db, async (tx) => {
			log.push('holding begin');
			await add(tx, 'holding');
			await timerFired;
			await sleep(50);
			log.push('holding end');
			throw new Error('rolled back');
		});
		await expect(holding).rejects.toThrow('rolled back');
		await fromTimer;
		log.push('timer committed');
		// Its own transaction: neither a savepoint of the dead one nor part of the one open then.
		expect(await slugs()).toEqual(['first', 'from-timer']);
		expect(log).toEqual(['holding begin', 'holding end', 'timer committed']);
	});
});
