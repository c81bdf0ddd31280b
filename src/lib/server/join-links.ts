/**
 * Join addresses for a game's PIN, each with its QR code as SVG markup (drawn here, on the server,
 * so neither the host screen nor a phone downloads a QR library).
 */
import QRCode from 'qrcode';
import type { AppConfig } from './config';
import { baseUrls } from './network';

export interface JoinLink {
	url: string;
	/** The address without its scheme, for people typing it. */
	display: string;
	qrSvg: string;
}

/** One link per base URL of the app (PUBLIC_URL, else each LAN IPv4 address of this machine). */
export async function joinLinks(
	pin: string,
	cfg: Pick<AppConfig, 'publicUrl' | 'port' | 'host'>
): Promise<JoinLink[]> {
	return Promise.all(
		baseUrls(cfg).map(async (base) => {
			const url = `${base}/join/${pin}`;
			const qrSvg = await QRCode.toString(url, {
				type: 'svg',
				margin: 1,
				errorCorrectionLevel: 'M',
				color: { dark: '#1b1b1f', light: '#ffffff' }
			});
			return { url, display: url.replace(/^https?:\/\//, ''), qrSvg };
		})
	);
}
