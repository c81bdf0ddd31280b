/**
 * A bench worker: simulates many phones (one connection each, see phone-socket.ts) in one process,
 * driven by the orchestrator over IPC (see messages.ts). Each phone behaves like the real player
 * page: join once, rejoin with its token on every reconnect, answer each question once at a
 * random moment inside the time limit, resend after a dropped connection, never emit while
 * disconnected.
 */
import { createPhoneSocket, type Ack, type PhoneSocket } from './phone-socket';
import type {
	FromPhones,
	JoinSummary,
	PhonesConfig,
	PhonesStatus,
	QuestionReport,
	ResumeReport,
	ToPhones
} from './messages';

interface OpenedFrame {
	questionIndex: number;
	remainingMs: number;
	question: PublicQuestionLike;
}
type PublicQuestionLike =
	| { type: 'single' | 'multiple'; options: string[] }
	| { type: 'truefalse' | 'typeanswer' | 'numeric' }
	| { type: 'ordering'; items: { index: number }[] };

interface ViewLike {
	me: { playerId: string; score: number };
	question: OpenedFrame | null;
	answered: boolean;
	closed: { questionIndex: number } | null;
}

interface Phone {
	index: number;
	nickname: string;
	socket: PhoneSocket;
	token: string | null;
	playerId: string | null;
	/** Joined or rejoined on the current connection. */
	live: boolean;
	score: number;
	lastResultIndex: number;
	/** The open question as this phone knows it. */
	question: OpenedFrame | null;
	questionArrivedAt: number;
	answerTimer: ReturnType<typeof setTimeout> | null;
	/** A question whose answer must be (re)sent once the phone is back in the game. */
	pendingAnswer: number | null;
	/** Question indices whose answer the server acknowledged as accepted. */
	acked: Set<number>;
	/** Question indices this phone has finished with (acked, refused or skipped). */
	settled: Set<number>;
	droppedAt: number | null;
}

const now = () => performance.timeOrigin + performance.now();
const ACK_TIMEOUT_MS = 30_000;
const JOIN_TIMEOUT_MS = 90_000;

let config: PhonesConfig;
let random: () => number = Math.random;
const phones: Phone[] = [];
const questionStats = new Map<number, QuestionReport>();
/** Phones done with each question (answer acknowledged, refused or skipped). */
const settledCount = new Map<number, number>();
/** Phones that have a player id (joined at least once). */
let joinedPhones = 0;
const disconnects: Record<string, number> = {};
let connectErrors = 0;
let resume: ResumeReport = emptyResume();

function send(message: FromPhones): void {
	process.send?.(message);
}

/** mulberry32: a small seeded generator so runs are repeatable. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function emptyResume(): ResumeReport {
	return {
		expected: 0,
		resumed: 0,
		scoreIntact: 0,
		answerLost: 0,
		errors: {},
		resumeMs: [],
		rejoinAckMs: []
	};
}

function stats(questionIndex: number): QuestionReport {
	let s = questionStats.get(questionIndex);
	if (!s) {
		s = {
			questionIndex,
			opened: [],
			closed: [],
			results: [],
			ackMs: [],
			sent: 0,
			accepted: 0,
			duplicates: 0,
			errors: {},
			lostInResults: 0
		};
		questionStats.set(questionIndex, s);
	}
	return s;
}

function count(record: Record<string, number>, key: string): void {
	record[key] = (record[key] ?? 0) + 1;
}

/** Emit with an acknowledgement; a timeout or a dropped connection resolves as an error code. */
function call(socket: PhoneSocket, event: string, payload: unknown): Promise<Ack> {
	return socket.call(event, payload, ACK_TIMEOUT_MS);
}

function answerFor(question: PublicQuestionLike): unknown {
	const pick = (n: number) => Math.floor(random() * n);
	switch (question.type) {
		case 'single':
			return { type: 'single', choice: pick(question.options.length) };
		case 'multiple':
			return {
				type: 'multiple',
				choices: question.options.map((_, i) => i).filter(() => random() < 0.5)
			};
		case 'truefalse':
			return { type: 'truefalse', value: random() < 0.5 };
		case 'typeanswer':
			return { type: 'typeanswer', text: random() < 0.5 ? 'đúng' : 'sai' };
		case 'numeric':
			return { type: 'numeric', value: pick(100) };
		case 'ordering': {
			const order = question.items.map((item) => item.index);
			for (let i = order.length - 1; i > 0; i--) {
				const j = pick(i + 1);
				[order[i], order[j]] = [order[j], order[i]];
			}
			return { type: 'ordering', order };
		}
	}
}

function settle(phone: Phone, questionIndex: number): void {
	if (phone.settled.has(questionIndex)) return;
	phone.settled.add(questionIndex);
	const settled = (settledCount.get(questionIndex) ?? 0) + 1;
	settledCount.set(questionIndex, settled);
	if (settled === joinedPhones) send({ type: 'answersSettled', questionIndex });
}

