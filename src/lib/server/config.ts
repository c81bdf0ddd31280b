import path from 'node:path';
import { readAddressPolicy, type AddressPolicy } from './client-address';
import {
	DEFAULT_SOCKETS_PER_ADDRESS,
	DEFAULT_UNJOINED_TIMEOUT_SEC
} from './realtime/connection-gate';

/**
 * Rate limits an operator may raise (a hall behind one NAT address, the benchmarks): environment
 * variable and default. Each is a whole number of attempts per the limiter's window.
 */
const LIMITS = {
	/** Live game joins per address per 10 s. */
	liveJoin: ['LIVE_JOIN_LIMIT', 60],
	/** Live game rejoins per address per 10 s. */
	liveRejoin: ['LIVE_REJOIN_LIMIT', 600],
	/** Staff login attempts per address per 5 minutes. */
	loginPerIp: ['LOGIN_LIMIT_PER_IP', 30],
	/** New practice guests and account sign-ins per address per 10 minutes. */
	practiceNewPlayerPerIp: ['PRACTICE_NEW_PLAYER_PER_IP', 300],
	/** Practice answers per participant per minute. */
	practiceAnswerPerMin: ['PRACTICE_ANSWER_PER_MIN', 120],
	/** Practice account sign-in attempts per phone/e-mail per 5 minutes. */
	practiceLoginPerAccount: ['PRACTICE_LOGIN_PER_ACCOUNT', 10],
	/** Contest registrations per address per 10 minutes. */
	contestRegisterPerIp: ['CONTEST_REGISTER_PER_IP', 300],
	/** Saved contest answers per attempt owner per minute. */
	contestSavePerMin: ['CONTEST_SAVE_PER_MIN', 300],
	/** Saved contest answers per client address per minute (a hall behind one NAT shares one). */
	contestSavePerAddressPerMin: ['CONTEST_SAVE_PER_ADDRESS_PER_MIN', 60_000],
	/** Open socket.io connections per client address (a 2,000-phone hall behind one NAT fits). */
	liveSocketsPerAddress: ['LIVE_SOCKETS_PER_ADDRESS', DEFAULT_SOCKETS_PER_ADDRESS],
	/** Seconds a socket may stay open without joining a game or attaching a host screen. */
	liveUnjoinedTimeoutSec: ['LIVE_UNJOINED_TIMEOUT_SEC', DEFAULT_UNJOINED_TIMEOUT_SEC]
} as const satisfies Record<string, readonly [string, number]>;

const LIMIT_MAX = 1_000_000_000;

export type LimitName = keyof typeof LIMITS;

/** Runtime configuration read from the environment, with safe defaults. */
export interface AppConfig {
	port: number;
	host: string;
	/** The SQLite file (DATABASE_PATH), used when `databaseUrl` is not set. */
	databasePath: string;
	/** DATABASE_URL: a postgres:// address puts the app on PostgreSQL instead of SQLite. */
	databaseUrl: string | undefined;
	publicUrl: string | undefined;
	uploadDir: string;
	/** Where rate limits read the client's address (TRUST_PROXY, ADDRESS_HEADER, XFF_DEPTH). */
	address: AddressPolicy;
	limits: Record<LimitName, number>;
	/** REDIS_URL: set, several nodes share socket.io rooms, rate limits and game leases. */
	redisUrl: string | undefined;
}

/** A configuration problem, reported on one line at start. */
export class ConfigError extends Error {
	override name = 'ConfigError';
}

