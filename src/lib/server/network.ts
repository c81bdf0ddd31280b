import os from 'node:os';
import type { AppConfig } from './config';

/** The machine's LAN IPv4 addresses (what phones on the same Wi-Fi or hotspot can reach). */
export function lanAddresses(): string[] {
	const found: string[] = [];
	for (const list of Object.values(os.networkInterfaces())) {
		for (const addr of list ?? []) {
			if (addr.family === 'IPv4' && !addr.internal) found.push(addr.address);
		}
	}
	return found;
}

/** Base URLs to show and to put in QR codes: PUBLIC_URL when set, else one per LAN address, else localhost. */
export function baseUrls(cfg: Pick<AppConfig, 'publicUrl' | 'port'>): string[] {
	if (cfg.publicUrl) return [cfg.publicUrl];
	const lan = lanAddresses().map((ip) => `http://${ip}:${cfg.port}`);
	return lan.length ? lan : [`http://localhost:${cfg.port}`];
}
