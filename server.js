// Production entry: one HTTP server for SvelteKit (adapter-node) and socket.io.
// Usage: npm run build && node server.js   (PORT, HOST, DATABASE_PATH, PUBLIC_URL, UPLOAD_DIR)
import http from 'node:http';

const PROTO_HEADER = 'x-chuongvang-proto';

function fail(message) {
	console.error(`Cấu hình sai / bad configuration: ${message}`);
	process.exit(1);
}

const portText = process.env.PORT?.trim() || '3000';
if (!/^\d+$/.test(portText) || Number(portText) > 65535)
	fail(`PORT must be a number from 0 to 65535, got "${process.env.PORT}"`);
const host = process.env.HOST?.trim() || '0.0.0.0';

// Form actions check the Origin header against the app's origin. Phones reach the laptop through
// whatever LAN address it has, so unless ORIGIN is pinned, derive the origin from each request:
// plain http from our own socket (we set the header ourselves, so clients cannot spoof it).
if (!process.env.ORIGIN) process.env.PROTOCOL_HEADER = PROTO_HEADER;
const trustProxy = process.env.TRUST_PROXY === '1';

/** @type {(req: http.IncomingMessage, res: http.ServerResponse) => void} */
let handle = (_req, res) => {
	res.statusCode = 503;
	res.end('Starting…');
};

const server = http.createServer((req, res) => {
	if (!process.env.ORIGIN) {
		const forwarded = trustProxy ? req.headers['x-forwarded-proto'] : undefined;
		req.headers[PROTO_HEADER] = forwarded === 'https' ? 'https' : 'http';
	}
	handle(req, res);
});
server.keepAliveTimeout = 65_000;
// bootstrap (inside the SvelteKit build) attaches socket.io to this server during init.
globalThis[Symbol.for('chuongvang.httpServer')] = server;
// …and hands back its start banner (addresses, QR hint, set-up link), printed once we listen.
const BANNER_KEY = Symbol.for('chuongvang.banner');
globalThis[BANNER_KEY] = 'defer';

// Question imports are up to 5 MB (the import page explains bigger files); adapter-node's default is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '12M';
try {
	const { handler } = await import('./build/handler.js');
	handle = handler;
} catch (err) {
	if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('build/handler.js')) {
		fail('the app is not built yet: run `npm run build` first (or `npm start`, which builds)');
	}
	throw err;
}

server.on('error', (err) => fail(`cannot listen on ${host}:${portText}: ${err.message}`));
server.listen(Number(portText), host, () => {
	const addr = server.address();
	const port = typeof addr === 'object' && addr ? addr.port : portText;
	const banner = globalThis[BANNER_KEY];
	if (typeof banner === 'function') console.log(banner(Number(port)).join('\n'));
	else console.log(`Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		server.close();
		process.exit(0);
	});
}
