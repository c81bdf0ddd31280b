/** What pages show of the current participant: name, level, XP progress and live streak. */
import type { Participant } from '../db/schema';
import { levelOf } from '../../practice/xp';
import { visibleStreak } from '../../practice/streak';
import { dayNumber } from '../../practice/calendar';

export interface PlayerSummary {
	name: string;
	xp: number;
	level: number;
	next: number;
	progress: number;
	streak: number;
	hasAccount: boolean;
}

export function playerSummary(p: Participant, now = Date.now()): PlayerSummary {
	const level = levelOf(p.xp);
	return {
		name: p.fullName ?? p.nickname,
		xp: p.xp,
		level: level.level,
		next: level.next,
		progress: level.progress,
		streak: visibleStreak(
			{ current: p.streakCurrent, best: p.streakBest, lastDay: p.streakLastDay },
			dayNumber(now)
		),
		hasAccount: p.passwordHash !== null
	};
}
