/**
 * Every socket handler goes through `on`: the ack is optional (a client may omit it), called at
 * most once, and an exception or rejected promise becomes `INTERNAL` without details — the server
 * never throws out of a handler, and nothing secret (tokens, payloads) is logged. The reply's type
 * comes from the event map in protocol.ts: a handler cannot acknowledge with another event's data.
 */
import type { Ack, RequestName, RequestReply } from '../../protocol';

type AnyAck = (ack: Ack<unknown>) => void;
export type Reply<T> = (ack: Ack<T>) => void;

interface Listenable {
	id: string;
	on(event: string, listener: (...args: unknown[]) => void): unknown;
}

export function on<E extends RequestName>(
	socket: Listenable,
	event: E,
	handler: (payload: unknown, reply: Reply<RequestReply<E>>) => void | Promise<void>
): void {
	socket.on(event, (...args: unknown[]) => {
		// The ack is always the last argument; a payload may be missing altogether.
		const last = args[args.length - 1];
		const ack = typeof last === 'function' ? (last as AnyAck) : undefined;
		const payload = ack && args.length === 1 ? undefined : args[0];
		let done = false;
		const reply: Reply<RequestReply<E>> = (value) => {
			if (done) return;
			done = true;
			try {
				ack?.(value as Ack<unknown>);
			} catch (err) {
				console.error(`realtime: acknowledging ${event} failed`, describe(err));
			}
		};
		const fail = (err: unknown) => {
			console.error(`realtime: ${event} from socket ${socket.id} failed`, describe(err));
			reply({ ok: false, error: 'INTERNAL' });
		};
		try {
			const pending = handler(payload, reply);
			if (pending) pending.catch(fail);
		} catch (err) {
			fail(err);
		}
	});
}

/** The error's name, message and stack; never the payload that caused it. */
function describe(err: unknown): string {
	return err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
}
