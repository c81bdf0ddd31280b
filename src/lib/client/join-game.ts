/**
 * The join form's one request: open a socket, send `player:join`, keep the player token on the
 * phone for /play/[pin], close. Kept apart from the play page's connection so the join page
 * stays small.
 */
import type { Ack, JoinReply } from '$lib/protocol';
import { savePlayer } from './player-token';
import { createSocket, emitWithAck } from './socket';

/** socket.io retries by itself on a shaky network; give it a while before giving up. */
const CONNECT_WAIT_MS = 12_000;
const ACK_WAIT_MS = 8_000;

export interface JoinPayload {
	pin: string;
	nickname: string;
	team?: string | null;
	hidden?: Record<string, string>;
}

export async function joinGame(
	payload: JoinPayload
): Promise<Ack<JoinReply> | { ok: false; error: 'OFFLINE' | 'TIMEOUT' }> {
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
		const reply = (await emitWithAck(wire, 'player:join', payload, ACK_WAIT_MS)) as Ack<JoinReply>;
		if (reply.ok) savePlayer(payload.pin, reply.data.playerToken, reply.data.view.me.nickname);
		return reply;
	} catch {
		return { ok: false, error: 'TIMEOUT' };
	} finally {
		wire.disconnect();
	}
}
