/**
 * npx tsx bench/live/table.ts <result.json>… — a Markdown table of bench:live results (the JSON
 * written with --out), one row per run, for docs/performance.md.
 */
import fs from 'node:fs';

interface P {
	p50: number | null;
	p95: number | null;
	p99: number | null;
	max: number | null;
}
interface Result {
	players: number;
	transport: string;
	client?: string;
	joined: number;
	joinRatePerSec: number;
	fanoutMs: P;
	answerAckMs: P;
	resultMs: P;
	server: {
		rssMb: { idle: number; afterJoin: number; question: number; peak: number };
		cpuPct: { idle: number | null; join: number | null; question: number | null };
	};
	otherProcessesCpuPct?: { wholeRun: number | null };
	disconnects: Record<string, number>;
	answerErrors: Record<string, number>;
	storm: { expected: number; resumed: number; scoreIntact: number } | null;
	crash: { acked: number; ackedLost: number; resumed: number; expected: number } | null;
	gameFinished: boolean;
	/** --nodes 2 (bench/live/main.ts ClusterReport). */
	cluster?: {
		viaProxy: boolean;
		cpuPct: Record<'b' | 'redis', { join: number | null; question: number | null }>;
		perQuestion: {
			bus: { publishes: number | null; netOutBytes: number | null };
			busOutBytesPerRemotePhone: number | null;
		};
	} | null;
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const rows = process.argv.slice(2).map((file) => {
	const r = JSON.parse(fs.readFileSync(file, 'utf8')) as Result;
	const extra = r.storm
		? `storm: ${r.storm.resumed}/${r.storm.expected} resumed, ${r.storm.scoreIntact} score intact`
		: r.crash
			? `crash: ${r.crash.acked} acked, ${r.crash.ackedLost} lost, ${r.crash.resumed}/${r.crash.expected} resumed`
			: '';
	const c = r.cluster;
	const nodes = c
		? `2 nodes${c.viaProxy ? ' via HAProxy' : ''}: node B CPU % join/question ${c.cpuPct.b.join} / ${c.cpuPct.b.question}, ` +
			`redis ${c.cpuPct.redis.question}; bus per question ${c.perQuestion.bus.publishes} publishes, ` +
			`${Math.round((c.perQuestion.bus.netOutBytes ?? 0) / 1024)} KB out` +
			(c.perQuestion.busOutBytesPerRemotePhone !== null
				? ` (${c.perQuestion.busOutBytesPerRemotePhone} B per phone on B)`
				: '')
		: '';
	return [
		r.players,
		`${r.transport}${r.client ? ` (${r.client})` : ''}`,
		`${r.joined}`,
		r.joinRatePerSec,
		`${r.fanoutMs.p50} / ${r.fanoutMs.p95} / ${r.fanoutMs.p99} / ${r.fanoutMs.max}`,
		`${r.answerAckMs.p50} / ${r.answerAckMs.p95} / ${r.answerAckMs.p99}`,
		`${r.resultMs.p50} / ${r.resultMs.p99}`,
		`${r.server.rssMb.idle} / ${r.server.rssMb.afterJoin} / ${r.server.rssMb.peak}`,
		`${r.server.cpuPct.idle} / ${r.server.cpuPct.join} / ${r.server.cpuPct.question}`,
		`${sum(r.answerErrors)} / ${sum(r.disconnects)}`,
		r.otherProcessesCpuPct?.wholeRun ?? '',
		[r.gameFinished ? '' : 'game NOT finished', extra, nodes].filter(Boolean).join('; ')
	];
});
const head = [
	'players',
	'transport',
	'joined',
	'join/s',
	'fan-out p50/p95/p99/max ms',
	'ack p50/p95/p99 ms',
	'close→result p50/p99 ms',
	'RSS idle/joined/peak MB',
	'CPU % idle/join/question',
	'errors / disconnects',
	'other procs CPU %',
	'notes'
];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => ' --- ').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
