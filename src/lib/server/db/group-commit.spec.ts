import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';
import type { DbOrTx } from './index';

function harness(failing = false, maxBatch?: number) {
	const log: string[] = [];
	let flush: (() => void) | null = null;
	const failures: number[][] = [];
	const tx = {} as DbOrTx;
	const commit = new GroupCommit({
		transaction: async (work) => {
			log.push('begin');
			await work(tx);
			if (failing) throw new Error('disk full');
			log.push('commit');
		},
		// A savepoint that rolls back: the failing write's log line is dropped.
		savepoint: async (outer, work) => {
			const mark = log.length;
			try {
				await work(outer);
			} catch (error) {
				log.length = mark;
				throw error;
			}
		},
		onFailure: (_error, gameIds) => failures.push(gameIds),
		schedule: (fn) => (flush = fn),
		maxBatch
	});
	// The scheduled flush, awaited: the batch is written and its callbacks have run.
	return { commit, log, failures, flush: () => (flush ? commit.flush() : Promise.resolve()) };
}

describe('GroupCommit', () => {
	it('writes everything queued in one turn in one transaction, then runs the callbacks in order', async () => {
		const { commit, log, flush } = harness();
		commit.add({ write: () => void log.push('w1'), after: () => log.push('a1') });
		commit.afterCommit(() => log.push('ack1'));
		commit.add({ write: () => void log.push('w2'), after: () => log.push('a2') });
		expect(log).toEqual([]);
		await flush();
		expect(log).toEqual(['begin', 'w1', 'w2', 'commit', 'a1', 'ack1', 'a2']);
		expect(commit.stats).toMatchObject({ commits: 1, writes: 2, largestBatch: 2 });
	});

	it('runs a callback at once when nothing is pending', async () => {
		const { commit, log } = harness();
		commit.afterCommit(() => log.push('now'));
		expect(log).toEqual(['now']);
	});

	it('tells every callback and the owner of each game when the transaction fails', async () => {
		const { commit, failures, flush } = harness(true);
		const errors: unknown[] = [];
		commit.add({ key: 7, write: () => undefined, after: (error) => errors.push(error) });
		commit.add({ key: 9, write: () => undefined, after: (error) => errors.push(error) });
		await flush();
		expect(failures).toEqual([[7, 9]]);
		expect(errors.map((e) => (e as Error).message)).toEqual(['disk full', 'disk full']);
	});

	it('rejects a write that throws alone: the rest of the batch commits and is acknowledged', async () => {
		const { commit, log, failures, flush } = harness();
		const results: string[] = [];
		const settle = (name: string) => (error?: unknown) =>
			results.push(error ? `${name}: ${(error as Error).message}` : `${name}: ok`);
		commit.add({ key: 1, write: () => void log.push('a'), after: settle('a') });
		commit.add({
			key: 2,
			write: () => {
				log.push('b');
				throw new Error('constraint');
			},
			after: settle('b')
		});
		commit.add({ key: 3, write: () => void log.push('c'), after: settle('c') });
		await flush();
		expect(log).toEqual(['begin', 'a', 'c', 'commit']);
		expect(results).toEqual(['a: ok', 'b: constraint', 'c: ok']);
		expect(failures).toEqual([[2]]);
	});

	it('rejects the later writes and callbacks of a key whose write failed, not the earlier ones', async () => {
		const { commit, log, failures, flush } = harness();
		const results: string[] = [];
		commit.add({
			key: 5,
			write: () => void log.push('5.1'),
			after: (e) => results.push(`5.1 ${!e}`)
		});
		commit.add({
			key: 5,
			write: () => {
				throw new Error('constraint');
			},
			after: (e) => results.push(`5.2 ${!e}`)
		});
		commit.add({
			key: 6,
			write: () => void log.push('6.1'),
			after: (e) => results.push(`6.1 ${!e}`)
		});
		commit.add({
			key: 5,
			write: () => void log.push('5.3'),
			after: (e) => results.push(`5.3 ${!e}`)
		});
		commit.afterCommit((e) => results.push(`ack 5 ${!e}`), 5);
		commit.afterCommit((e) => results.push(`ack ${!e}`));
		await flush();
		expect(log).toEqual(['begin', '5.1', '6.1', 'commit']);
		expect(results).toEqual([
			'5.1 true',
			'5.2 false',
			'6.1 true',
			'5.3 false',
			'ack 5 false',
			'ack true'
		]);
		expect(failures).toEqual([[5]]);
	});

	it('commits at most maxBatch writes per transaction and schedules the rest', async () => {
		const { commit, log, flush } = harness(false, 2);
		for (const name of ['w1', 'w2', 'w3']) commit.add({ write: () => void log.push(name) });
		await flush();
		expect(log).toEqual(['begin', 'w1', 'w2', 'commit']);
		expect(commit.pending).toBe(1);
		await flush();
		expect(log.slice(4)).toEqual(['begin', 'w3', 'commit']);
	});

	it('writes one batch at a time: what is queued while a batch is written goes in the next one, in order', async () => {
		const log: string[] = [];
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let first = true;
		const commit = new GroupCommit({
			transaction: async (work) => {
				log.push('begin');
				await work({} as DbOrTx);
				// The first transaction is still open while more work is queued.
				if (first) {
					first = false;
					await held;
				}
				log.push('commit');
			},
			savepoint: (tx, work) => work(tx),
			schedule: () => undefined
		});
		commit.add({ key: 1, write: async () => void log.push('w1'), after: () => log.push('a1') });
		const writing = commit.flush();
		await Promise.resolve();
		commit.add({ key: 1, write: async () => void log.push('w2'), after: () => log.push('a2') });
		const next = commit.flush();
		await new Promise((resolve) => setImmediate(resolve));
		expect(log).toEqual(['begin', 'w1']);
		expect(commit.pending).toBe(2);
		release();
		await Promise.all([writing, next]);
		expect(log).toEqual(['begin', 'w1', 'commit', 'a1', 'begin', 'w2', 'commit', 'a2']);
		expect(commit.stats.commits).toBe(2);
	});
});
