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

// The outer bound, for the upload pages only (imports up to 5 MB, images 2 MB, multipart overhead);
// hooks.server.ts (body-limit.ts) gives every other route a small limit before its body is read.
process.env.BODY_SIZE_LIMIT ??= '12M';
/** BODY_SIZE_LIMIT in bytes, read as adapter-node reads it ("12M", "512K", "Infinity"). */
function parseBytes(text) {
	const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(String(text).trim());
	if (!match) return Infinity;
	const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase()];
	return Number(match[1]) * unit;
}
const bodyLimit = parseBytes(process.env.BODY_SIZE_LIMIT);

/**
 * A body over the limit gets a page in the user's words instead of adapter-node's bare 413 (the
 * question editor shrinks photos and stops oversized files before they are sent; this is the
 * fallback, e.g. without JavaScript). The browser's Back button returns to the filled-in form.
 */
function refuseTooLarge(res) {
	const mb = Math.round(bodyLimit / 1024 / 1024);
	res.writeHead(413, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
	res.end(`<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Tệp quá lớn · Chuông Vàng</title>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<h1>Tệp gửi lên quá lớn</h1>
<p>Tối đa ${mb} MB cho mỗi lần gửi. Chưa có gì được lưu. Bấm nút <b>Quay lại</b> của trình duyệt: nội dung bạn đã nhập vẫn còn trong biểu mẫu; hãy chọn ảnh nhỏ hơn rồi lưu lại.</p>
<p lang="en">The upload is too large (at most ${mb} MB). Nothing was saved. Use the browser's Back button: your form is still filled in; pick a smaller image and save again.</p>
</body></html>`);
}

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
	if (Number(req.headers['content-length']) > bodyLimit) {
		// Read and drop the body first: a browser still sending it would show a connection reset
		// instead of the page. Past 64 MB it is not worth reading: drop the connection.
		let dropped = 0;
		req.on('data', (chunk) => {
			dropped += chunk.length;
			if (dropped > 64 * 1024 * 1024) req.destroy();
		});
		req.on('end', () => refuseTooLarge(res));
		return;
	}
	handle(req, res);
});
server.keepAliveTimeout = 65_000;
// bootstrap (inside the SvelteKit build) attaches socket.io to this server during init.
globalThis[Symbol.for('chuongvang.httpServer')] = server;
// …and hands back its start banner (addresses, QR hint, set-up link), printed once we listen.
const BANNER_KEY = Symbol.for('chuongvang.banner');
globalThis[BANNER_KEY] = 'defer';

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
