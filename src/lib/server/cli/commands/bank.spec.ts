import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresUrl, type Db } from '../../db';
import { newTestDatabase, openTestDb } from '../../db/test-databases';
import { createOrganization } from '../../auth/members';
import { listBanks } from '../../db/queries/banks';
import { listQuestions } from '../../db/queries/questions';
import { buildTemplate } from '../../transfer';

const run = promisify(execFile);
let dir: string;
/** The test database: a SQLite file, or a PostgreSQL URL (TEST_DATABASE=pg). */
let location: string;
let db: Db;
let orgId: number;

/** Run the real CLI entry in a child process, as an operator would. */
async function cli(...args: string[]) {
	try {
		const { stdout, stderr } = await run('npx', ['tsx', 'src/lib/server/cli/main.ts', ...args], {
			env: {
				...process.env,
				...(isPostgresUrl(location)
					? { DATABASE_URL: location }
					: { DATABASE_PATH: location, DATABASE_URL: '' })
			},
			cwd: process.cwd()
		});
		return { code: 0, stdout, stderr };
	} catch (e) {
		const failure = e as { code: number; stdout: string; stderr: string };
		return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
	}
}

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bank-cli-'));
	location = await newTestDatabase('file');
	db = await openTestDb(location);
	orgId = (await createOrganization(db, 'CĐ Thử', 'cd-thu')).id;
	fs.writeFileSync(
		path.join(dir, 'errors.gift'),
		[
			'::Q1:: Thời giờ làm việc bình thường không quá bao nhiêu giờ một ngày? {=8 giờ ~10 giờ ~12 giờ}',
			'',
			'::Q2:: Câu này quên đóng ngoặc {=Đúng ~Sai',
			''
		].join('\n')
	);
	const template = await buildTemplate('csv');
	fs.writeFileSync(path.join(dir, 'template.csv'), template.bytes);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run cli -- bank', () => {
	it('with --strict, reports every error as one JSON object, exits non-zero and saves nothing', async () => {
		const { code, stdout } = await cli(
			'bank',
			'import',
			path.join(dir, 'errors.gift'),
			'--org',
			'cd-thu',
			'--strict',
			'--json'
		);
		expect(code).toBe(1);
		const report = JSON.parse(stdout);
		expect(report).toMatchObject({ ok: false, strict: true, format: 'gift', bank: null });
		expect(report.questions).toEqual({ total: 1, byType: { single: 1 } });
		expect(report.errors).toEqual([
			{ line: 3, field: expect.any(String), message: expect.stringMatching(/^Dòng 3: /) }
		]);
		expect(await listBanks(db, orgId, { status: 'all' })).toEqual([]);
	}, 60_000);

	it('without --strict, imports the good questions and lists each bad one with its line', async () => {
		const { code, stdout, stderr } = await cli(
			'bank',
			'import',
			path.join(dir, 'errors.gift'),
			'--org',
			'cd-thu',
			'--bank',
			'Một phần'
		);
		expect(code).toBe(3);
		expect(stdout).toMatch(/Đã nhập 1 câu vào bộ #\d+ “Một phần”/);
		expect(stderr).toMatch(/Lỗi \/ error: Dòng 3: /);
		expect(stderr).toMatch(/--strict/);
		const bank = (await listBanks(db, orgId)).find((b) => b.title === 'Một phần');
		expect((await listQuestions(db, orgId, bank!.id)).map((q) => q.body.text)).toEqual([
			'Thời giờ làm việc bình thường không quá bao nhiêu giờ một ngày?'
		]);
	}, 60_000);

	it('imports a clean file into a new bank, then appends to it by title, then exports it', async () => {
		const file = path.join(dir, 'template.csv');
		const before = (await listBanks(db, orgId)).length;
		const dry = await cli('bank', 'import', file, '--org', 'cd-thu', '--dry-run', '--json');
		expect(dry.code).toBe(0);
		expect(JSON.parse(dry.stdout).questions.total).toBe(6);
		expect(await listBanks(db, orgId)).toHaveLength(before);

		const first = await cli('bank', 'import', file, '--org', 'cd-thu', '--bank', 'Luật Lao động');
		expect(first.code).toBe(0);
		expect(first.stdout).toMatch(/Đã nhập 6 câu/);
		const second = await cli('bank', 'import', file, '--org', 'cd-thu', '--bank', 'Luật Lao động');
		expect(second.code).toBe(0);
		const banks = (await listBanks(db, orgId)).filter((b) => b.title === 'Luật Lao động');
		expect(banks.map((b) => [b.title, b.questionCount])).toEqual([['Luật Lao động', 12]]);
		expect(new Set((await listQuestions(db, orgId, banks[0].id)).map((q) => q.type)).size).toBe(6);

		const out = path.join(dir, 'out.json');
		const exported = await cli(
			'bank',
			'export',
			String(banks[0].id),
			'--format',
			'json',
			'--out',
			out
		);
		expect(exported.code).toBe(0);
		expect(JSON.parse(fs.readFileSync(out, 'utf8')).questions).toHaveLength(12);
	}, 120_000);

	it('refuses an unknown organization and a bad export format', async () => {
		const unknownOrg = await cli(
			'bank',
			'import',
			path.join(dir, 'template.csv'),
			'--org',
			'khong-co'
		);
		expect(unknownOrg.code).toBe(2);
		const badFormat = await cli(
			'bank',
			'export',
			'1',
			'--format',
			'pdf',
			'--out',
			path.join(dir, 'x')
		);
		expect(badFormat.code).toBe(2);
		expect(badFormat.stderr).toMatch(/--format/);
	}, 60_000);
});
