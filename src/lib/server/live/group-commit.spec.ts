import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

function harness(failing = false) {
	const log: string[] = [];
	let flush: (() => void) | null = null;
	const failures: number[][] = [];
	const commit = new GroupCommit({
		transaction: (work) => {
			log.push('begin');
			work();
			if (failing) throw new Error('disk full');
			log.push('commit');
		},
		onFailure: (_error, gameIds) => failures.push(gameIds),
		schedule: (fn) => (flush = fn)
	});
	return { commit, log, failures, flush: () => flush?.() };
}

describe('GroupCommit', () => {
	it('writes everything queued in one turn in one transaction, then runs the callbacks in order', () => {
		const { commit, log, flush } = harness();
		commit.add({ write: () => log.push('w1'), after: () => log.push('a1') });
		commit.afterCommit(() => log.push('ack1'));
		commit.add({ write: () => log.push('w2'), after: () => log.push('a2') });
		expect(log).toEqual([]);
		flush();
		expect(log).toEqual(['begin', 'w1', 'w2', 'commit', 'a1', 'ack1', 'a2']);
		expect(commit.stats).toMatchObject({ commits: 1, writes: 2, largestBatch: 2 });
	});

	it('runs a callback at once when nothing is pending', () => {
		const { commit, log } = harness();
		commit.afterCommit(() => log.push('now'));
		expect(log).toEqual(['now']);
	});

	it('tells every callback and the owner of each game when the transaction fails', () => {
		const { commit, failures, flush } = harness(true);
		const errors: unknown[] = [];
		commit.add({ gameId: 7, write: () => undefined, after: (error) => errors.push(error) });
		commit.add({ gameId: 9, write: () => undefined, after: (error) => errors.push(error) });
		flush();
		expect(failures).toEqual([[7, 9]]);
		expect(errors.map((e) => (e as Error).message)).toEqual(['disk full', 'disk full']);
	});
});
