/**
 * Rate limits of practice and contests, each configurable by environment (see docs/performance.md):
 * a factory hall shares one IP, and the benchmark drives thousands of answers a second. One set
 * per app (`app.limiters.practice`, built by `createApp`).
 */
import type { AppConfig } from '../config';
import { Limiter } from '../rate-limit';

export type PracticeLimits = ReturnType<typeof createPracticeLimits>;

export function createPracticeLimits({ limits, redisUrl }: Pick<AppConfig, 'limits' | 'redisUrl'>) {
	return {
		/** New guests and account sign-ins per IP per 10 minutes. */
		newPlayerPerIp: new Limiter(
			'practice-new-player',
			limits.practiceNewPlayerPerIp,
			600,
			0,
			redisUrl
		),
		/** Answers per participant per minute (a person answers at most one every few seconds). */
		answerPerPlayer: new Limiter('practice-answer', limits.practiceAnswerPerMin, 60, 0, redisUrl),
		/** Contest registrations per IP per 10 minutes. */
		registerPerIp: new Limiter('contest-register', limits.contestRegisterPerIp, 600, 0, redisUrl),
		/**
		 * Saved contest answers per participant per minute (answers may be changed until the
		 * hand-in). Keyed by the attempt's owner, checked after ownership: a stranger naming someone
		 * else's attempt is answered 404 and spends nobody's allowance.
		 */
		savePerPlayer: new Limiter('contest-save', limits.contestSavePerMin, 60, 0, redisUrl),
		/**
		 * Saved contest answers per client address per minute: a script with many guest cookies on one
		 * address. High by default, since a hall behind one NAT shares one address.
		 */
		savePerAddress: new Limiter(
			'contest-save-address',
			limits.contestSavePerAddressPerMin,
			60,
			0,
			redisUrl
		),
		/** Account sign-in attempts per phone/e-mail per 5 minutes. */
		loginPerAccount: new Limiter('practice-login', limits.practiceLoginPerAccount, 300, 0, redisUrl)
	};
}

/** What a function that spends a practice or contest budget needs of the app (`AppContext` fits). */
export interface PracticeLimitsApp {
	readonly limiters: { readonly practice: PracticeLimits };
}