/** Parse configuration from an environment object; throws ConfigError with a one-line explanation. */
export function readConfig(env: Record<string, string | undefined> = process.env): AppConfig {
	const portText = env.PORT?.trim() || '3000';
	const port = Number(portText);
	if (!/^\d+$/.test(portText) || port < 0 || port > 65535) {
		throw new ConfigError(`PORT must be a number from 0 to 65535, got "${env.PORT}"`);
	}
	const host = env.HOST?.trim() || '0.0.0.0';
	let publicUrl: string | undefined;
	if (env.PUBLIC_URL?.trim()) {
		try {
			const url = new URL(env.PUBLIC_URL.trim());
			if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
			publicUrl = url.origin;
		} catch {
			throw new ConfigError(
				`PUBLIC_URL must be an absolute http(s) address such as http://192.168.1.10:3000, got "${env.PUBLIC_URL}"`
			);
		}
	}
	const databasePath = env.DATABASE_PATH?.trim() || './data/chuongvang.db';
	if (databasePath !== ':memory:' && databasePath.endsWith('/')) {
		throw new ConfigError(`DATABASE_PATH must name a file, got a folder "${databasePath}"`);
	}
	const uploadDir = path.resolve(env.UPLOAD_DIR?.trim() || './data/uploads');
	const trustProxyText = env.TRUST_PROXY?.trim() || '0';
	if (trustProxyText !== '0' && trustProxyText !== '1') {
		throw new ConfigError(
			`TRUST_PROXY must be 1 (behind a reverse proxy) or 0, got "${env.TRUST_PROXY}"`
		);
	}
	let address: AddressPolicy;
	try {
		address = readAddressPolicy(env);
	} catch (err) {
		throw new ConfigError((err as Error).message);
	}
	const limits = {} as Record<LimitName, number>;
	for (const [name, [variable, fallback]] of Object.entries(LIMITS) as Array<
		[LimitName, readonly [string, number]]
	>) {
		const text = env[variable]?.trim();
		const value = text ? Number(text) : fallback;
		if (text && (!/^\d+$/.test(text) || value < 1 || value > LIMIT_MAX)) {
			throw new ConfigError(
				`${variable} must be a whole number from 1 to ${LIMIT_MAX}, got "${env[variable]}"`
			);
		}
		limits[name] = value;
	}
	const redisUrl = readRedisUrl(env.REDIS_URL);
	const databaseUrl = readDatabaseUrl(env.DATABASE_URL);
	return {
		port,
		host,
		databasePath,
		databaseUrl,
		publicUrl,
		uploadDir,
		address,
		limits,
		redisUrl
	};
}

/** DATABASE_URL, when set, must be a postgres:// address (SQLite is chosen by leaving it unset). */
function readDatabaseUrl(text: string | undefined): string | undefined {
	return readServiceUrl(
		'DATABASE_URL',
		text,
		['postgres:', 'postgresql:'],
		'a postgres:// address such as postgres://chuongvang@127.0.0.1:5432/chuongvang (leave it unset for SQLite)'
	);
}

/** REDIS_URL, when set, must be a redis:// or rediss:// address (a typo must not start a lone node). */
function readRedisUrl(text: string | undefined): string | undefined {
	return readServiceUrl(
		'REDIS_URL',
		text,
		['redis:', 'rediss:'],
		'a redis:// or rediss:// address such as redis://127.0.0.1:6379'
	);
}

/**
 * A service address from the environment: unset or blank is undefined; otherwise it must parse,
 * name a host and use one of `protocols`, or the start stops with `NAME must be <expected>`. The
 * value is quoted without its password.
 */
function readServiceUrl(
	name: string,
	text: string | undefined,
	protocols: string[],
	expected: string
): string | undefined {
	const value = text?.trim();
	if (!value) return undefined;
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || !protocols.includes(url.protocol) || !url.hostname)
		throw new ConfigError(`${name} must be ${expected}, got "${redact(value)}"`);
	return value;
}

/**
 * An address without its password, for error messages (secrets are never printed): whatever
 * stands between the user name's colon and the last `@`, with or without a scheme, and even when
 * the password holds a `/` or an `@`.
 */
function redact(text: string): string {
	const at = text.lastIndexOf('@');
	if (at < 0) return text;
	const scheme = text.indexOf('//');
	const colon = text.indexOf(':', scheme >= 0 && scheme < at ? scheme + 2 : 0);
	if (colon < 0 || colon > at) return text;
	return `${text.slice(0, colon + 1)}***${text.slice(at)}`;
}

let cached: AppConfig | undefined;

/**
 * The process-wide configuration, read once. Start-up (`startApp`) calls it first, so a bad value
 * stops the server with a one-line ConfigError before anything else runs.
 */
export function config(): AppConfig {
	cached ??= readConfig();
	return cached;
}
