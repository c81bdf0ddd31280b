import { describe, expect, it } from 'vitest';
import { baseUrls, isLoopbackHost, startBanner } from './network';

describe('startBanner', () => {
	it('on loopback, gives the local address, says phones cannot connect and how to listen on the LAN', () => {
		const lines = startBanner({ host: '127.0.0.1', port: 3000, publicUrl: undefined }, 'tok');
		const text = lines.join('\n');
		expect(text).toContain('http://127.0.0.1:3000');
		expect(text).toContain('điện thoại không vào được');
		expect(text).toContain('HOST=0.0.0.0 npm start');
		expect(text).not.toMatch(/http:\/\/(?!127\.0\.0\.1)\d+\.\d+\.\d+\.\d+/);
		expect(lines.at(-1)).toBe(
			'Tạo quản trị viên đầu tiên / first admin set-up link: http://127.0.0.1:3000/setup/tok'
		);
	});

	it('with PUBLIC_URL, ends with the phones address, the QR hint and the set-up link', () => {
		const lines = startBanner(
			{ host: '0.0.0.0', port: 3000, publicUrl: 'http://192.168.43.1:3000' },
			'tok'
		);
		expect(lines).toHaveLength(3);
		expect(lines[0]).toContain('phones open: http://192.168.43.1:3000');
		expect(lines[1]).toContain('QR');
		expect(lines[2]).toContain('http://192.168.43.1:3000/setup/tok');
	});

	it('omits the set-up link once an administrator exists', () => {
		const lines = startBanner({ host: '0.0.0.0', port: 3000, publicUrl: 'http://x.vn' }, null);
		expect(lines.join('\n')).not.toContain('/setup/');
	});
});

describe('baseUrls', () => {
	it('puts the bound address, not a LAN address, in QR codes when bound to one address', () => {
		expect(baseUrls({ host: '127.0.0.1', port: 4000, publicUrl: undefined })).toEqual([
			'http://127.0.0.1:4000'
		]);
		expect(baseUrls({ host: '::1', port: 4000, publicUrl: undefined })).toEqual([
			'http://[::1]:4000'
		]);
	});

	it.each([
		['127.0.0.1', true],
		['127.1.2.3', true],
		['localhost', true],
		['::1', true],
		['0.0.0.0', false],
		['192.168.1.10', false]
	])('isLoopbackHost(%s) is %s', (host, expected) => {
		expect(isLoopbackHost(host)).toBe(expected);
	});
});
