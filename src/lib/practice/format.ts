/**
 * Times as people read them: durations as "12:05", instants as Vietnam wall-clock time
 * (UTC+7), and the `datetime-local` values organizers type, read as Vietnam time whatever the
 * server's time zone.
 */
import { VN_OFFSET_MS } from './calendar';

/** "7:05" for 425 s; "1:02:03" from an hour up. */
export function formatDuration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "19/05/2025 08:00" in Vietnam time. */
export function formatVnDateTime(ms: number): string {
	const d = new Date(ms + VN_OFFSET_MS);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The `datetime-local` value ("2025-05-19T08:00") of an instant, in Vietnam time. */
export function toVnDateTimeInput(ms: number): string {
	return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 16);
}

/** An instant from a `datetime-local` value read as Vietnam time, or null when malformed. */
export function parseVnDateTimeInput(value: string): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
	if (!match) return null;
	const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0));
	const utc = Date.UTC(y, mo - 1, d, h, mi, s);
	const check = new Date(utc);
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
	return utc - VN_OFFSET_MS;
}
