/**
 * Times as people read them: durations as "12:05", instants as wall-clock time in the
 * organization's time zone (Asia/Ho_Chi_Minh unless it chose another), and the
 * `datetime-local` values organizers type, read in that zone whatever the server's time zone.
 */

/** Where the events happen unless an organization says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "7:05" for 425 s; "1:02:03" from an hour up. */
export function formatDuration(ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Whether `value` is an IANA time zone this runtime knows ("Asia/Ho_Chi_Minh", "UTC"…). */
export function isTimeZone(value: string): boolean {
	if (!value || value.length > 64) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
	const zone = isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
	let f = formatters.get(zone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		});
		formatters.set(zone, f);
	}
	return f;
}

/** The wall clock of an instant in a time zone, as if that wall clock were UTC (ms). */
function wallClockMs(ms: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

const asDate = (ms: number | Date) => (typeof ms === 'number' ? ms : ms.getTime());
const pad = (n: number) => String(n).padStart(2, '0');

/** "19/05/2025 08:00" in the given time zone (Vietnam by default). */
export function formatDateTime(ms: number | Date, timeZone = DEFAULT_TIME_ZONE): string {
	const d = new Date(wallClockMs(asDate(ms) - (asDate(ms) % 1000), timeZone));
	return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The `datetime-local` value ("2025-05-19T08:00") of an instant, in the given time zone. */
export function toDateTimeInput(ms: number, timeZone = DEFAULT_TIME_ZONE): string {
	return new Date(wallClockMs(ms - (((ms % 60_000) + 60_000) % 60_000), timeZone))
		.toISOString()
		.slice(0, 16);
}

/** An instant from a `datetime-local` value read in the given time zone, or null when malformed. */
export function parseDateTimeInput(value: string, timeZone = DEFAULT_TIME_ZONE): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
	if (!match) return null;
	const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0));
	const wall = Date.UTC(y, mo - 1, d, h, mi, s);
	const check = new Date(wall);
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
	// The zone's offset at that moment (twice, in case the first guess crossed a DST change).
	let instant = wall - (wallClockMs(wall, timeZone) - wall);
	instant = wall - (wallClockMs(instant, timeZone) - instant);
	return instant;
}
