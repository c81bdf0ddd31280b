/**
 * npx tsx bench/live/profile.ts <file.cpuprofile> [--top 30] [--filter text]
 *
 * Summarises a V8 CPU profile written by `node --cpu-prof` (bench:live --cpu-prof): self time
 * and total (inclusive) time per function, and self time per package/module, so a bench's
 * bottleneck can be named with its cost.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
	children?: number[];
}
interface Profile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	timeDeltas: number[];
}

const { values: args, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		top: { type: 'string', default: '30' },
		filter: { type: 'string' },
		/** Print busy time per bucket of this many ms (where the bursts are, how long they last). */
		timeline: { type: 'string' },
		/** With --timeline: only buckets at least this busy (%). */
		'min-busy': { type: 'string', default: '50' },
		/** With --timeline: a bench:live --out JSON whose markers are shown in the timeline. */
		markers: { type: 'string' },
		/**
		 * With --markers: for each marker, how long the event loop stayed busy after it (until the
		 * first idle stretch of 5 ms), i.e. how long a fan-out kept answers waiting.
		 */
		bursts: { type: 'boolean', default: false },
		/** Only count samples from/to these seconds after the profile's start. */
		from: { type: 'string', default: '0' },
		to: { type: 'string', default: 'Infinity' }
	}
});
const file = positionals[0];
if (!file) {
	console.error('usage: tsx bench/live/profile.ts <file.cpuprofile> [--top N] [--filter text]');
	process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const top = Number(args.top);

// Time per sample: the delta that follows it (V8's convention).
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<number, number>();
const fromMs = Number(args.from) * 1000;
const toMs = Number(args.to) * 1000;
let clock = 0;
for (let i = 0; i < profile.samples.length; i++) {
	clock += (profile.timeDeltas[i] ?? 0) / 1000;
	if (clock < fromMs || clock > toMs) continue;
	const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
	selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + dt);
}
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);

const label = (n: ProfileNode) => {
	const url = n.callFrame.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '~/');
	const short = url.replace(/^\/tmp\/cv-bench-server-[^/]+\//, '').replace(/^\/work\/main\//, '');
	return `${n.callFrame.functionName || '(anonymous)'} ${short}:${n.callFrame.lineNumber + 1}`;
};
const moduleOf = (n: ProfileNode) => {
	const url = n.callFrame.url;
	if (!url) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (pkg) return pkg[1];
	if (url.startsWith('node:')) return url;
	return url.replace(/^file:\/\//, '').replace(/^\/tmp\/cv-bench-server-[^/]+\//, '');
};

const self = new Map<string, number>();
const total = new Map<string, number>();
const modules = new Map<string, number>();
let all = 0;
for (const [id, ms] of selfMs) {
	const node = byId.get(id)!;
	all += ms;
	self.set(label(node), (self.get(label(node)) ?? 0) + ms);
	modules.set(moduleOf(node), (modules.get(moduleOf(node)) ?? 0) + ms);
	// Inclusive: count once per distinct function on the stack.
	const seen = new Set<string>();
	for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
		const l = label(byId.get(cur)!);
		if (seen.has(l)) continue;
		seen.add(l);
		total.set(l, (total.get(l) ?? 0) + ms);
	}
}

const idle = self.get('(idle) :0') ?? 0;
const busy = all - idle;
const fmt = (ms: number) =>
	`${ms.toFixed(0).padStart(7)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)} %`;
const show = (title: string, map: Map<string, number>) => {
	console.log(`\n${title}`);
	[...map.entries()]
		.filter(([k]) => !args.filter || k.includes(args.filter))
		.filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(root)'))
		.sort((a, b) => b[1] - a[1])
		.slice(0, top)
		.forEach(([k, ms]) => console.log(`${fmt(ms)}  ${k}`));
};
console.log(
	`${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled, busy ${(busy / 1000).toFixed(1)} s, idle ${(idle / 1000).toFixed(1)} s (percentages are of busy time)`
);
if (args.timeline) {
	// Busy bursts: per bucket, the share of samples that were not idle, and the top function.
	const bucketMs = Number(args.timeline);
	const buckets = new Map<number, { busy: number; all: number; fns: Map<string, number> }>();
	let t = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		t += (profile.timeDeltas[i] ?? 0) / 1000;
		const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		const node = byId.get(profile.samples[i])!;
		const key = Math.floor(t / bucketMs);
		const b = buckets.get(key) ?? { busy: 0, all: 0, fns: new Map() };
		b.all += dt;
		if (node.callFrame.functionName !== '(idle)') {
			b.busy += dt;
			// Attribute to the nearest frame of the app's own code (the build), else the leaf.
			let name = label(node);
			for (let cur: number | undefined = node.id; cur !== undefined; cur = parent.get(cur)) {
				const n = byId.get(cur)!;
				if (n.callFrame.url.includes('/build/server/')) {
					name = label(n);
					break;
				}
			}
			b.fns.set(name, (b.fns.get(name) ?? 0) + dt);
		}
		buckets.set(key, b);
	}
	const markers: Array<{ name: string; atUs: number }> = args.markers
		? JSON.parse(fs.readFileSync(args.markers, 'utf8')).markers
		: [];
	// Both clocks are CLOCK_MONOTONIC in µs: the profile's startTime and process.hrtime.
	const markerAt = (m: { atUs: number }) => (m.atUs - profile.startTime) / 1000;
	console.log(`\ntimeline (${bucketMs} ms buckets, ≥ ${args['min-busy']} % busy)`);
	let nextMarker = 0;
	for (const [key, b] of [...buckets.entries()].sort((x, y) => x[0] - y[0])) {
		while (nextMarker < markers.length && markerAt(markers[nextMarker]) < (key + 1) * bucketMs) {
			const m = markers[nextMarker++];
			console.log(`${(markerAt(m) / 1000).toFixed(3).padStart(8)} s ---- ${m.name}`);
		}
		const pct = (b.busy / bucketMs) * 100;
		if (pct < Number(args['min-busy'])) continue;
		const topFn = [...b.fns.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '';
		console.log(
			`${((key * bucketMs) / 1000).toFixed(2).padStart(8)} s ${pct.toFixed(0).padStart(4)} %  ${topFn}`
		);
	}
}
if (args.bursts && args.markers) {
	const markers: Array<{ name: string; atUs: number }> = JSON.parse(
		fs.readFileSync(args.markers, 'utf8')
	).markers;
	// Sample start times (µs since the profile's start) and whether each was idle.
	const times: number[] = [];
	let at = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		at += profile.timeDeltas[i] ?? 0;
		times.push(at);
	}
	const idleAt = (i: number) => byId.get(profile.samples[i])!.callFrame.functionName === '(idle)';
	console.log('\nevent loop busy after each marker (until 5 ms idle)');
	for (const m of markers) {
		const start = m.atUs - profile.startTime;
		let i = times.findIndex((t) => t >= start);
		if (i < 0) continue;
		let busyUntil = times[i];
		let idleSince: number | null = null;
		for (; i < times.length; i++) {
			if (idleAt(i)) {
				idleSince ??= times[i];
				if (times[i] - idleSince >= 5000) break;
			} else {
				idleSince = null;
				busyUntil = times[i];
			}
		}
		console.log(`${m.name.padEnd(16)} ${((busyUntil - start) / 1000).toFixed(0).padStart(6)} ms`);
	}
}
show('self time by module', modules);
show('self time by function', self);
show('total time by function', total);
