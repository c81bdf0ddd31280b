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
import type { DbOrTx } from './index';
import { transaction } from './transaction';

export interface CommitJob {
	/** Runs inside the transaction, in a savepoint of its own, on the transaction's `tx`. */
	write?: (tx: DbOrTx) => Promise<void> | void;
	/** Runs after the commit: error undefined when the write (and its key's earlier ones) committed. */
	after?: (error?: unknown) => void;
	/** Jobs with the same key depend on the earlier ones of that key (a live game's id). */
	key?: number;
}

export interface GroupCommitOptions {
	/** Runs the batch as one transaction. */
	transaction: (work: (tx: DbOrTx) => Promise<void>) => Promise<void>;
	/** Runs one write inside the transaction so that a throw rolls back only that write. */
	savepoint: (tx: DbOrTx, work: (tx: DbOrTx) => Promise<void>) => Promise<void>;
	/** Called after the callbacks with the keys that lost writes (a failed item or commit). */
	onFailure?: (error: unknown, keys: number[]) => void;
	schedule?: (flush: () => void) => void;
	/** Most writes per transaction (bounds the wait of the last one); the rest go in the next. */
	maxBatch?: number;
}

/** The database's transaction and savepoint (./transaction.ts) for `GroupCommitOptions`. */
export function dbCommit(db: DbOrTx): Pick<GroupCommitOptions, 'transaction' | 'savepoint'> {
	return {
		transaction: (work) => transaction(db, work),
		savepoint: (tx, work) => transaction(tx, work)
	};
}

export class GroupCommit {
	#jobs: CommitJob[] = [];
	#scheduled = false;
	#closed = false;
	/** The batch being written (one at a time: a batch's writes follow the previous batch's). */
	#inFlight: Promise<void> | null = null;
	readonly #options: GroupCommitOptions;
	/** Figures for benchmarks: transactions committed and writes they carried. */
	readonly stats = { commits: 0, writes: 0, largestBatch: 0 };

	constructor(options: GroupCommitOptions) {
		this.#options = options;
	}

	/** Jobs queued and not yet committed (the batch being written included). */
	get pending(): number {
		return this.#jobs.length + this.#writing;
	}

	#writing = 0;

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
		if (this.#jobs.length === 0 && !this.#inFlight) fn();
		else this.add({ after: fn, key });
	}

	/**
	 * Commits what is queued now (at most `maxBatch` writes; the rest are scheduled). While a batch
	 * is being written, this waits for it and then writes what was queued since.
	 */
	async flush(): Promise<void> {
		this.#scheduled = false;
		while (this.#inFlight) await this.#inFlight;
		const jobs = this.#take();
		if (jobs.length === 0) return;
		this.#writing = jobs.length;
		const run = this.#write(jobs);
		this.#inFlight = run;
		try {
			await run;
		} finally {
			this.#inFlight = null;
			this.#writing = 0;
		}
		if (this.#jobs.length > 0) this.#schedule();
	}

	async #write(jobs: CommitJob[]): Promise<void> {
		const errors = new Map<number, unknown>();
		const failedKeys = new Map<number, unknown>();
		let writes = 0;
		const run = async (tx: DbOrTx) => {
			for (const [i, job] of jobs.entries()) {
				if (job.key !== undefined && failedKeys.has(job.key)) {
					errors.set(i, failedKeys.get(job.key));
					continue;
				}
				const write = job.write;
				if (!write) continue;
				writes++;
				try {
					await this.#options.savepoint(tx, async (sp) => {
						await write(sp);
					});
				} catch (err) {
					const error = err ?? new Error('write failed');
					errors.set(i, error);
					if (job.key !== undefined) failedKeys.set(job.key, error);
				}
			}
		};
		try {
			if (jobs.some((job) => job.write)) await this.#options.transaction(run);
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
	async close(): Promise<void> {
		this.#closed = true;
		while (this.#jobs.length > 0 || this.#inFlight) await this.flush();
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
		(this.#options.schedule ?? setImmediate)(() => void this.flush());
	}
}

/** Most writes per transaction for `createBatcher` (bounds the wait of the last one). */
export const MAX_BATCH = 256;

/**
 * A function that queues `work(args)` for the next group commit of its own queue and resolves
 * with its result once committed (rejects with what `work` threw, or with the commit's error).
 */
export function createBatcher<A, R>(
	db: DbOrTx,
	work: (tx: DbOrTx, args: A) => Promise<R> | R
): (args: A) => Promise<R> {
	const commit = new GroupCommit({ ...dbCommit(db), maxBatch: MAX_BATCH });
	return (args: A) =>
		new Promise<R>((resolve, reject) => {
			let result: R;
			commit.add({
				write: async (tx) => {
					result = await work(tx, args);
				},
				after: (error) => (error === undefined ? resolve(result) : reject(error))
			});
		});
}
