import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	formatDateTime,
	formatDuration,
	isTimeZone,
	parseDateTimeInput,
	toDateTimeInput
} from './format';

const formatVnDateTime = (ms: number) => formatDateTime(ms);
const parseVnDateTimeInput = (value: string) => parseDateTimeInput(value);
const toVnDateTimeInput = (ms: number) => toDateTimeInput(ms);

describe('time formatting', () => {
	it.each([
		[0, '0:00'],
		[59_400, '0:59'],
		[425_000, '7:05'],
		[1_200_000, '20:00'],
		[3_723_000, '1:02:03'],
		[-5, '0:00']
	])('%i ms reads as %s', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});

	it('shows instants in Vietnam time', () => {
		expect(formatVnDateTime(Date.parse('2025-05-19T01:00:00Z'))).toBe('19/05/2025 08:00');
		expect(formatVnDateTime(Date.parse('2025-05-18T17:30:00Z'))).toBe('19/05/2025 00:30');
	});

	it.each(['', '2025-02-30T10:00', '2025-05-19 10:00', '2025-05-19T24:00', 'abc'])(
		'refuses the datetime value %j',
		(value) => {
			expect(parseVnDateTimeInput(value)).toBeNull();
		}
	);

	it('reads datetime-local values as Vietnam time and round-trips them', () => {
		expect(parseVnDateTimeInput('2025-05-19T08:00')).toBe(Date.parse('2025-05-19T08:00:00+07:00'));
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (minutes) => {
				const ms = minutes * 60_000;
				expect(parseVnDateTimeInput(toVnDateTimeInput(ms))).toBe(ms);
			})
		);
	});

	it('shows and reads times in another organization time zone, whatever the server zone', () => {
		const ms = Date.parse('2025-05-19T01:00:00Z');
		expect(formatDateTime(ms, 'UTC')).toBe('19/05/2025 01:00');
		expect(formatDateTime(ms, 'Asia/Tokyo')).toBe('19/05/2025 10:00');
		expect(formatDateTime(ms, 'Europe/Berlin')).toBe('19/05/2025 03:00');
		expect(parseDateTimeInput('2025-05-19T03:00', 'Europe/Berlin')).toBe(ms);
		expect(parseDateTimeInput('2025-01-19T02:00', 'Europe/Berlin')).toBe(
			Date.parse('2025-01-19T01:00:00Z')
		);
		expect(toDateTimeInput(ms, 'Asia/Tokyo')).toBe('2025-05-19T10:00');
	});

	it.each([
		['Asia/Ho_Chi_Minh', true],
		['UTC', true],
		['Mars/Olympus', false],
		['', false]
	])('isTimeZone(%j) is %s', (zone, expected) => {
		expect(isTimeZone(zone)).toBe(expected);
	});
});
