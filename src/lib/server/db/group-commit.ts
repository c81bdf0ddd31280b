/**
 * Group commit, the one write path of live games, contest saves and hand-ins, and practice
 * answers: every write queued during one turn of the event loop goes into ONE SQLite transaction,
 * run on `setImmediate` once the messages and requests read in that turn have been handled. Many
 * writes touch the same pages (a game's log, participant rows, leaderboard indexes); committing
 * them together writes each page to the WAL once instead of once per write, so a burst of 1,000
 * answers costs a handful of transactions instead of 1,000.
 *
 * Each write runs in its own savepoint: one that throws rolls back only itself and is rejected,
 * the rest of the batch commits. Writes that share a `key` (a live game's commands, computed from
 * the state the earlier ones left in memory) depend on each other: once one fails, the later ones
 * of that key in the batch are rejected with it, and `onFailure` names the key so its owner can
 * drop what memory holds ahead of the disk.
 *
 * The callbacks queued with a write (acks, broadcasts) run after the commit, in queue order, so
 * nothing is acknowledged or shown before it is on disk (in the WAL).
 */
import type { Db } from './index';

export interface CommitJob {
	/** Runs inside the transaction, in a savepoint of its own. */
	write?: () => void;
	/** Runs after the commit: error undefined when the write (and its key's earlier ones) committed. */
	after?: (error?: unknown) => void;
	/** Jobs with the same key depend on the earlier ones of that key (a live game's id). */
	key?: number;
}

export interface GroupCommitOptions {
	/** Runs the batch as one transaction. */
	transaction: (work: () => void) => void;
	/** Runs one write inside the transaction so that a throw rolls back only that write. */
	savepoint: (work: () => void) => void;
	/** Called after the callbacks with the keys that lost writes (a failed item or commit). */
	onFailure?: (error: unknown, keys: number[]) => void;
	schedule?: (flush: () => void) => void;
	/** Most writes per transaction (bounds the wait of the last one); the rest go in the next. */
	maxBatch?: number;
}

/** SQLite's transaction (BEGIN IMMEDIATE) and savepoint for `GroupCommitOptions`. */
export function sqliteCommit(db: Db): Pick<GroupCommitOptions, 'transaction' | 'savepoint'> {
	// better-sqlite3 runs a transaction function called inside another one as a SAVEPOINT.
	const tx = db.$client.transaction((work: () => void) => work());
	return { transaction: (work) => tx.immediate(work), savepoint: (work) => tx(work) };
}

export class GroupCommit {
	#jobs: CommitJob[] = [];
	#scheduled = false;
	#closed = false;
	readonly #options: GroupCommitOptions;
	/** Figures for benchmarks: transactions committed and writes they carried. */
	readonly stats = { commits: 0, writes: 0, largestBatch: 0 };

	constructor(options: GroupCommitOptions) {
		this.#options = options;
	}

	get pending(): number {
		return this.#jobs.length;
	}

	/** Queues a write and what to do once it is committed. */
	add(job: CommitJob): void {
		if (this.#closed) {
			job.after?.(new Error('closed'));
			return;
		}
		this.#jobs.push(job);
		this.#schedule();
	}

	/**
	 * Runs `fn` once everything queued so far is committed: at once when nothing is pending,
	 * else right after the next commit (in order with the other callbacks). With a `key`, `fn`
	 * gets the error when a write of that key queued before it failed.
	 */
	afterCommit(fn: (error?: unknown) => void, key?: number): void {
		if (this.#jobs.length === 0) fn();
		else this.add({ after: fn, key });
	}

	/** Commits what is queued now (at most `maxBatch` writes; the rest are scheduled). */
	flush(): void {
		this.#scheduled = false;
		const jobs = this.#take();
		if (this.#jobs.length > 0) this.#schedule();
		if (jobs.length === 0) return;
		const errors = new Map<number, unknown>();
		const failedKeys = new Map<number, unknown>();
		let writes = 0;
		const run = () => {
			jobs.forEach((job, i) => {
				if (job.key !== undefined && failedKeys.has(job.key)) {
					errors.set(i, failedKeys.get(job.key));
					return;
				}
				if (!job.write) return;
				writes++;
				try {
					this.#options.savepoint(job.write);
				} catch (err) {
					const error = err ?? new Error('write failed');
					errors.set(i, error);
					if (job.key !== undefined) failedKeys.set(job.key, error);
				}
			});
		};
		try {
			if (jobs.some((job) => job.write)) this.#options.transaction(run);
			this.stats.commits++;
			this.stats.writes += writes;
			this.stats.largestBatch = Math.max(this.stats.largestBatch, writes);
		} catch (err) {
			// The commit itself failed: nothing of the batch was written.
			jobs.forEach((job, i) => {
				errors.set(i, err);
				if (job.key !== undefined) failedKeys.set(job.key, err);
			});
		}
		jobs.forEach((job, i) => {
			try {
				job.after?.(errors.get(i));
			} catch (err) {
				console.error('group commit: a post-commit callback failed', err);
			}
		});
		if (failedKeys.size > 0)
			this.#options.onFailure?.(failedKeys.values().next().value, [...failedKeys.keys()]);
	}

	/** Commits what is pending and refuses new work. */
	close(): void {
		while (this.#jobs.length > 0) this.flush();
		this.#closed = true;
	}

	/** The next batch: queued jobs up to `maxBatch` writes (callbacks ride along). */
	#take(): CommitJob[] {
		const max = this.#options.maxBatch ?? Infinity;
		if (max === Infinity) return this.#jobs.splice(0);
		let writes = 0;
		let end = 0;
		while (end < this.#jobs.length) {
			if (this.#jobs[end].write && ++writes > max) break;
			end++;
		}
		return this.#jobs.splice(0, end);
	}

	#schedule(): void {
		if (this.#scheduled) return;
		this.#scheduled = true;
		(this.#options.schedule ?? setImmediate)(() => this.flush());
	}
}

/** Most writes per transaction for `createBatcher` (bounds the wait of the last one). */
export const MAX_BATCH = 256;

/**
 * A function that queues `work(args)` for the next group commit of its own queue and resolves
 * with its result once committed (rejects with what `work` threw, or with the commit's error).
 */
export function createBatcher<A, R>(db: Db, work: (args: A) => R): (args: A) => Promise<R> {
	const commit = new GroupCommit({ ...sqliteCommit(db), maxBatch: MAX_BATCH });
	return (args: A) =>
		new Promise<R>((resolve, reject) => {
			let result: R;
			commit.add({
				write: () => {
					result = work(args);
				},
				after: (error) => (error === undefined ? resolve(result) : reject(error))
			});
		});
}