function scheduleAnswer(phone: Phone, frame: OpenedFrame): void {
	if (phone.answerTimer) clearTimeout(phone.answerTimer);
	if (random() >= config.answerRate) {
		settle(phone, frame.questionIndex);
		return;
	}
	const span = Math.max(0, config.answerWindowMs - config.answerMinMs);
	const delay = Math.min(
		config.answerMinMs + random() * span,
		Math.max(0, frame.remainingMs - 500)
	);
	phone.answerTimer = setTimeout(() => {
		phone.answerTimer = null;
		void submitAnswer(phone, frame);
	}, delay);
}

async function submitAnswer(phone: Phone, frame: OpenedFrame): Promise<void> {
	const qi = frame.questionIndex;
	if (!phone.socket.connected || !phone.live) {
		phone.pendingAnswer = qi; // sent after the rejoin
		return;
	}
	const s = stats(qi);
	s.sent++;
	const sentAt = now();
	const ack = await call(phone.socket, 'answer:submit', {
		questionIndex: qi,
		answer: answerFor(frame.question)
	});
	if (ack.ok) {
		const data = ack.data as { duplicate?: boolean };
		s.ackMs.push(now() - sentAt);
		s.accepted++;
		if (data?.duplicate) s.duplicates++;
		phone.acked.add(qi);
		phone.pendingAnswer = null;
		settle(phone, qi);
	} else if (ack.error === 'DISCONNECTED') {
		phone.pendingAnswer = qi; // resend after the rejoin: the server deduplicates
	} else {
		count(s.errors, ack.error);
		settle(phone, qi);
	}
}

function onQuestionOpened(phone: Phone, frame: OpenedFrame, arrivedAt: number): void {
	phone.question = frame;
	phone.questionArrivedAt = arrivedAt;
	phone.pendingAnswer = null;
	if (phone.playerId) scheduleAnswer(phone, frame);
}

/** Applies the view of a (re)join ack: the phone's screen after it comes back. */
function applyView(phone: Phone, view: ViewLike): void {
	const q = view.question;
	if (!q) {
		phone.question = null;
		return;
	}
	const known = phone.question?.questionIndex === q.questionIndex;
	if (view.answered) {
		if (phone.answerTimer) clearTimeout(phone.answerTimer);
		phone.answerTimer = null;
		phone.pendingAnswer = null;
		// Accepted before the drop without us seeing the ack: the phone shows "answered".
		settle(phone, q.questionIndex);
		return;
	}
	if (!known) {
		// The question opened while this phone was away.
		stats(q.questionIndex).opened.push(now());
		onQuestionOpened(phone, q, now());
	} else if (phone.pendingAnswer === q.questionIndex) {
		phone.pendingAnswer = null;
		void submitAnswer(phone, q);
	}
}

async function join(phone: Phone, summary: JoinSummary): Promise<void> {
	for (let attempt = 0; attempt < 6; attempt++) {
		const sentAt = now();
		if (summary.firstEmitAt === 0) summary.firstEmitAt = sentAt;
		const ack = await call(phone.socket, 'player:join', {
			pin: config.pin,
			nickname: phone.nickname
		});
		if (ack.ok) {
			const data = ack.data as { playerToken: string; view: ViewLike };
			phone.token = data.playerToken;
			phone.playerId = data.view.me.playerId;
			joinedPhones++;
			phone.score = data.view.me.score;
			phone.live = true;
			summary.joined++;
			summary.joinAckMs.push(now() - sentAt);
			summary.lastAckAt = now();
			if (data.view.question && !data.view.answered) {
				stats(data.view.question.questionIndex).opened.push(now());
				onQuestionOpened(phone, data.view.question, now());
			}
			return;
		}
		if (ack.error === 'RATE_LIMITED') {
			summary.rateLimitedRetries++;
			await new Promise((r) => setTimeout(r, (ack.retryAfterSec ?? 1) * 1000));
			continue;
		}
		if (ack.error === 'DISCONNECTED') {
			await new Promise<void>((r) => phone.socket.once('connect', () => r()));
			continue;
		}
		count(summary.errors, ack.error);
		break;
	}
	summary.failed++;
}

async function rejoin(phone: Phone): Promise<void> {
	const sentAt = now();
	const ack = await call(phone.socket, 'player:rejoin', {
		pin: config.pin,
		playerToken: phone.token
	});
	resume.rejoinAckMs.push(now() - sentAt);
	if (!ack.ok) {
		count(resume.errors, ack.error);
		return;
	}
	const view = (ack.data as { view: ViewLike }).view;
	phone.live = true;
	resume.resumed++;
	if (phone.droppedAt !== null) resume.resumeMs.push(now() - phone.droppedAt);
	phone.droppedAt = null;
	const advanced = (view.closed?.questionIndex ?? -1) > phone.lastResultIndex;
	if (view.me.score === phone.score || advanced) resume.scoreIntact++;
	phone.score = view.me.score;
	if (view.question && phone.acked.has(view.question.questionIndex) && !view.answered) {
		resume.answerLost++;
	}
	applyView(phone, view);
}

