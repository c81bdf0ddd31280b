import type { Db } from '../db';
import type { Limiter } from '../rate-limit';
import type { GroupCommit } from '../db/group-commit';
import type { GameRegistry } from '../live/registry';
import type { Broadcaster } from './broadcaster';

/** What every socket handler receives (one per attachRealtime). */
export interface HandlerContext {
	db: Db;
	registry: GameRegistry;
	commit: GroupCommit;
	broadcaster: Broadcaster;
	now: () => number;
	limits: { join: Limiter; rejoin: Limiter };
}
