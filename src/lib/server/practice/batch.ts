/**
 * Group commit for the answer paths. Answers that arrive in the same turn of the event loop are
 * written in one SQLite transaction (each inside its own savepoint, so one failure rolls back
 * only itself), and every caller gets its own result once that transaction has committed.
 * Many answers touch the same pages (participant rows, leaderboard indexes); committing them
 * together writes each page to the WAL once instead of once per answer.
 */
import type { Db } from '../db';

/** Most work items per transaction (bounds the wait of the last one). */
export const MAX_BATCH = 256;

interface Pending<A, R> {
	args: A;
	resolve: (result: R) => void;
	reject: (error: unknown) => void;
}

/** A function that queues `work(args)` for the next group commit and resolves with its result. */
export function createBatcher<A, R>(db: Db, work: (args: A) => R): (args: A) => Promise<R> {
	let queue: Pending<A, R>[] = [];
	let scheduled = false;
	// Nested inside `flush`'s transaction, each call becomes a savepoint.
	const one = db.$client.transaction((args: A) => work(args));
	const flush = () => {
		scheduled = false;
		const batch = queue.slice(0, MAX_BATCH);
		queue = queue.slice(MAX_BATCH);
		if (queue.length > 0) schedule();
		const settled: Array<{ ok: true; value: R } | { ok: false; error: unknown }> = [];
		try {
			db.$client
				.transaction(() => {
					for (const item of batch) {
						try {
							settled.push({ ok: true, value: one(item.args) });
						} catch (error) {
							settled.push({ ok: false, error });
						}
					}
				})
				.immediate();
		} catch (error) {
			// The commit itself failed: nothing of the batch was written.
			for (const item of batch) item.reject(error);
			return;
		}
		batch.forEach((item, i) => {
			const s = settled[i];
			if (s.ok) item.resolve(s.value);
			else item.reject(s.error);
		});
	};
	const schedule = () => {
		if (scheduled) return;
		scheduled = true;
		setImmediate(flush);
	};
	return (args: A) =>
		new Promise<R>((resolve, reject) => {
			queue.push({ args, resolve, reject });
			schedule();
		});
}
