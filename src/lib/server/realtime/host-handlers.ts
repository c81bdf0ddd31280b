/**
 * Host events. The session behind the socket's cookie is checked at `host:attach` and again on
 * every command (a revoked session or a disabled account stops working at once); the game must
 * belong to the user's organization. A socket that is not staff of the game's organization gets
 * FORBIDDEN for commands whether or not the game exists, so ids cannot be probed.
 */
import * as v from 'valibot';
import {
	HostAttachPayload,
	HostCommandPayload,
	type RefusalCode,
	type HostCommand
} from '../../protocol';
import type { Command } from '../../quiz/types';
import { ROLES } from '../db/schema';
import {
	SESSION_COOKIE,
	readCookie,
	validateSessionToken,
	type SessionUser
} from '../auth/session';
import type { LiveGame } from '../live/live-game';
import { toEngineQuestion } from '../live/setup';
import { hostState, roster } from '../live/views';
import type { HandlerContext } from './context';
import { on } from './safe-handler';
import type { RealtimeSocket } from './types';

/** Default number of reserve questions a tie-break plays. */
export const TIE_BREAK_DEFAULT = 3;

const STAFF: readonly string[] = ROLES;

/** Re-reads the session from the handshake cookie: null when it is gone, expired or disabled. */
async function currentUser(
	socket: RealtimeSocket,
	ctx: HandlerContext
): Promise<SessionUser | null> {
	const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
	const user = token ? (await validateSessionToken(ctx.db, token, ctx.now())).user : null;
	socket.data.user = user;
	return user && STAFF.includes(user.role) ? user : null;
}

/** The engine command for a host command, or the reason it cannot be built. */
export function toEngineCommand(
	game: LiveGame,
	command: HostCommand
): { command: Command } | { error: RefusalCode } {
	switch (command.type) {
		case 'close':
			return { command: { type: 'closeQuestion' } };
		case 'addTime':
			return {
				command: {
					type: 'addTime',
					...(command.seconds !== undefined && { ms: command.seconds * 1000 })
				}
			};
		case 'kick':
			return { command: { type: 'kick', playerId: command.playerId } };
		case 'markFinal':
			return {
				command: {
					type: 'markFinal',
					...(command.questionIndex !== undefined && { questionIndex: command.questionIndex })
				}
			};
		case 'rescue': {
			if (command.variant === 'all') return { command: { type: 'rescue', variant: 'all' } };
			if (command.variant === 'count') {
				if (command.count === undefined) return { error: 'INVALID_PAYLOAD' };
				return {
					command: {
						type: 'rescue',
						variant: 'count',
						count: command.count,
						...(command.by !== undefined && { by: command.by })
					}
				};
			}
			const [question] = game.takeReserve(1);
			if (!question) return { error: 'NO_RESERVE' };
			return {
				command: { type: 'rescue', variant: 'question', question: toEngineQuestion(question) }
			};
		}
		case 'startTieBreak': {
			const questions = game.takeReserve(command.count ?? TIE_BREAK_DEFAULT);
			if (questions.length === 0) return { error: 'NO_RESERVE' };
			return { command: { type: 'startTieBreak', questions: questions.map(toEngineQuestion) } };
		}
		default:
			return { command: { type: command.type } };
	}
}

export function registerHostHandlers(socket: RealtimeSocket, ctx: HandlerContext): void {
	const { registry, broadcaster, commit } = ctx;
	// A host socket's events are handled in the order they came: each one reads the session (and
	// maybe the game) from the database first, and those reads may finish in another order.
	let tail: Promise<unknown> = Promise.resolve();
	const inOrder = (work: () => Promise<void>): Promise<void> => {
		const run = tail.then(work, work);
		tail = run.catch(() => undefined);
		return run;
	};

	on(socket, 'host:attach', (payload, reply) =>
		inOrder(async () => {
			const parsed = v.safeParse(HostAttachPayload, payload);
			if (!parsed.success) return reply({ ok: false, error: 'INVALID_PAYLOAD' });
			const user = await currentUser(socket, ctx);
			if (!user) return reply({ ok: false, error: 'UNAUTHENTICATED' });
			const game = await registry.get(parsed.output.gameId);
			if (!game || game.meta.organizationId !== user.organizationId)
				return reply({ ok: false, error: 'NOT_FOUND' });
			const data = { state: hostState(game, game.state, ctx.now()), roster: roster(game.state) };
			commit.afterCommit((error) => {
				if (error) return reply({ ok: false, error: 'INTERNAL' });
				if (socket.connected) broadcaster.bindHost(game, socket);
				reply({ ok: true, data });
			}, game.id);
		})
	);

	on(socket, 'host:command', (payload, reply) =>
		inOrder(async () => {
			const parsed = v.safeParse(HostCommandPayload, payload);
			if (!parsed.success) return reply({ ok: false, error: 'INVALID_PAYLOAD' });
			const user = await currentUser(socket, ctx);
			if (!user) return reply({ ok: false, error: 'FORBIDDEN' });
			const game = await registry.get(parsed.output.gameId);
			if (!game || game.meta.organizationId !== user.organizationId)
				return reply({ ok: false, error: 'FORBIDDEN' });
			const built = toEngineCommand(game, parsed.output.command);
			if ('error' in built) return reply({ ok: false, error: built.error });
			const result = game.run(built.command);
			if (!result.ok) return reply({ ok: false, error: result.error });
			const state = hostState(game, result.state, ctx.now());
			commit.afterCommit(
				(error) => reply(error ? { ok: false, error: 'INTERNAL' } : { ok: true, data: { state } }),
				game.id
			);
		})
	);
}
