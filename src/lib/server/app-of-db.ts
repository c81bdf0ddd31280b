/**
 * Transitional (issue 13, item 4): the app built on a database, for the callers that are not
 * handed the app yet and still pass `db` (practice/** into contest/held.ts and the contest answer
 * queues). `createApp` registers every app, so such a caller shares the app's caches (a contest
 * published by an organizer is held back from practice at once). A database no app was built on
 * (unit tests) gets a caches object of its own, which each module fills with its entry on first
 * use. Delete this module when no caller passes a bare database.
 */
import type { Db } from './db';

const apps = new WeakMap<Db, { db: Db; caches: object }>();

/** Make `app` the one its database's bare callers reach (createApp). */
export function registerApp(app: { db: Db; caches: object }): void {
	apps.set(app.db, app);
}

/** The app registered for `db`, or a stand-in with empty caches. */
export function appOfDb(db: Db): { db: Db; caches: object } {
	let app = apps.get(db);
	if (!app) apps.set(db, (app = { db, caches: {} }));
	return app;
}
