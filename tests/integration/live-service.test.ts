import { afterEach, describe, expect, it } from 'vitest';
import type {
	HostAttachReply,
	JoinReply,
	LeaderboardFrame,
	LobbyPlayersFrame
} from '../../src/lib/protocol';
import { createBank } from '../../src/lib/server/db/queries/banks';
import { addQuestion, updateQuestion } from '../../src/lib/server/db/queries/questions';
import { addQuizQuestions, createQuiz } from '../../src/lib/server/db/queries/quizzes';
import { getGame } from '../../src/lib/server/db/queries/games';
import {
	createLiveGame,
	exportResults,
	findJoinableGame,
	getGameForHost,
	getResults,
	listLiveGames
} from '../../src/lib/server/live/service';
import {
	closeAllClients,
	connect,
	createGame,
	makeStaff,
	q1,
	q2,
	startServer,
	type TestServer
} from './live-harness';
import { newTestDatabase, openTestDb } from '../../src/lib/server/db/test-databases';

let server: TestServer | undefined;
afterEach(async () => {
	closeAllClients();
	await server?.close();
	server = undefined;
});

describe('the live-game service', () => {
	it('creates a game from a quiz of the organization and keeps its questions when the bank changes', async () => {
		const db = await openTestDb();
		const staff = await makeStaff(db, 'organizer');
		const other = await makeStaff(db, 'organizer');
		const bank = await createBank(db, staff.organizationId, {
			title: 'Bộ luật Lao động',
			description: '',
			tags: [],
			visibility: 'private'
		});
		const ids: number[] = [];
		for (const q of [q1(), q2()])
			ids.push((await addQuestion(db, staff.organizationId, bank.id, q)) as number);
		const quiz = await createQuiz(db, staff.organizationId, {
			title: 'Hội thi CĐCS',
			description: ''
		});
		await addQuizQuestions(db, staff.organizationId, quiz.id, ids);

		expect(
			await createLiveGame(db, {
				organizationId: other.organizationId,
				quizId: quiz.id,
				mode: 'classic',
				createdBy: other.userId
			})
		).toEqual({ ok: false, problems: ['NOT_FOUND'] });
		expect(
			await createLiveGame(db, {
				organizationId: staff.organizationId,
				quizId: quiz.id,
				mode: 'teams',
				options: { teams: ['Tổ 1'] },
				createdBy: staff.userId
			})
		).toMatchObject({ ok: false, problems: expect.arrayContaining(['TEAMS_REQUIRED']) });

		const created = await createLiveGame(db, {
			organizationId: staff.organizationId,
			quizId: quiz.id,
			mode: 'teams',
			options: { teams: ['Tổ Cơ khí', 'Tổ May'], hiddenFields: ['fullName', 'phone'] },
			createdBy: staff.userId
		});
		if (!created.ok) throw new Error(created.problems.join());
		expect(created.pin).toMatch(/^[1-9]\d{5}$/);
		await updateQuestion(db, staff.organizationId, ids[0], { ...q1(), text: 'Đã sửa sau khi tạo' });

		const row = await getGame(db, staff.organizationId, created.gameId);
		expect((row?.questions as Array<{ text: string; questionId: number }>)[0]).toMatchObject({
			text: q1().text,
			questionId: ids[0]
		});
		const game = await getGameForHost(db, staff.organizationId, created.gameId);
		expect(game).toMatchObject({
			title: 'Hội thi CĐCS',
			mode: 'teams',
			status: 'lobby',
			teams: [
				{ id: 't1', name: 'Tổ Cơ khí' },
				{ id: 't2', name: 'Tổ May' }
			]
		});
		expect(await getGameForHost(db, other.organizationId, created.gameId)).toBeUndefined();
		expect((await listLiveGames(db, staff.organizationId)).map((g) => g.id)).toEqual([
			created.gameId
		]);
		expect(await listLiveGames(db, other.organizationId)).toEqual([]);
		expect(await findJoinableGame(db, created.pin)).toEqual({
			gameId: created.gameId,
			pin: created.pin,
			title: 'Hội thi CĐCS',
			mode: 'teams',
			teams: game?.teams,
			hiddenFields: ['fullName', 'phone'],
			nicknameFilter: true,
			locked: false,
			ended: false
		});
		expect(await findJoinableGame(db, '12345')).toBeUndefined();
		const results = await getResults(db, staff.organizationId, created.gameId);
		expect(results?.players).toEqual([]);
		expect(await getResults(db, other.organizationId, created.gameId)).toBeUndefined();
	});

	it('plays teams with hidden fields the projector never sees, and exports them for the organization', async () => {
		server = await startServer(await newTestDatabase('file'));
		const { db, url, clock } = server;
		const staff = await makeStaff(db, 'admin', clock.now());
		const { gameId, pin } = await createGame(db, staff, [q1()], 'teams', {
			teams: ['Tổ Cơ khí', 'Tổ May'],
			hiddenFields: ['fullName', 'phone'],
			nicknameFilter: false
		});
		const screen = await connect(url, staff.cookie);
		await screen.emit('host:attach', { gameId });

		const phone = await connect(url);
		expect(await phone.emit('player:join', { pin, nickname: 'Tí', team: 't1' })).toEqual({
			ok: false,
			error: 'FIELDS_INVALID'
		});
		expect(
			await phone.emit('player:join', {
				pin,
				nickname: 'Tí',
				team: 't9',
				hidden: { fullName: 'Nguyễn Văn Tí', phone: '0912345678' }
			})
		).toEqual({ ok: false, error: 'TEAM_INVALID' });
		const joined = await phone.emit<JoinReply>('player:join', {
			pin,
			nickname: '=HYPERLINK("x")',
			team: 't2',
			hidden: { fullName: 'Nguyễn Văn Tí', phone: '0912345678', unit: 'không hỏi' }
		});
		expect(joined.ok && joined.data.view.me.team).toBe('t2');
		const teammate = await connect(url);
		await teammate.emit('player:join', {
			pin,
			nickname: 'Tèo',
			hidden: { fullName: 'Trần Thị Tèo', phone: '0987654321' }
		});
		await screen.next<LobbyPlayersFrame>('lobby:players', (f) => f.count === 2);
		expect((await findJoinableGame(db, pin))?.locked).toBe(false);
		await screen.emit('host:command', { gameId, command: { type: 'lock' } });
		expect((await findJoinableGame(db, pin))?.locked).toBe(true);
		expect(await (await connect(url)).emit('player:join', { pin, nickname: 'Muộn' })).toMatchObject(
			{
				ok: false,
				error: 'LOCKED'
			}
		);

		await screen.emit('host:command', { gameId, command: { type: 'start' } });
		clock.advance(4_000);
		await phone.emit('answer:submit', { questionIndex: 0, answer: { type: 'single', choice: 1 } });
		await screen.emit('host:command', { gameId, command: { type: 'close' } });
		await screen.emit('host:command', { gameId, command: { type: 'showLeaderboard' } });
		const board = await teammate.next<LeaderboardFrame>('leaderboard');
		expect(board.teams?.map((t) => [t.name, t.score, t.members])).toEqual([
			['Tổ May', 900, 1],
			['Tổ Cơ khí', 0, 1]
		]);

		const reattached = await screen.emit<HostAttachReply>('host:attach', { gameId });
		expect(reattached.ok && reattached.data.roster.map((p) => p.team)).toEqual(['t2', 't1']);
		for (const client of [screen, phone, teammate]) {
			const wire = client.raw.join('\n');
			expect(wire).not.toContain('0912345678');
			expect(wire).not.toContain('Nguyễn Văn Tí');
		}

		const results = await getResults(db, staff.organizationId, gameId);
		expect(results?.hiddenFields).toEqual(['fullName', 'phone']);
		expect(results?.players[0]).toMatchObject({
			nickname: '=HYPERLINK("x")',
			teamName: 'Tổ May',
			hidden: { fullName: 'Nguyễn Văn Tí', phone: '0912345678' }
		});
		const csv = await exportResults(db, staff.organizationId, gameId, 'csv');
		const text = new TextDecoder().decode(csv?.body);
		expect(csv?.filename).toMatch(/\.csv$/);
		expect(text).toContain(`"'=HYPERLINK(""x"")"`);
		expect(text).toContain('Họ và tên');
		expect(text).toContain('0912345678');
		expect(text).not.toContain('không hỏi');
		expect(
			await exportResults(db, (await makeStaff(db)).organizationId, gameId, 'csv')
		).toBeUndefined();
	});
});
