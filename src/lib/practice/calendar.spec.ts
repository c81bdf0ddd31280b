import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS, dayKey, dayNumber, weekKey, weekStart } from './calendar';

describe('Vietnam calendar keys', () => {
	it.each([
		['2025-05-18T16:59:59Z', '2025-05-18'],
		['2025-05-18T17:00:00Z', '2025-05-19'],
		['2024-12-31T17:00:00Z', '2025-01-01']
	])('the instant %s falls on %s in Vietnam', (iso, day) => {
		expect(dayKey(Date.parse(iso))).toBe(day);
	});

	it.each([
		['2025-05-19T00:00:00+07:00', '2025-W21'],
		['2025-05-25T23:59:00+07:00', '2025-W21'],
		['2025-05-26T00:00:00+07:00', '2025-W22'],
		['2024-12-30T08:00:00+07:00', '2025-W01'],
		['2021-01-03T08:00:00+07:00', '2020-W53']
	])('the instant %s is in ISO week %s', (iso, week) => {
		expect(weekKey(Date.parse(iso))).toBe(week);
	});

	it('starts weeks on Monday midnight Vietnam time', () => {
		expect(weekStart(Date.parse('2025-05-22T10:00:00+07:00'))).toBe(
			Date.parse('2025-05-19T00:00:00+07:00')
		);
	});

	it('numbers consecutive days one apart and keeps a week key for seven days', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (t) => {
				expect(dayNumber(t + DAY_MS)).toBe(dayNumber(t) + 1);
				const start = weekStart(t);
				expect(weekKey(start)).toBe(weekKey(t));
				expect(weekKey(start + 7 * DAY_MS)).not.toBe(weekKey(t));
				expect(weekKey(start - 1)).not.toBe(weekKey(t));
			})
		);
	});
});
