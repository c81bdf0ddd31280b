/**
 * Messages between the bench orchestrator (bench/live/main.ts) and its phone workers
 * (bench/live/phones.ts) over the child_process IPC channel. Times are wall-clock epoch ms with
 * sub-millisecond precision (`performance.timeOrigin + performance.now()`), comparable across
 * processes on the same machine.
 */

export type Transport = 'websocket' | 'polling';

/** Settings of one worker: it owns phones [first, first + count). */
export interface PhonesConfig {
	url: string;
	pin: string;
	transport: Transport;
	/** `lite`: the load generator's lean websocket client; `socket.io`: socket.io-client. */
	client: 'lite' | 'socket.io';
	first: number;
	count: number;
	/** Phones connecting+joining at the same time in this worker. */
	concurrency: number;
	/** Answers are sent at a uniformly random delay in [answerMinMs, answerWindowMs] after the question arrives (clamped inside the time limit). */
	answerMinMs: number;
	answerWindowMs: number;
	/** Probability that a phone answers a question at all. */
	answerRate: number;
	seed: number;
}

export type ToPhones =
	| { type: 'init'; config: PhonesConfig }
	/** Connect and join every phone, at most `concurrency` in flight. */
	| { type: 'join' }
	/** Send the statistics of one question. */
	| { type: 'report'; questionIndex: number }
	/** Every phone drops its connection, then reconnects at a random moment within `windowMs`. */
	| { type: 'storm'; windowMs: number }
	/** Send the resume statistics since the last `resetResume` (storm or crash). */
	| { type: 'resumeReport' }
	| { type: 'resetResume' }
	/** The acknowledged answers of one question (player ids). */
	| { type: 'acked'; questionIndex: number }
	/** Phones whose socket is connected and joined (or rejoined) right now. */
	| { type: 'status' }
	| { type: 'close' };

export interface JoinSummary {
	joined: number;
	failed: number;
	errors: Record<string, number>;
	/** Join acknowledgement latencies, ms. */
	joinAckMs: number[];
	/** Socket connect latencies (handshake), ms. */
	connectMs: number[];
	firstEmitAt: number;
	lastAckAt: number;
	rateLimitedRetries: number;
}

export interface QuestionReport {
	questionIndex: number;
	/** Arrival times of `question:opened`, one per phone that got it. */
	opened: number[];
	closed: number[];
	results: number[];
	/** Answer acknowledgement latencies of accepted answers, ms. */
	ackMs: number[];
	sent: number;
	accepted: number;
	duplicates: number;
	/** Refusals and timeouts by code. */
	errors: Record<string, number>;
	/** Phones whose `player:result` said `answered: false` although their answer was acknowledged. */
	lostInResults: number;
	/** The address this worker's phones connect to (which node, with --nodes 2). */
	url?: string;
}

export interface ResumeReport {
	/** Phones that were joined before the drop. */
	expected: number;
	/** Rejoin acknowledged ok. */
	resumed: number;
	/** ... and the score in the view equals the score the phone knew. */
	scoreIntact: number;
	/** An acknowledged answer to the open question that the rejoin view does not show. */
	answerLost: number;
	errors: Record<string, number>;
	/** Disconnect → rejoin ack, ms (includes the time away). */
	resumeMs: number[];
	/** player:rejoin sent → acknowledged, ms. */
	rejoinAckMs: number[];
}

export interface PhonesStatus {
	connected: number;
	joined: number;
	disconnects: Record<string, number>;
	connectErrors: number;
}

export type FromPhones =
	| { type: 'ready' }
	| { type: 'progress'; connected: number; joined: number; failed: number }
	| { type: 'joined'; summary: JoinSummary }
	| { type: 'report'; report: QuestionReport }
	/** Every phone of the worker has settled its answer to `questionIndex` (acked, refused, or skipped). */
	| { type: 'answersSettled'; questionIndex: number }
	| { type: 'stormDone' }
	| { type: 'resumeReport'; report: ResumeReport }
	| { type: 'acked'; questionIndex: number; playerIds: string[] }
	| { type: 'status'; status: PhonesStatus };
