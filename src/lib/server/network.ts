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

/** Bound to this machine only (127.0.0.0/8, ::1, localhost): no phone can connect. */
export function isLoopbackHost(host: string): boolean {
	const h = host
		.trim()
		.toLowerCase()
		.replace(/^\[|\]$/g, '');
	return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);

/**
 * Base URLs to show and to put in QR codes: PUBLIC_URL when set; else, when bound to one address
 * (loopback included), that address; else one per LAN address, else localhost.
 */
export function baseUrls(cfg: Pick<AppConfig, 'publicUrl' | 'port' | 'host'>): string[] {
	if (cfg.publicUrl) return [cfg.publicUrl];
	const host = cfg.host.trim();
	if (!WILDCARD_HOSTS.has(host)) {
		return [
			`http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${cfg.port}`
		];
	}
	const lan = lanAddresses().map((ip) => `http://${ip}:${cfg.port}`);
	return lan.length ? lan : [`http://localhost:${cfg.port}`];
}

/**
 * The console lines printed once the server listens, ending with what the person starting it
 * needs: the address phones open, where the QR code is, and the one-time set-up link.
 */
export function startBanner(
	cfg: Pick<AppConfig, 'publicUrl' | 'port' | 'host'>,
	setupToken: string | null | undefined
): string[] {
	const urls = baseUrls(cfg);
	const lines: string[] = [];
	if (!cfg.publicUrl && isLoopbackHost(cfg.host)) {
		lines.push(
			`Chuông Vàng đang chạy tại / is running at ${urls[0]} — chỉ máy này mở được, điện thoại không vào được / this computer only, phones cannot connect.`,
			`Để điện thoại cùng Wi-Fi vào được / to let phones on the Wi-Fi join: HOST=0.0.0.0 npm start`
		);
	} else {
		lines.push(
			`Chuông Vàng đang chạy / is running. Điện thoại mở / phones open: ${urls.join('  ')}`
		);
		lines.push(
			'Mã QR cho điện thoại hiện trên màn hình người dẫn khi mở phòng chờ / the QR code for phones is on the host screen once a lobby opens.'
		);
	}
	if (setupToken) {
		lines.push(
			`Tạo quản trị viên đầu tiên / first admin set-up link: ${urls[0]}/setup/${setupToken}`
		);
	}
	return lines;
}
