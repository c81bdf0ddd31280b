/**
 * Phone events: join, rejoin, answer. Each is the same short pipeline — validate → rate-limit →
 * one engine command through the game → ack after the group commit.
 */
import * as v from 'valibot';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { JoinPayload, RejoinPayload, SubmitAnswerPayload } from '../../protocol';
import { getPlayer } from '../../quiz/selectors';
import { nicknameKey } from '../../quiz/vietnamese';
import { generateToken, hashToken } from '../auth/session';
import { findEndedGameByPin } from '../db/queries/games';
import { isNicknameOffensive } from '../live/nickname-filter';
import { playerView } from '../live/views';
import type { HandlerContext } from './context';
import { on } from './safe-handler';
import type { RealtimeSocket } from './types';

/** A public, random player id (never derived from the token). */
function newPlayerId(): string {
	const bytes = new Uint8Array(10);
	crypto.getRandomValues(bytes);
	return `p${encodeBase32LowerCaseNoPadding(bytes)}`;
}

export function registerPlayerHandlers(socket: RealtimeSocket, ctx: HandlerContext): void {
	const { registry, broadcaster, commit } = ctx;

	on(socket, 'time:sync', (_payload, reply) => reply({ ok: true, data: { serverNow: ctx.now() } }));

	on(socket, 'player:join', async (payload, reply) => {
		const parsed = v.safeParse(JoinPayload, payload);
		if (!parsed.success) return reply({ ok: false, error: 'INVALID_PAYLOAD' });
		const limit = await ctx.limits.join.consume(socket.data.address);
		if (!limit.allowed)
			return reply({ ok: false, error: 'RATE_LIMITED', retryAfterSec: limit.retryAfterSec });
		const input = parsed.output;
		const game = await registry.getByPin(input.pin);
		if (!game)
			return reply({
				ok: false,
				error: (await findEndedGameByPin(ctx.db, input.pin)) ? 'GAME_ENDED' : 'NOT_FOUND'
			});
		if (game.meta.options.nicknameFilter && isNicknameOffensive(input.nickname))
			return reply({ ok: false, error: 'NICKNAME_NOT_ALLOWED' });

		const playerToken = generateToken();
		const playerId = newPlayerId();
		const result = game.run(
			{
				type: 'join',
				playerId,
				nickname: input.nickname,
				team: input.team ?? null,
				fields: { ...input.hidden }
			},
			{ tokenHash: hashToken(playerToken) }
		);
		if (!result.ok) return reply({ ok: false, error: result.error });
		const view = playerView(game, result.state, playerId, ctx.now());
		commit.afterCommit((error) => {
			if (error || !view) return reply({ ok: false, error: 'INTERNAL' });
			if (socket.connected) broadcaster.bindPlayer(game, playerId, socket);
			reply({ ok: true, data: { playerToken, view } });
		}, game.id);
	});

	on(socket, 'player:rejoin', async (payload, reply) => {
		const parsed = v.safeParse(RejoinPayload, payload);
		if (!parsed.success) return reply({ ok: false, error: 'INVALID_PAYLOAD' });
		const limit = await ctx.limits.rejoin.consume(socket.data.address);
		if (!limit.allowed)
			return reply({ ok: false, error: 'RATE_LIMITED', retryAfterSec: limit.retryAfterSec });
		const { pin, playerToken, nickname } = parsed.output;
		// An ended game still shows its podium to a phone that reloads.
		const active = await registry.getByPin(pin);
		const ended = active ? undefined : await findEndedGameByPin(ctx.db, pin);
		const game = ended ? await registry.get(ended.id) : active;
		if (!game) return reply({ ok: false, error: 'NOT_FOUND' });
		const playerId = game.tokens.get(hashToken(playerToken));
		const state = game.state;
		const player = playerId ? getPlayer(state, playerId) : null;
		if (!playerId || !player) return reply({ ok: false, error: 'NOT_IN_GAME' });
		if (nickname !== undefined && nicknameKey(nickname) !== nicknameKey(player.nickname))
			return reply({ ok: false, error: 'NOT_IN_GAME' });
		if (player.status === 'kicked') return reply({ ok: false, error: 'KICKED' });
		const view = playerView(game, state, playerId, ctx.now());
		commit.afterCommit((error) => {
			if (error || !view) return reply({ ok: false, error: 'INTERNAL' });
			if (socket.connected) broadcaster.bindPlayer(game, playerId, socket);
			reply({ ok: true, data: { view } });
		}, game.id);
	});

	on(socket, 'answer:submit', async (payload, reply) => {
		const parsed = v.safeParse(SubmitAnswerPayload, payload);
		if (!parsed.success) return reply({ ok: false, error: 'INVALID_PAYLOAD' });
		const bound = socket.data.player;
		// The hot path: the game is in memory (the socket is bound to it), no database read.
		const game = bound
			? (registry.loaded(bound.gameId) ?? (await registry.get(bound.gameId)))
			: undefined;
		if (!bound || !game) return reply({ ok: false, error: 'NOT_IN_GAME' });
		const { questionIndex, answer } = parsed.output;
		const result = game.run({
			type: 'submitAnswer',
			playerId: bound.playerId,
			questionIndex,
			answer
		});
		if (!result.ok) return reply({ ok: false, error: result.error });
		const accepted = result.events.find((event) => event.type === 'answerAccepted');
		const duplicate = accepted?.type === 'answerAccepted' && accepted.duplicate;
		// Acknowledged once committed; never says whether the answer is right.
		commit.afterCommit(
			(error) =>
				reply(
					error
						? { ok: false, error: 'INTERNAL' }
						: { ok: true, data: { questionIndex, accepted: true, duplicate } }
				),
			game.id
		);
	});

	socket.on('disconnect', () => broadcaster.unbind(socket));
}
