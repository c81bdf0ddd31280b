/**
 * A real game played beside the fuzzer: a host and a few phones with known answers play every
 * question to the end; the results must be exactly what those answers earn.
 */
import { io, type Socket } from 'socket.io-client';
import { BenchHost } from '../live/host';

export interface RealGame {
	gameId: number;
	pin: string;
	cookie: string;
	questions: number;
	/** The correct option of every (single-choice) question. */
	correct: number;
}

export interface RealGameVerdict {
	games: number;
	finished: number;
	problems: string[];
}

type Ack = { ok: boolean; error?: string; data?: unknown };
interface ResultFrame {
	questionIndex: number;
	answered: boolean;
	correct: boolean;
	points: number;
	me: { score: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function call(socket: Socket, event: string, payload: unknown): Promise<Ack> {
	return new Promise((resolve) =>
		socket
			.timeout(15_000)
			.emit(event, payload, (err: Error | null, ack: Ack) =>
				resolve(err ? { ok: false, error: 'ACK_TIMEOUT' } : ack)
			)
	);
}

/** Resolves when `predicate` holds, checked every 20 ms; false after `ms`. */
async function until(predicate: () => boolean, ms: number): Promise<boolean> {
	const end = Date.now() + ms;
	while (!predicate()) {
		if (Date.now() > end) return false;
		await sleep(20);
	}
	return true;
}

/** Plays one game with `phones` players; phone k answers right when k is even. */
export async function playRealGame(
	url: string,
	game: RealGame,
	phones = 4,
	paceMs = 200
): Promise<string[]> {
	const problems: string[] = [];
	const host = await BenchHost.connect(url, game.cookie, game.gameId, 'websocket');
	const players = await Promise.all(
		Array.from({ length: phones }, async (_, k) => {
			const socket = io(url, { path: '/socket.io', transports: ['websocket'], forceNew: true });
			await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
			const state = {
				k,
				socket,
				opened: new Set<number>(),
				results: new Map<number, ResultFrame>(),
				ended: false,
				score: 0
			};
			socket.on('question:opened', (f: { questionIndex: number }) =>
				state.opened.add(f.questionIndex)
			);
			socket.on('player:result', (f: ResultFrame) => state.results.set(f.questionIndex, f));
			socket.on('game:ended', () => (state.ended = true));
			const joined = await call(socket, 'player:join', {
				pin: game.pin,
				nickname: `Thật ${k + 1}`
			});
			if (!joined.ok) problems.push(`phone ${k} could not join: ${joined.error}`);
			return state;
		})
	);
	try {
		for (let qi = 0; qi < game.questions; qi++) {
			const opened = await host.command({ type: qi === 0 ? 'start' : 'next' });
			if (!opened.ok) {
				problems.push(`question ${qi} did not open: ${opened.error}`);
				return problems;
			}
			if (!(await until(() => players.every((p) => p.opened.has(qi)), 10_000)))
				problems.push(`question ${qi}: not every phone got question:opened`);
			await sleep(paceMs);
			const acks = await Promise.all(
				players.map((p) =>
					call(p.socket, 'answer:submit', {
						questionIndex: qi,
						answer: {
							type: 'single',
							choice: p.k % 2 === 0 ? game.correct : (game.correct + 1) % 4
						}
					})
				)
			);
			acks.forEach(
				(a, k) => a.ok || problems.push(`question ${qi}: phone ${k} answer refused: ${a.error}`)
			);
			await sleep(paceMs);
			const closed = await host.command({ type: 'close' });
			if (!closed.ok) problems.push(`question ${qi}: close refused: ${closed.error}`);
			if (!(await until(() => players.every((p) => p.results.has(qi)), 10_000)))
				problems.push(`question ${qi}: not every phone got player:result`);
			for (const p of players) {
				const r = p.results.get(qi);
				if (!r) continue;
				const right = p.k % 2 === 0;
				if (!r.answered || r.correct !== right || r.points > 0 !== right)
					problems.push(`question ${qi}: phone ${p.k} result ${JSON.stringify(r)}`);
				if (r.me.score !== p.score + r.points)
					problems.push(
						`question ${qi}: phone ${p.k} score ${r.me.score} ≠ ${p.score} + ${r.points}`
					);
				p.score = r.me.score;
			}
			await host.command({ type: 'showLeaderboard' });
			await sleep(paceMs);
		}
		const podium = await host.command({ type: 'next' });
		const end = await host.command({ type: 'next' });
		if (!podium.ok || !end.ok)
			problems.push(`podium/end refused: ${JSON.stringify(podium)} ${JSON.stringify(end)}`);
		if (!(await until(() => players.every((p) => p.ended), 10_000)))
			problems.push('not every phone got game:ended');
	} finally {
		host.close();
		for (const p of players) p.socket.close();
	}
	return problems;
}

/** Plays fresh games one after another until `done()` holds (at least one). */
export async function playRealGamesUntil(
	url: string,
	makeGame: () => Promise<RealGame>,
	done: () => boolean
): Promise<RealGameVerdict> {
	const verdict: RealGameVerdict = { games: 0, finished: 0, problems: [] };
	do {
		const game = await makeGame();
		verdict.games++;
		const problems = await playRealGame(url, game);
		if (problems.length === 0) verdict.finished++;
		verdict.problems.push(...problems.map((p) => `game ${verdict.games}: ${p}`));
	} while (!done());
	return verdict;
}
