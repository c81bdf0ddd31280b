/**
 * True for a unique-constraint error of either database (SQLite's SQLITE_CONSTRAINT_UNIQUE,
 * PostgreSQL's 23505): two requests created the same thing at once (both passed the "is it
 * taken?" check). Callers answer with the check's own message. drizzle wraps the driver's error
 * in its own, with the driver's as `cause`.
 */
export function isUniqueViolation(err: unknown): boolean {
	for (
		let e = err as { code?: string; cause?: unknown } | null, depth = 0;
		e && depth < 4;
		depth++
	) {
		if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505') return true;
		e = e.cause as typeof e;
	}
	return false;
}
