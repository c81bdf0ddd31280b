/**
 * The answer endpoints (practice answer, contest answer save, contest hand-in) as plain functions
 * of the caller, the id in the path and the parsed body, called by the SvelteKit `+server.ts`
 * files. A practice answer has one implementation, `answerPracticeRequest`, which the session
 * page's form action and the JSON endpoint both adapt to: same checks, statuses and messages.
 */
import * as v from 'valibot';
import { m } from '../../paraglide/messages.js';
import { findParticipantBySession, type ParticipantsApp } from '../db/queries/participants';
import { hashToken } from '../auth/session';
import type { AppContext } from '../app';
import { queuePracticeAnswer, type PracticeAnswerResult } from './answer';
import type { PracticeLimitsApp } from './limits';
import {
	contestErrorMessage,
	contestErrorStatus,
	practiceErrorMessage,
	practiceErrorStatus,
	type Locale
} from './messages';
import {
	findOwnAttemptId,
	parsePrediction,
	queueAttemptAnswer,
	queueSubmitAttempt,
	type QueuesApp
} from '../contest/attempts';
import { AnswerBody, SubmitBody } from './api';

export interface EndpointReply {
	status: number;
	payload: { ok: true; data: unknown } | { ok: false; error: string; message: string };
	retryAfterSec?: number;
}

interface Input {
	/** The `cv_player` cookie value, if any. */
	token: string | undefined;
	/** The id from the path (undefined when malformed). */
	id: number | undefined;
	/** The client address (rate limits). */
	address: string;
	/** The parsed JSON body (undefined when it was not JSON). */
	body: unknown;
	now: number;
	locale?: Locale;
}

function refused(
	status: number,
	error: string,
	message: string,
	retryAfterSec?: number
): EndpointReply & { payload: { ok: false } } {
	return { status, payload: { ok: false, error, message }, retryAfterSec };
}

async function participantId(
	app: ParticipantsApp,
	token: string | undefined,
	now: number
): Promise<number | null> {
	if (!token) return null;
	return (await findParticipantBySession(app, hashToken(token), now))?.participant.id ?? null;
}

interface PracticeAnswerInput {
	/** The answering participant (from the device cookie), or null. */
	participantId: number | null;
	/** The session id from the path (undefined when malformed). */
	sessionId: number | undefined;
	/** `{ questionId, answer }`: parsed JSON, or a form's fields with a reader for the answer. */
	body: unknown;
	now: number;
	locale?: Locale;
}

export type PracticeAnswerReply =
	| { status: 200; payload: { ok: true; data: PracticeAnswerResult } }
	| (EndpointReply & { payload: { ok: false } });

/**
 * Answer a practice question: the one implementation behind every way to answer (the session
 * page's form action, with or without JavaScript, and the JSON endpoint). Checks the caller,
 * spends the rate limit, checks the body's shape, then judges and records in the group commit.
 */
export async function answerPracticeRequest(
	app: Pick<AppContext, 'db' | 'caches' | 'limiters'>,
	input: PracticeAnswerInput
): Promise<PracticeAnswerReply> {
	const { locale, participantId: pid } = input;
	if (!pid || !input.sessionId)
		return refused(404, 'not_found', practiceErrorMessage('not_found', locale));
	const limit = await app.limiters.practice.answerPerPlayer.consume(String(pid));
	if (!limit.allowed) {
		const message = m.practice_err_rate_limited({ seconds: limit.retryAfterSec }, { locale });
		return refused(429, 'rate_limited', message, limit.retryAfterSec);
	}
	const body = v.safeParse(AnswerBody, input.body);
	if (!body.success) return refused(400, 'bad_answer', practiceErrorMessage('bad_answer', locale));
	const outcome = await queuePracticeAnswer(app, {
		participantId: pid,
		sessionId: input.sessionId,
		questionId: body.output.questionId,
		answer: body.output.answer,
		now: input.now
	});
	if (!outcome.ok) {
		return refused(
			practiceErrorStatus(outcome.error),
			outcome.error,
			practiceErrorMessage(outcome.error, locale)
		);
	}
	return { status: 200, payload: { ok: true, data: outcome.data } };
}

