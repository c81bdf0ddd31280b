/** A positive integer id from a route parameter, query string or form field; undefined otherwise. */
export function parseId(value: unknown): number | undefined {
	if (typeof value !== 'string' || !/^\d{1,12}$/.test(value)) return undefined;
	const id = Number(value);
	return id > 0 && Number.isSafeInteger(id) ? id : undefined;
}
