/** What the public home page shows of practice and contests (all cheap reads of counters). */
import type { Db } from '../db';
import type { Participant } from '../db/schema';
import { listPublishedBanks, reviewSummary } from '../db/queries/practice';
import { topPlayers, topUnits } from '../db/queries/leaderboards';
import { listOpenContests } from '../db/queries/contests';
import { dayNumber, weekKey } from '../../practice/calendar';
import { DAILY_SIZE } from '../../practice/picking';
import { XP_DAILY_BONUS } from '../../practice/xp';
import { playerSummary } from './player';

const HOME_BANKS = 4;
const HOME_BOARD = 5;

export async function homePractice(db: Db, participant: Participant | null, now = Date.now()) {
	const banks = await listPublishedBanks(db);
	const week = weekKey(now);
	return {
		player: participant ? playerSummary(participant, now) : null,
		review: participant ? await reviewSummary(db, participant.id, now) : null,
		daily: {
			size: DAILY_SIZE,
			bonus: XP_DAILY_BONUS,
			done: participant?.dailyBonusDay === dayNumber(now),
			available: banks.length > 0
		},
		tags: [...new Set(banks.flatMap((b) => b.tags))]
			.sort((a, b) => a.localeCompare(b, 'vi'))
			.slice(0, 12),
		banks: banks.slice(0, HOME_BANKS).map((b) => ({
			id: b.id,
			title: b.title,
			tags: b.tags,
			organizationName: b.organizationName,
			questionCount: b.questionCount
		})),
		bankCount: banks.length,
		topPlayers: await topPlayers(db, 'week', week, HOME_BOARD),
		topUnits: await topUnits(db, 'week', week, HOME_BOARD),
		contests: (await listOpenContests(db, now)).slice(0, 4).map((c) => ({
			id: c.id,
			title: c.title,
			organizationName: c.organizationName,
			timeZone: c.timeZone,
			opensAt: c.opensAt,
			closesAt: c.closesAt
		}))
	};
}
