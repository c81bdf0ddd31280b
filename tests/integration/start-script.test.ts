import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildDecision, sourceStamp, writeStamp } from '../../scripts/build-stamp.js';

const run = promisify(execFile);
const START = path.resolve('scripts/start.js');

/**
 * A stand-in project: its `npm run build` prints a long bundler-like file list (like Vite's
 * ~600 lines) and writes build/handler.js, counting its runs; its server.js prints the banner
 * lines and exits.
 */
function fakeProject(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cv-start-'));
	const write = (rel: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
		fs.writeFileSync(path.join(dir, rel), text);
	};
	write(
		'package.json',
		JSON.stringify({ type: 'module', scripts: { build: 'node fake-build.js' } }, null, '\t')
	);
	write('package-lock.json', '{"lockfileVersion":3}');
	write('src/app.ts', 'export const a = 1;\n');
	write(
		'fake-build.js',
		`import fs from 'node:fs';
for (let i = 0; i < 600; i++) console.log('.svelte-kit/output/client/_app/immutable/chunk-' + i + '.js  1.2 kB');
fs.mkdirSync('build', { recursive: true });
fs.writeFileSync('build/handler.js', 'export const handler = () => {};');
fs.appendFileSync('builds.txt', 'x');
`
	);
	write('server.js', `console.log('Điện thoại mở / phones open: http://192.168.1.5:3000');\n`);
	return dir;
}

async function start(cwd: string) {
	const { stdout, stderr } = await run(process.execPath, [START], { cwd, env: process.env });
	return { lines: stdout.trimEnd().split('\n'), stderr };
}
const builds = (dir: string) =>
	fs.existsSync(path.join(dir, 'builds.txt'))
		? fs.readFileSync(path.join(dir, 'builds.txt'), 'utf8').length
		: 0;

describe('npm start (scripts/start.js)', () => {
	it('builds once with a one-line summary, then serves without rebuilding until a source changes', async () => {
		const dir = fakeProject();

		const first = await start(dir);
		expect(builds(dir)).toBe(1);
		expect(first.lines).toHaveLength(2);
		expect(first.lines[0]).toMatch(
			/^Đang build ứng dụng \(lần đầu \/ first start\)… .*xong \/ done \(\d/
		);
		expect(first.lines.at(-1)).toContain('phones open: http://192.168.1.5:3000');
		expect(fs.readFileSync(path.join(dir, '.svelte-kit/build.log'), 'utf8')).toContain(
			'chunk-599.js'
		);

		const second = await start(dir);
		expect(builds(dir)).toBe(1);
		expect(second.lines[0]).toContain('build is current, not rebuilding');

		fs.writeFileSync(path.join(dir, 'src/app.ts'), 'export const a = 2;\n');
		const third = await start(dir);
		expect(builds(dir)).toBe(2);
		expect(third.lines[0]).toContain('sources changed');

		fs.writeFileSync(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3,"x":1}');
		await start(dir);
		expect(builds(dir)).toBe(3);
	});

	it('stops with the end of the build log when the build fails, and serves nothing', async () => {
		const dir = fakeProject();
		fs.writeFileSync(
			path.join(dir, 'fake-build.js'),
			"console.log('src/routes/+page.svelte:3:1 Unexpected token'); process.exit(1);\n"
		);
		const failed = await run(process.execPath, [START], { cwd: dir }).catch(
			(err: { code: number; stdout: string; stderr: string }) => err
		);
		expect('code' in failed && failed.code).toBe(1);
		expect(failed.stderr).toContain('Unexpected token');
		expect(failed.stderr).toContain('build failed');
		expect(failed.stdout).not.toContain('phones open');
	});
});

describe('buildDecision', () => {
	it('asks for a build when there is none, or no stamp, and not once the stamp matches', () => {
		const dir = fakeProject();
		expect(buildDecision(dir)).toMatchObject({ rebuild: true, reason: 'missing' });
		fs.mkdirSync(path.join(dir, 'build'));
		fs.writeFileSync(path.join(dir, 'build/handler.js'), '');
		expect(buildDecision(dir)).toMatchObject({ rebuild: true, reason: 'stale' });
		writeStamp(path.join(dir, 'build'), sourceStamp(dir));
		expect(buildDecision(dir)).toMatchObject({ rebuild: false });
	});

	it('ignores the compiled message catalogue, which the build itself rewrites', () => {
		const dir = fakeProject();
		const before = sourceStamp(dir);
		fs.mkdirSync(path.join(dir, 'src/lib/paraglide'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'src/lib/paraglide/messages.js'), 'export {}');
		expect(sourceStamp(dir)).toBe(before);
		fs.writeFileSync(path.join(dir, 'src/new.ts'), '');
		expect(sourceStamp(dir)).not.toBe(before);
	});
});
