// `npm start`: build only when the sources changed since the last build, then serve.
// The bundler's file list goes to .svelte-kit/build.log; the console gets one line per build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDecision, writeStamp } from './build-stamp.js';

const root = process.cwd();
const buildDir = path.join(root, 'build');
const logFile = path.join(root, '.svelte-kit', 'build.log');

function build() {
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const log = fs.openSync(logFile, 'w');
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], {
			cwd: root,
			stdio: ['ignore', log, log],
			env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }
		});
		child.on('error', (err) => resolve({ ok: false, seconds: 0, message: err.message }));
		child.on('exit', (code) => {
			fs.closeSync(log);
			resolve({ ok: code === 0, seconds: Math.round((Date.now() - started) / 100) / 10 });
		});
	});
}

const decision = buildDecision(root, buildDir);
if (decision.rebuild) {
	const why =
		decision.reason === 'missing' ? 'lần đầu / first start' : 'mã nguồn đã đổi / sources changed';
	process.stdout.write(`Đang build ứng dụng (${why})… / Building the app… `);
	const result = await build();
	if (!result.ok) {
		process.stdout.write('\n');
		const tail = fs.existsSync(logFile)
			? fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n')
			: (result.message ?? '');
		console.error(tail);
		console.error(`Build thất bại / build failed: xem / see ${path.relative(root, logFile)}`);
		process.exit(1);
	}
	writeStamp(buildDir, decision.stamp);
	process.stdout.write(`xong / done (${result.seconds} s)\n`);
} else {
	console.log('Bản build đã mới nhất, không build lại / build is current, not rebuilding');
}

await import(pathToFileURL(path.join(root, 'server.js')).href);
