/**
 * The join form's one request: open a socket, send `player:join`, keep the player token on the
 * phone for /play/[pin], close. Kept apart from the play page's connection so the join page
 * stays small.
 */
import type { JoinReply, RequestPayload } from '$lib/protocol';
import { savePlayer } from './player-token';
import { createSocket, type Reply } from './socket';

/** socket.io retries by itself on a shaky network; give it a while before giving up. */
const CONNECT_WAIT_MS = 12_000;
const ACK_WAIT_MS = 8_000;

export async function joinGame(payload: RequestPayload<'player:join'>): Promise<Reply<JoinReply>> {
	const wire = createSocket();
	try {
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(reject, CONNECT_WAIT_MS);
			wire.on('connect', () => {
				clearTimeout(timer);
				resolve();
			});
			wire.connect();
		});
	} catch {
		wire.disconnect();
		return { ok: false, error: 'OFFLINE' };
	}
	try {
		const reply = await wire.request('player:join', payload, ACK_WAIT_MS);
		if (reply.ok) savePlayer(payload.pin, reply.data.playerToken, reply.data.view.me.nickname);
		return reply;
	} catch {
		return { ok: false, error: 'TIMEOUT' };
	} finally {
		wire.disconnect();
	}
}
