import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { hostErrorMessage } from '$lib/client/host-error-messages';
import { CLIENT_ERROR_CODES, type LiveSocket, type Reply } from '$lib/client/socket';
import { m } from '$lib/paraglide/messages.js';
import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime.js';
import {
	CLIENT_EVENTS,
	ERROR_CODES,
	type AnswerReply,
	type ErrorCode,
	type HostAttachReply,
	type HostCommandReply,
	type JoinReply,
	type PingReply,
	type QuestionOpenedFrame,
	type RejoinReply,
	type RequestName,
	type RequestReply,
	type TimeSyncReply
} from './protocol';

const LOCALES: Locale[] = ['vi', 'en'];

describe('every error code a client can be told has a message in Vietnamese and English', () => {
	afterEach(() => overwriteGetLocale(() => 'vi'));

	const inLocale = (locale: Locale, code: ErrorCode | (typeof CLIENT_ERROR_CODES)[number]) => {
		overwriteGetLocale(() => locale);
		return hostErrorMessage(code);
	};
	// INTERNAL says nothing on purpose (no exception text leaves the server): the generic sentence.
	const specific = [...ERROR_CODES, ...CLIENT_ERROR_CODES].filter((code) => code !== 'INTERNAL');

	it.each(LOCALES.flatMap((locale) => specific.map((code) => [locale, code] as const)))(
		'in %s, %s has its own sentence',
		(locale, code) => {
			const message = inLocale(locale, code);
			expect(message).not.toBe(m.live_err_generic());
			expect(message).not.toContain(code);
			expect(message.length).toBeGreaterThan(5);
		}
	);

	it.each(specific)('%s reads differently in English (not the Vietnamese fallback)', (code) => {
		expect(inLocale('en', code)).not.toBe(inLocale('vi', code));
	});

	it('INTERNAL gets the generic sentence in both languages', () => {
		expect(inLocale('vi', 'INTERNAL')).toBe(m.live_err_generic({}, { locale: 'vi' }));
		expect(inLocale('en', 'INTERNAL')).toBe(m.live_err_generic({}, { locale: 'en' }));
	});
});

describe('the event maps type both ends of the socket', () => {
	it('lists every request at run time and names one acknowledgement per request', () => {
		expectTypeOf<(typeof CLIENT_EVENTS)[number]>().toEqualTypeOf<RequestName>();
		expect(new Set(CLIENT_EVENTS).size).toBe(CLIENT_EVENTS.length);
		expectTypeOf<RequestReply<'ping'>>().toEqualTypeOf<PingReply>();
		expectTypeOf<RequestReply<'time:sync'>>().toEqualTypeOf<TimeSyncReply>();
		expectTypeOf<RequestReply<'player:join'>>().toEqualTypeOf<JoinReply>();
		expectTypeOf<RequestReply<'player:rejoin'>>().toEqualTypeOf<RejoinReply>();
		expectTypeOf<RequestReply<'answer:submit'>>().toEqualTypeOf<AnswerReply>();
		expectTypeOf<RequestReply<'host:attach'>>().toEqualTypeOf<HostAttachReply>();
		expectTypeOf<RequestReply<'host:command'>>().toEqualTypeOf<HostCommandReply>();
	});

	it('lets a client send only well-formed payloads and read only the closed set of errors', async () => {
		const sent: Array<[string, unknown]> = [];
		const socket: LiveSocket = {
			connected: true,
			connect() {},
			disconnect() {},
			removeAllListeners() {},
			on() {},
			request: async (event, payload) => {
				sent.push([event, payload]);
				return { ok: false, error: 'LATE' };
			}
		};
		const answer = { type: 'single', choice: 1 } as const;
		const reply = await socket.request('answer:submit', { questionIndex: 0, answer }, 1);
		if (reply.ok) expectTypeOf(reply.data).toEqualTypeOf<AnswerReply>();
		else expectTypeOf(reply.error).toEqualTypeOf<ErrorCode>();
		expect(reply).toEqual({ ok: false, error: 'LATE' });
		expect(sent).toEqual([['answer:submit', { questionIndex: 0, answer }]]);

		// Compiled, never run: `npm run check` fails if any misuse below stops being an error.
		const misuses = () => {
			// @ts-expect-error: an answer has the schema's shape
			void socket.request('answer:submit', { questionIndex: 0, answer: { type: 'single' } }, 1);
			// @ts-expect-error: no such event
			void socket.request('answer:send', {}, 1);
			socket.on('question:opened', (frame) => {
				expectTypeOf(frame).toEqualTypeOf<QuestionOpenedFrame>();
			});
			// @ts-expect-error: a listener receives the frame its event carries
			socket.on('question:closed', (frame: QuestionOpenedFrame) => void frame);
			// @ts-expect-error: error codes are a closed set
			const refused: Reply<JoinReply> = { ok: false, error: 'SOMETHING' };
			return refused;
		};
		expectTypeOf(misuses).toBeFunction();
	});
});
