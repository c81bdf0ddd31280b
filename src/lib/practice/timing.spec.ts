import { describe, expect, it } from 'vitest';
import {
	acceptsAnswers,
	ANSWER_GRACE_MS,
	closedAt,
	completionMs,
	deadlineOf,
	isExpired,
	isRoundOpen,
	remainingMs
} from './timing';

const clock = { startedAt: 1_000_000, deadlineAt: deadlineOf(1_000_000, 20 * 60) };

describe('attempt clock', () => {
	it('sets the deadline from the time limit', () => {
		expect(clock.deadlineAt).toBe(1_000_000 + 1_200_000);
	});

	it.each([
		[clock.deadlineAt - 1, true, false],
		[clock.deadlineAt, true, false],
		[clock.deadlineAt + ANSWER_GRACE_MS, true, false],
		[clock.deadlineAt + ANSWER_GRACE_MS + 1, false, true]
	])('at %i answers are accepted: %s, the attempt is expired: %s', (now, accepts, expired) => {
		expect(acceptsAnswers(clock, now)).toBe(accepts);
		expect(isExpired(clock, now)).toBe(expired);
	});

	it.each([
		[clock.startedAt + 90_000, 90_000],
		[clock.deadlineAt + 1_500, 1_200_000],
		[clock.startedAt - 5, 0]
	])('handing in at %i took %i ms', (submittedAt, ms) => {
		expect(completionMs(clock, submittedAt)).toBe(ms);
	});

	it('closes a late attempt at its deadline and shows no negative time', () => {
		expect(closedAt(clock, clock.deadlineAt + 60_000)).toBe(clock.deadlineAt);
		expect(remainingMs(clock, clock.deadlineAt + 5)).toBe(0);
		expect(remainingMs(clock, clock.startedAt)).toBe(1_200_000);
	});

	it.each([
		[99, false],
		[100, true],
		[199, true],
		[200, false]
	])('a round open from 100 to 200 is open at %i: %s', (now, open) => {
		expect(isRoundOpen({ opensAt: 100, closesAt: 200 }, now)).toBe(open);
	});
});
