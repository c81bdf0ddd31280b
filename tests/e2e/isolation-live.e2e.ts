import { test, expect } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { e2eDb, login, makeUser, unique } from './helpers';
import { expectAllRefused, type CrossOrgCase } from './isolation';
import { game, user } from '../../src/lib/server/db/schema';
import { createQuiz } from '../../src/lib/server/db/queries/quizzes';
import { createLiveGameFromQuestions } from '../../src/lib/server/live/service';

function openSocket(baseURL: string, cookie: string): Promise<Socket> {
	const socket = connect(baseURL, {
		path: '/socket.io',
		transports: ['websocket'],
		extraHeaders: { cookie },
		reconnection: false
	});
	return new Promise((resolve, reject) => {
		socket.on('connect', () => resolve(socket));
		socket.on('connect_error', reject);
	});
}

function ask(
	socket: Socket,
	event: string,
	payload: unknown
): Promise<{ ok: boolean; error?: string }> {
	return new Promise((resolve) => socket.emit(event, payload, resolve));
}

test('a host of organization A can neither see, run, export nor create from organization B', async ({
	page,
	baseURL
}) => {
	const orgA = unique('a-');
	const orgB = unique('b-');
	const hostA = await makeUser(orgA, 'admin');
	const ownerB = await makeUser(orgB, 'organizer');
	const secret = unique('BiMatToChucB');
	const ownerBId = e2eDb().select().from(user).where(eq(user.username, ownerB.username)).get()!.id;
	const quizB = await createQuiz(e2eDb(), ownerB.organizationId, {
		title: `${secret} quiz`,
		description: ''
	});
	const created = await createLiveGameFromQuestions(e2eDb(), {
		organizationId: ownerB.organizationId,
		quizId: quizB.id,
		mode: 'classic',
		createdBy: ownerBId,
		title: secret,
		questions: [
			{
				type: 'truefalse',
				text: `${secret}: Tháng Công nhân là tháng 5?`,
				correct: true,
				timeLimitSec: 20,
				points: 1,
				tags: []
			}
		]
	});
	if (!created.ok) throw new Error(created.problems.join());
	const idB = created.gameId;
	const before = e2eDb().select().from(game).where(eq(game.id, idB)).get()!;

	await login(page, hostA.username);
	const cases: CrossOrgCase[] = [
		{ name: 'host screen', method: 'GET', path: `/host/${idB}` },
		{ name: 'results', method: 'GET', path: `/org/events/${idB}/results` },
		{ name: 'export xlsx', method: 'GET', path: `/org/events/${idB}/results/export?format=xlsx` },
		{ name: 'export csv', method: 'GET', path: `/org/events/${idB}/results/export?format=csv` },
		{ name: 'poster', method: 'GET', path: `/org/events/${idB}/poster` },
		{
			name: 'new game from B quiz',
			method: 'POST',
			path: '/org/events/new?/create',
			form: {
				quizId: String(quizB.id),
				mode: 'classic',
				scoring: 'speed-streak',
				podiumSize: '3',
				teamScoring: 'average',
				whenAllFail: 'keep'
			}
		}
	];
	await expectAllRefused(page.request, baseURL!, cases, secret);

	// The events list of A does not show B's game.
	await page.goto('/org/events');
	await expect(page.getByText(secret)).toHaveCount(0);

	// Over the socket: attaching is a miss, commands are refused.
	const session = (await page.context().cookies()).find((c) => c.name === 'cv_session')!;
	const socket = await openSocket(baseURL!, `cv_session=${session.value}`);
	expect(await ask(socket, 'host:attach', { gameId: idB })).toMatchObject({
		ok: false,
		error: 'NOT_FOUND'
	});
	for (const command of [{ type: 'lock' }, { type: 'start' }, { type: 'end' }]) {
		const reply = await ask(socket, 'host:command', { gameId: idB, command });
		expect(reply.ok).toBe(false);
		expect(['FORBIDDEN', 'NOT_FOUND']).toContain(reply.error);
	}
	socket.close();

	// Nothing changed for B, and A got no game out of B's quiz.
	const after = e2eDb().select().from(game).where(eq(game.id, idB)).get()!;
	expect({ status: after.status, locked: after.locked }).toEqual({
		status: before.status,
		locked: before.locked
	});
	expect(
		e2eDb().select().from(game).where(eq(game.organizationId, hostA.organizationId)).all()
	).toEqual([]);
});
