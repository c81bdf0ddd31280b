/**
 * Transactions that work the same on both databases.
 *
 * PostgreSQL: drizzle's `db.transaction(async (tx) => …)` on one pooled connection; a nested
 * `transaction(tx, …)` is a savepoint.
 *
 * SQLite: better-sqlite3 has one connection and drizzle's SQLite transactions are synchronous (a
 * callback that returns a promise is refused), so this module runs `BEGIN IMMEDIATE … COMMIT`
 * itself around the async work, one transaction at a time per database (a queue), and marks the
 * async context (AsyncLocalStorage) so that a `transaction()` opened from inside the work, on the
 * database or on its `tx`, becomes a savepoint instead of waiting for itself. A statement that
 * another request runs on the shared connection while a transaction awaits belongs to that
 * transaction; nothing in the app awaits anything but the database inside one, so the window is
 * the microtasks between two statements (docs/database.md).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { isPostgres } from './dialect';
import type { DbOrTx } from './types';

/** The transaction the current async context runs in: its database, its `tx` and its depth. */
interface Open {
	root: DbOrTx;
	tx: DbOrTx;
	depth: number;
	/** False once it has ended (work it scheduled, a timer say, may run later in its context). */
	active: boolean;
}

const inTransaction = new AsyncLocalStorage<Open>();
const QUEUE = Symbol('cv.sqliteTransactionQueue');
type Queued = DbOrTx & { [QUEUE]?: Promise<void> };

type PgTransactional = {
	transaction<T>(work: (tx: DbOrTx) => Promise<T>): Promise<T>;
};

/**
 * Runs `work` in a transaction and returns its result; rolls back and rethrows when `work` throws.
 * `work` gets the `tx` to run its queries on. Called inside a transaction — on its `tx`, or on the
 * same database from the same async context — it is a savepoint of that transaction.
 */
export async function transaction<T>(db: DbOrTx, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
	const open = inTransaction.getStore();
	if (open?.active && (open.root === db || open.tx === db)) return nested(open, work);
	if (isPostgres(db))
		return (db as unknown as PgTransactional).transaction((tx) =>
			within({ root: db, tx, depth: 0, active: true }, work)
		);
	const queued = db as Queued;
	const before = queued[QUEUE] ?? Promise.resolve();
	let release!: () => void;
	const mine = new Promise<void>((resolve) => (release = resolve));
	queued[QUEUE] = before.then(() => mine);
	await before;
	try {
		db.run(sql`BEGIN IMMEDIATE`);
		try {
			const result = await within({ root: db, tx: db, depth: 0, active: true }, work);
			db.run(sql`COMMIT`);
			return result;
		} catch (error) {
			db.run(sql`ROLLBACK`);
			throw error;
		}
	} finally {
		release();
	}
}

async function within<T>(open: Open, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
	try {
		return await inTransaction.run(open, () => work(open.tx));
	} finally {
		open.active = false;
	}
}

async function nested<T>(open: Open, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
	if (isPostgres(open.tx))
		return (open.tx as unknown as PgTransactional).transaction((tx) =>
			within({ root: open.root, tx, depth: open.depth + 1, active: true }, work)
		);
	const name = sql.raw(`cv_sp${open.depth + 1}`);
	open.tx.run(sql`SAVEPOINT ${name}`);
	try {
		const result = await within({ ...open, depth: open.depth + 1, active: true }, work);
		open.tx.run(sql`RELEASE ${name}`);
		return result;
	} catch (error) {
		open.tx.run(sql`ROLLBACK TO ${name}`);
		open.tx.run(sql`RELEASE ${name}`);
		throw error;
	}
}
