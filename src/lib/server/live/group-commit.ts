/**
 * Group commit: every write queued during one turn of the event loop goes into ONE SQLite
 * transaction, run on `setImmediate` once the socket messages read in that turn have been handled.
 * The callbacks queued with a write (acks, broadcasts) run after the commit, in queue order, so
 * nothing is acknowledged or shown before it is on disk (in the WAL), and a burst of 1,000 answers
 * costs a handful of transactions instead of 1,000.
 */

export interface CommitJob {
	/** Runs inside the transaction; must not throw for ordinary input. */
	write?: () => void;
	/** Runs after the commit (error = undefined) or after a failed transaction (error set). */
	after?: (error?: unknown) => void;
	/** The game the write belongs to, so a failed commit can evict its (now ahead) memory. */
	gameId?: number;
}

export interface GroupCommitOptions {
	/** Runs the writes as one transaction. */
	transaction: (work: () => void) => void;
	/** Called with the ids of the games whose writes were lost when a commit fails. */
	onFailure: (error: unknown, gameIds: number[]) => void;
	schedule?: (flush: () => void) => void;
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
		if (!this.#scheduled) {
			this.#scheduled = true;
			(this.#options.schedule ?? setImmediate)(() => this.flush());
		}
	}

	/**
	 * Runs `fn` once everything queued so far is committed: at once when nothing is pending,
	 * else right after the next commit (in order with the other callbacks).
	 */
	afterCommit(fn: (error?: unknown) => void): void {
		if (this.#jobs.length === 0) fn();
		else this.add({ after: fn });
	}

	/** Commits what is queued now. */
	flush(): void {
		this.#scheduled = false;
		const jobs = this.#jobs;
		if (jobs.length === 0) return;
		this.#jobs = [];
		let error: unknown;
		const writes = jobs.filter((job) => job.write);
		try {
			if (writes.length > 0)
				this.#options.transaction(() => {
					for (const job of writes) job.write?.();
				});
			this.stats.commits++;
			this.stats.writes += writes.length;
			this.stats.largestBatch = Math.max(this.stats.largestBatch, writes.length);
		} catch (err) {
			error = err;
			const gameIds = [...new Set(jobs.flatMap((job) => (job.gameId ? [job.gameId] : [])))];
			this.#options.onFailure(err, gameIds);
		}
		for (const job of jobs) {
			try {
				job.after?.(error);
			} catch (err) {
				console.error('live: a post-commit callback failed', err);
			}
		}
	}

	/** Commits what is pending and refuses new work. */
	close(): void {
		this.flush();
		this.#closed = true;
	}
}