function createPhone(index: number): Phone {
	const socket = createPhoneSocket({
		url: config.url,
		transport: config.transport,
		client: config.client
	});
	const phone: Phone = {
		index,
		nickname: `Máy ${index + 1}`,
		socket,
		token: null,
		playerId: null,
		live: false,
		score: 0,
		lastResultIndex: -1,
		question: null,
		questionArrivedAt: 0,
		answerTimer: null,
		pendingAnswer: null,
		acked: new Set(),
		settled: new Set(),
		droppedAt: null
	};
	socket.on('connect', () => {
		if (phone.token) void rejoin(phone);
	});
	socket.on('connect_error', () => {
		connectErrors++;
	});
	socket.on('disconnect', (reason: string) => {
		phone.live = false;
		phone.droppedAt ??= now();
		if (reason !== 'io client disconnect') count(disconnects, reason);
	});
	socket.on('question:opened', (frame: OpenedFrame) => {
		const t = now();
		stats(frame.questionIndex).opened.push(t);
		onQuestionOpened(phone, frame, t);
	});
	socket.on('question:closed', (frame: { questionIndex: number }) => {
		stats(frame.questionIndex).closed.push(now());
		if (phone.answerTimer) clearTimeout(phone.answerTimer);
		phone.answerTimer = null;
		phone.pendingAnswer = null;
		phone.question = null;
	});
	socket.on(
		'player:result',
		(frame: { questionIndex: number; answered: boolean; me: { score: number } }) => {
			const s = stats(frame.questionIndex);
			s.results.push(now());
			if (phone.acked.has(frame.questionIndex) && !frame.answered) s.lostInResults++;
			phone.score = frame.me.score;
			phone.lastResultIndex = frame.questionIndex;
		}
	);
	socket.on('player:me', (me: { score: number }) => {
		phone.score = me.score;
	});
	return phone;
}

function connectAndJoin(phone: Phone, summary: JoinSummary): Promise<void> {
	return new Promise((resolve) => {
		const startedAt = now();
		const timer = setTimeout(() => {
			summary.failed++;
			count(summary.errors, 'JOIN_TIMEOUT');
			resolve();
		}, JOIN_TIMEOUT_MS);
		phone.socket.once('connect', () => {
			summary.connectMs.push(now() - startedAt);
			void join(phone, summary).then(() => {
				clearTimeout(timer);
				resolve();
			});
		});
		phone.socket.connect();
	});
}

async function joinAll(): Promise<void> {
	const summary: JoinSummary = {
		joined: 0,
		failed: 0,
		errors: {},
		joinAckMs: [],
		connectMs: [],
		firstEmitAt: 0,
		lastAckAt: 0,
		rateLimitedRetries: 0
	};
	const progress = setInterval(() => {
		send({
			type: 'progress',
			connected: phones.filter((p) => p.socket.connected).length,
			joined: summary.joined,
			failed: summary.failed
		});
	}, 1000);
	let next = 0;
	const lane = async () => {
		while (next < phones.length) await connectAndJoin(phones[next++], summary);
	};
	await Promise.all(Array.from({ length: config.concurrency }, lane));
	clearInterval(progress);
	send({ type: 'joined', summary });
}

function storm(windowMs: number): void {
	resume = emptyResume();
	for (const phone of phones) {
		if (!phone.playerId) continue;
		resume.expected++;
		phone.droppedAt = now();
		phone.socket.disconnect();
		setTimeout(() => phone.socket.connect(), random() * windowMs);
	}
	send({ type: 'stormDone' });
}

function status(): PhonesStatus {
	return {
		connected: phones.filter((p) => p.socket.connected).length,
		joined: phones.filter((p) => p.live).length,
		disconnects,
		connectErrors
	};
}

process.on('message', (message: ToPhones) => {
	switch (message.type) {
		case 'init':
			config = message.config;
			random = seeded(config.seed + config.first);
			for (let i = 0; i < config.count; i++) phones.push(createPhone(config.first + i));
			send({ type: 'ready' });
			break;
		case 'join':
			void joinAll();
			break;
		case 'report':
			send({ type: 'report', report: { ...stats(message.questionIndex), url: config.url } });
			break;
		case 'storm':
			storm(message.windowMs);
			break;
		case 'resetResume':
			resume = emptyResume();
			resume.expected = phones.filter((p) => p.playerId).length;
			break;
		case 'resumeReport':
			send({ type: 'resumeReport', report: resume });
			break;
		case 'acked':
			send({
				type: 'acked',
				questionIndex: message.questionIndex,
				playerIds: phones
					.filter((p) => p.playerId && p.acked.has(message.questionIndex))
					.map((p) => p.playerId as string)
			});
			break;
		case 'status':
			send({ type: 'status', status: status() });
			break;
		case 'close':
			for (const phone of phones) {
				if (phone.answerTimer) clearTimeout(phone.answerTimer);
				phone.socket.close();
			}
			// process.exit() still writes a --cpu-prof profile.
			setTimeout(() => process.exit(0), 200);
			break;
	}
});

process.on('disconnect', () => process.exit(0));