/** POST /api/practice/sessions/:id/answers — judged on the server, revealed at once. */
export async function practiceAnswerEndpoint(
	app: Pick<AppContext, 'db' | 'caches' | 'limiters'>,
	input: Input
): Promise<PracticeAnswerReply> {
	return answerPracticeRequest(app, {
		participantId: await participantId(app, input.token, input.now),
		sessionId: input.id,
		body: input.body,
		now: input.now,
		locale: input.locale
	});
}

/** A contest attempt's public id from a path segment (random base64url or hex), or null. */
export function parseAttemptPublicId(text: string | undefined): string | null {
	return text && /^[A-Za-z0-9_-]{16,64}$/.test(text) ? text : null;
}

interface AttemptInput extends Omit<Input, 'id'> {
	/** The attempt's public id from the path (null when malformed). */
	attempt: string | null;
}

/**
 * The caller's participant id and the internal id of their own attempt, or a 404 — checked
 * before any rate limit, so naming someone else's attempt spends nobody's allowance.
 */
async function ownAttempt(
	app: ParticipantsApp & QueuesApp,
	input: AttemptInput
): Promise<{ pid: number; attemptId: number } | EndpointReply> {
	const pid = await participantId(app, input.token, input.now);
	const attemptId = pid && input.attempt ? await findOwnAttemptId(app, pid, input.attempt) : null;
	if (!pid || !attemptId)
		return refused(404, 'not_found', contestErrorMessage('not_found', input.locale));
	return { pid, attemptId };
}

/** The owner's and the address's allowance of saves, or the 429 reply. */
async function saveAllowance(
	app: PracticeLimitsApp,
	pid: number,
	address: string,
	locale: Locale
): Promise<EndpointReply | null> {
	for (const [limiter, key] of [
		[app.limiters.practice.savePerPlayer, String(pid)],
		[app.limiters.practice.savePerAddress, address]
	] as const) {
		const limit = await limiter.consume(key);
		if (!limit.allowed) {
			const message = m.contest_err_rate_limited({ seconds: limit.retryAfterSec }, { locale });
			return refused(429, 'rate_limited', message, limit.retryAfterSec);
		}
	}
	return null;
}

/** POST /api/contests/attempts/:publicId/answers — saved, never judged before the hand-in. */
export async function contestAnswerEndpoint(
	app: QueuesApp & ParticipantsApp & PracticeLimitsApp,
	input: AttemptInput
): Promise<EndpointReply> {
	const { locale } = input;
	const own = await ownAttempt(app, input);
	if ('status' in own) return own;
	const limited = await saveAllowance(app, own.pid, input.address, locale);
	if (limited) return limited;
	const body = v.safeParse(AnswerBody, input.body);
	if (!body.success) return refused(400, 'bad_answer', contestErrorMessage('bad_answer', locale));
	const saved = await queueAttemptAnswer(app, {
		participantId: own.pid,
		attemptId: own.attemptId,
		questionId: body.output.questionId,
		answer: body.output.answer,
		now: input.now
	});
	if (!saved.ok) {
		return refused(
			contestErrorStatus(saved.error),
			saved.error,
			contestErrorMessage(saved.error, locale)
		);
	}
	return { status: 200, payload: { ok: true, data: saved.data } };
}

/** POST /api/contests/attempts/:publicId/submit — hand in, with the optional prediction. */
export async function contestSubmitEndpoint(
	app: QueuesApp & ParticipantsApp & PracticeLimitsApp,
	input: AttemptInput
): Promise<EndpointReply> {
	const { locale } = input;
	const own = await ownAttempt(app, input);
	if ('status' in own) return own;
	const body = v.safeParse(SubmitBody, input.body);
	const prediction = body.success
		? parsePrediction(body.output.prediction)
		: { ok: false as const };
	if (!prediction.ok) {
		return refused(400, 'prediction_invalid', contestErrorMessage('prediction_invalid', locale));
	}
	const result = await queueSubmitAttempt(app, {
		participantId: own.pid,
		attemptId: own.attemptId,
		prediction: prediction.value,
		now: input.now
	});
	if (!result.ok) {
		return refused(
			contestErrorStatus(result.error),
			result.error,
			contestErrorMessage(result.error, locale)
		);
	}
	const a = result.data.attempt;
	return {
		status: 200,
		payload: {
			ok: true,
			data: {
				status: a.status,
				score: a.score,
				total: a.questionIds.length,
				durationMs: a.durationMs,
				counts: result.data.counts,
				flagged: a.flagged
			}
		}
	};
}
