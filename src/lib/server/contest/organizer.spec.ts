import { describe, expect, it } from 'vitest';
import { parseRoundForm, parseUnitLines } from './organizer';
import type { ContestRound } from '../db/schema';

function form(entries: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
}

const week1 = {
	title: 'Tuần 1',
	opensAt: new Date(Date.parse('2025-05-19T00:00:00+07:00')),
	closesAt: new Date(Date.parse('2025-05-26T00:00:00+07:00'))
} as ContestRound;

describe('organizer forms', () => {
	it('reads a round window in Vietnam time', () => {
		const r = parseRoundForm(
			form({ title: 'Tuần 2', opensAt: '2025-05-26T00:00', closesAt: '2025-06-02T00:00' }),
			[week1]
		);
		expect(r.error).toBeNull();
		expect(r.input).toEqual({
			title: 'Tuần 2',
			opensAt: Date.parse('2025-05-26T00:00:00+07:00'),
			closesAt: Date.parse('2025-06-02T00:00:00+07:00')
		});
	});

	it.each([
		[{ title: '', opensAt: '2025-05-26T00:00', closesAt: '2025-06-02T00:00' }, 'title'],
		[{ title: 'T', opensAt: '2025-06-02T00:00', closesAt: '2025-05-26T00:00' }, 'dates'],
		[{ title: 'T', opensAt: 'tomorrow', closesAt: '2025-05-26T00:00' }, 'dates'],
		[{ title: 'T', opensAt: '2025-05-25T00:00', closesAt: '2025-05-27T00:00' }, 'overlap']
	])('refuses %o with %s', (entries, error) => {
		expect(parseRoundForm(form(entries), [week1]).error).toBe(error);
	});

	it('reads units one per line with an optional member count', () => {
		expect(parseUnitLines('CĐCS May 10; 1.200\n\nCĐCS Điện lực\tx\nCĐCS Trường học\n;5')).toEqual({
			units: [
				{ name: 'CĐCS May 10', memberCount: 1200 },
				{ name: 'CĐCS Trường học', memberCount: 0 }
			],
			errors: [
				{ line: 3, error: 'members' },
				{ line: 5, error: 'name' }
			]
		});
	});
});
