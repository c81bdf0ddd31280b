/**
 * True for SQLite's unique-constraint error: two requests created the same thing at once (both
 * passed the "is it taken?" check). Callers answer with the check's own message.
 */
export function isUniqueViolation(err: unknown): boolean {
	return (err as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
