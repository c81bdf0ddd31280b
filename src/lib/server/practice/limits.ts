/**
 * Rate limits of practice and contests, each configurable by environment (see docs/performance.md):
 * a factory hall shares one IP, and the benchmark drives thousands of answers a second.
 */
import { config } from '../config';
import { Limiter } from '../rate-limit';

const limits = () => config().limits;

export const practiceLimits = {
	/** New guests and account sign-ins per IP per 10 minutes. */
	newPlayerPerIp: new Limiter(() => limits().practiceNewPlayerPerIp, 600),
	/** Answers per participant per minute (a person answers at most one every few seconds). */
	answerPerPlayer: new Limiter(() => limits().practiceAnswerPerMin, 60),
	/** Contest registrations per IP per 10 minutes. */
	registerPerIp: new Limiter(() => limits().contestRegisterPerIp, 600),
	/** Saved answers per contest attempt per minute (answers may be changed until the hand-in). */
	savePerAttempt: new Limiter(() => limits().contestSavePerMin, 60),
	/** Account sign-in attempts per phone/e-mail per 5 minutes. */
	loginPerAccount: new Limiter(() => limits().practiceLoginPerAccount, 300)
};
