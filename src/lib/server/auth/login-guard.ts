/**
 * Failed-login limits that slow a password guesser without letting a stranger lock a known user
 * out. Three budgets:
 *
 * - per address: every attempt (LOGIN_LIMIT_PER_IP per 5 minutes; a hall shares one address);
 * - per account *and* where it comes from: 5 failures per 5 minutes. "Where" is the browser when
 *   it has logged in to this account before (a device cookie), else the address. A stranger's
 *   failures fill only their own budget: the owner's browser keeps its own;
 * - per account, from all addresses together: 50 failures per 15 minutes, which one stranger
 *   cannot reach alone (their own budget stops them at 15); a browser that has logged in to the
 *   account before is exempt, so even a crowd of addresses cannot keep its owner out.
 *
 * Every budget refills with time: there is no lock an attacker can make permanent.
 */
import { Limiter, type RateDecision } from '../rate-limit';

/** Browsers that logged in to an account (in memory, like the limits themselves; bounded). */
const KNOWN_DEVICES_MAX = 20_000;

export class LoginGuard {
	readonly perIp: Limiter;
	readonly perAccountSource: Limiter;
	readonly perAccount: Limiter;
	readonly #knownDevices = new Set<string>();

	/** `loginPerIp`: LOGIN_LIMIT_PER_IP; `redisUrl`: share the budgets between nodes (REDIS_URL). */
	constructor(loginPerIp = 30, redisUrl?: string) {
		this.perIp = new Limiter('login-ip', loginPerIp, 300, 0, redisUrl);
		this.perAccountSource = new Limiter('login-account-source', 5, 300, 0, redisUrl);
		this.perAccount = new Limiter('login-account', 50, 900, 0, redisUrl);
	}

	#source(account: string, ip: string, device: string | undefined): string {
		return device && this.#knownDevices.has(`${account}|${device}`)
			? `${account}|d:${device}`
			: `${account}|a:${ip}`;
	}

	/** May this attempt be checked at all? Counts the attempt against the address. */
	async admit(account: string, ip: string, device?: string): Promise<RateDecision> {
		const byIp = await this.perIp.consume(ip);
		if (!byIp.allowed) return byIp;
		const bySource = await this.perAccountSource.check(this.#source(account, ip, device));
		if (!bySource.allowed) return bySource;
		if (device && this.#knownDevices.has(`${account}|${device}`)) return { allowed: true };
		return this.perAccount.check(account);
	}

	/** A wrong password: spends the account's budgets. */
	async failed(account: string, ip: string, device?: string): Promise<void> {
		await this.perAccountSource.consume(this.#source(account, ip, device));
		await this.perAccount.consume(account);
	}

	/** A right password: this browser is now known for the account and its budget refills. */
	async succeeded(account: string, ip: string, device?: string): Promise<void> {
		await this.perAccountSource.reset(this.#source(account, ip, device));
		if (!device) return;
		if (this.#knownDevices.size >= KNOWN_DEVICES_MAX) {
			const oldest = this.#knownDevices.values().next().value;
			if (oldest !== undefined) this.#knownDevices.delete(oldest);
		}
		this.#knownDevices.add(`${account}|${device}`);
	}
}
