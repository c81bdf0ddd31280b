import { describe, expect, it } from 'vitest';
import { clientAddress, readAddressPolicy, requestClientAddress } from './client-address';
import { readConfig } from './config';

const peer = '127.0.0.1';

describe('finding 9: one client-address function for HTTP and sockets', () => {
	it('uses the TCP peer when no proxy is trusted, whatever the headers claim', () => {
		const policy = readAddressPolicy({});
		expect(clientAddress(peer, { 'x-forwarded-for': '6.6.6.6' }, policy)).toBe(peer);
	});

	it.each([
		[{ TRUST_PROXY: '1' }, '6.6.6.6, 203.0.113.7', '203.0.113.7'],
		[{ TRUST_PROXY: '1', XFF_DEPTH: '2' }, '6.6.6.6, 203.0.113.7, 10.0.0.2', '203.0.113.7'],
		[{ ADDRESS_HEADER: 'X-Forwarded-For' }, '6.6.6.6,203.0.113.9', '203.0.113.9'],
		// A chain shorter than the trusted depth did not come through our proxies: the peer counts.
		[{ TRUST_PROXY: '1', XFF_DEPTH: '3' }, '203.0.113.7', peer]
	])('behind a proxy (%o) takes the rightmost trusted hop of "%s"', (env, xff, expected) => {
		expect(clientAddress(peer, { 'x-forwarded-for': xff }, readAddressPolicy(env))).toBe(expected);
	});

	it('reads a single-address header such as X-Real-IP as it is', () => {
		const policy = readAddressPolicy({ ADDRESS_HEADER: 'x-real-ip' });
		expect(clientAddress(peer, { 'x-real-ip': '198.51.100.2' }, policy)).toBe('198.51.100.2');
		expect(clientAddress(peer, {}, policy)).toBe(peer);
	});

	it('treats an IPv4-mapped IPv6 peer as the IPv4 address', () => {
		expect(clientAddress('::ffff:192.168.1.20', {}, readAddressPolicy({}))).toBe('192.168.1.20');
	});

	it('gives an HTTP request under adapter-node the same answer as its socket', () => {
		const policy = readAddressPolicy({ TRUST_PROXY: '1' });
		const req = {
			headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' },
			socket: { remoteAddress: '10.0.0.1' }
		};
		const event = {
			platform: { req },
			request: new Request('http://x/'),
			getClientAddress: () => '10.0.0.1'
		};
		expect(requestClientAddress(event, policy)).toBe('203.0.113.7');
		expect(clientAddress('10.0.0.1', req.headers, policy)).toBe('203.0.113.7');
	});

	it('refuses a bad XFF_DEPTH at start with a one-line message', () => {
		expect(() => readConfig({ XFF_DEPTH: '0' })).toThrow(/XFF_DEPTH must be a whole number/);
		expect(readConfig({ TRUST_PROXY: '1' }).address).toEqual({
			header: 'x-forwarded-for',
			depth: 1
		});
	});
});
