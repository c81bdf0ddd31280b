/**
 * Rate limits of practice and contests, each configurable by environment (see docs/performance.md):
 * a factory hall shares one IP, and the benchmark drives thousands of answers a second.
 */
import { Limiter } from '../rate-limit';

function envInt(name: string, fallback: number): number {
	const n = Number(process.env[name]);
	return Number.isInteger(n) && n > 0 ? n : fallback;
}

export const practiceLimits = {
	/** New guests and account sign-ins per IP per 10 minutes. */
	newPlayerPerIp: new Limiter(envInt('PRACTICE_NEW_PLAYER_PER_IP', 300), 600),
	/** Answers per participant per minute (a person answers at most one every few seconds). */
	answerPerPlayer: new Limiter(envInt('PRACTICE_ANSWER_PER_MIN', 120), 60),
	/** Contest registrations per IP per 10 minutes. */
	registerPerIp: new Limiter(envInt('CONTEST_REGISTER_PER_IP', 300), 600),
	/**
	 * Saved contest answers per participant per minute (answers may be changed until the
	 * hand-in). Keyed by the attempt's owner, checked after ownership: a stranger naming someone
	 * else's attempt is answered 404 and spends nobody's allowance.
	 */
	savePerPlayer: new Limiter(envInt('CONTEST_SAVE_PER_MIN', 300), 60),
	/**
	 * Saved contest answers per client address per minute: a script with many guest cookies on one
	 * address. High by default, since a hall behind one NAT shares one address.
	 */
	savePerAddress: new Limiter(envInt('CONTEST_SAVE_PER_ADDRESS_PER_MIN', 60_000), 60),
	/** Account sign-in attempts per phone/e-mail per 5 minutes. */
	loginPerAccount: new Limiter(envInt('PRACTICE_LOGIN_PER_ACCOUNT', 10), 300)
};
