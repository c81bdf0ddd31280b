import type { Server, Socket } from 'socket.io';
import type { ClientToServerWire, ServerToClientEvents } from '../../protocol';
import type { SessionUser } from '../auth/session';

export interface SocketData {
	/** The staff user behind the session cookie, or null for phones and forged cookies. */
	user: SessionUser | null;
	/** The stored id of that session (closing it closes this socket). */
	sessionId: string | null;
	/** The player this socket speaks for, after a join or rejoin. */
	player: { gameId: number; playerId: string } | null;
	/** Address used for rate limits. */
	address: string;
}

export type RealtimeServer = Server<ClientToServerWire, ServerToClientEvents, object, SocketData>;
export type RealtimeSocket = Socket<ClientToServerWire, ServerToClientEvents, object, SocketData>;
