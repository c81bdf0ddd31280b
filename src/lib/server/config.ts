import path from 'node:path';
import { readAddressPolicy, type AddressPolicy } from './client-address';

/** Runtime configuration read from the environment, with safe defaults. */
export interface AppConfig {
	port: number;
	host: string;
	databasePath: string;
	publicUrl: string | undefined;
	uploadDir: string;
	/** Set when the app runs behind a TLS proxy: cookies get the Secure flag. */
	secureCookies: boolean;
	/** Where rate limits read the client's address (TRUST_PROXY, ADDRESS_HEADER, XFF_DEPTH). */
	address: AddressPolicy;
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
	let address: AddressPolicy;
	try {
		address = readAddressPolicy(env);
	} catch (err) {
		throw new ConfigError((err as Error).message);
	}
	return {
		port,
		host,
		databasePath,
		publicUrl,
		uploadDir,
		secureCookies: publicUrl?.startsWith('https:') ?? false,
		address
	};
}

let cached: AppConfig | undefined;

/** The process-wide configuration (read once). */
export function config(): AppConfig {
	cached ??= readConfig();
	return cached;
}
