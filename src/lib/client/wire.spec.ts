import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeEvent } from './wire';

describe('the socket.io wire format', () => {
	it('encodes an event with an acknowledgement id the way socket.io-client does', () => {
		expect(encodeEvent('answer:submit', [{ questionIndex: 2 }], 7)).toBe(
			'427["answer:submit",{"questionIndex":2}]'
		);
		expect(encodeEvent('time:sync', [{}])).toBe('42["time:sync",{}]');
	});

	it.each([
		[
			'0{"sid":"x","pingInterval":20000,"pingTimeout":25000}',
			{ kind: 'open', pingIntervalMs: 20000, pingTimeoutMs: 25000 }
		],
		['2', { kind: 'ping' }],
		['1', { kind: 'close' }],
		['40{"sid":"abc"}', { kind: 'connect' }],
		['41', { kind: 'disconnect' }],
		['44{"message":"nope"}', { kind: 'connectError', data: { message: 'nope' } }],
		[
			'42["game:state",{"phase":"lobby"}]',
			{ kind: 'event', event: 'game:state', args: [{ phase: 'lobby' }], ackId: null }
		],
		['4312[{"ok":true,"data":1}]', { kind: 'ack', ackId: 12, args: [{ ok: true, data: 1 }] }],
		['42/admin,["x"]', { kind: 'ignored' }]
	])('reads %s', (frame, expected) => {
		expect(decodeFrame(frame)).toEqual(expected);
	});

	it('throws on a frame that is not JSON, so the caller can drop it', () => {
		expect(() => decodeFrame('42[oops')).toThrow();
	});
});
