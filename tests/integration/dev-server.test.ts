import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { closeDatabase, openDatabase } from '../../src/lib/server/db';
import { seedDemo } from '../../src/lib/server/seed';
import { createUser } from '../../src/lib/server/auth/accounts';
import { findOrganizationBySlug } from '../../src/lib/server/auth/members';

// `vite dev` serves pages and socket.io on one port through the dev plugin in vite.config.ts.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-dev-'));
const dbFile = path.join(dir, 'dev.db');
let dev: ChildProcess;
let base = '';

function ping(
	socket: Socket
): Promise<{ ok: boolean; error?: string; data?: { username: string } }> {
	return new Promise((resolve) => socket.emit('ping', {}, resolve));
}

function connectWith(cookie?: string): Promise<Socket> {
	const socket = connect(base, {
		path: '/socket.io',
		transports: ['websocket'],
		extraHeaders: cookie ? { cookie } : {},
		reconnection: false
	});
	return new Promise((resolve, reject) => {
		socket.on('connect', () => resolve(socket));
		socket.on('connect_error', reject);
	});
}

beforeAll(async () => {
	const db = await openDatabase(dbFile);
	await seedDemo(db);
	const org = (await findOrganizationBySlug(db, 'demo'))!;
	await createUser(db, {
		organizationId: org.id,
		username: 'devhost',
		displayName: 'Dev',
		password: 'mat-khau-123',
		role: 'host'
	});
	await closeDatabase(db);
	dev = spawn(
		'npx',
		['vite', 'dev', '--port', '0', '--host', '127.0.0.1', '--strictPort', 'false'],
		{
			env: { ...process.env, DATABASE_PATH: dbFile, UPLOAD_DIR: path.join(dir, 'up'), PORT: '0' },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true
		}
	);
	base = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('vite dev did not start')), 60_000);
		dev.stdout!.on('data', (chunk: Buffer) => {
			const match = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(
				chunk.toString().replace(/\x1b\[[0-9;]*m/g, '')
			);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
	});
	// The first request runs the server init hook, which attaches socket.io.
	await fetch(base + '/login');
}, 90_000);

afterAll(() => {
	if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('the dev server', () => {
	it('serves pages and an authenticated socket ping on the same port', async () => {
		const res = await fetch(base + '/login', {
			method: 'POST',
			headers: {
				origin: base,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'username=devhost&password=mat-khau-123',
			redirect: 'manual'
		});
		expect(res.status, (await res.clone().text()).slice(0, 3000).replace(/<[^>]*>/g, ' ')).toBe(
			303
		);
		const cookie = res.headers.get('set-cookie')!.split(';')[0];
		expect(cookie).toMatch(/^cv_session=/);

		const user = await connectWith(cookie);
		expect(await ping(user)).toMatchObject({ ok: true, data: { username: 'devhost' } });
		user.close();

		const anon = await connectWith();
		expect(await ping(anon)).toEqual({ ok: false, error: 'UNAUTHENTICATED' });
		anon.close();
	});
});
