/**
 * The organizer's side of online contests: reading and checking the settings, round and unit
 * forms, and what blocks publishing. Errors are message keys the routes turn into text.
 */
import type { Db } from '../db';
import type { Contest, ContestRound, PredictionKind } from '../db/schema';
import {
	contestPool,
	createContest,
	listOrgPublishedBanks,
	listRounds,
	type ContestInput
} from '../db/queries/contests';
import { listUnits } from '../db/queries/participants';
import { DIFFICULTIES, type Difficulty } from '../../quiz/question';
import { mixShortages, mixSize, type MixRow, type MixShortage } from '../../practice/draw';
import { DEFAULT_TIME_ZONE, parseDateTimeInput } from '../../practice/format';
import { readNumber } from '../practice/answer-form';

export const MIX_ROWS = 6;
export const DEFAULT_QUESTIONS = 20;
export const DEFAULT_MINUTES = 20;

export type ContestFieldError =
	| 'title'
	| 'description'
	| 'banks'
	| 'mix'
	| 'time'
	| 'attempts'
	| 'prediction'
	| 'minTime'
	| 'entryCap';

/** Anti-cheat defaults (docs/contests.md): 1.5 s per answered question, 100 entries per address. */
export const DEFAULT_MIN_MS_PER_QUESTION = 1500;
export const DEFAULT_ENTRIES_PER_ADDRESS = 100;
const MIN_SEC_PER_QUESTION_MAX = 60;
const ENTRIES_PER_ADDRESS_MAX = 100_000;

export interface ContestFormValues {
	title: string;
	description: string;
	bankIds: number[];
	mix: Array<{ tag: string; difficulty: string; count: string }>;
	timeMinutes: string;
	attempts: string;
	predictionText: string;
	predictionKind: string;
	/** Seconds, Vietnamese or English decimal ("1,5"); 0 = no minimum. */
	minSecPerQuestion: string;
	/** 0 = no cap. */
	entriesPerAddress: string;
	/** 'on' when the organizer confirmed practice on the contest's banks while it runs. */
	practiceWhileOpen: string;
}

/** A new draft with sensible defaults: every published bank, 20 questions, 20 minutes, 2 attempts. */
export async function createDraftContest(
	db: Db,
	organizationId: number,
	title: string,
	now = Date.now()
): Promise<Contest> {
	const banks = await listOrgPublishedBanks(db, organizationId);
	const pool = await contestPool(
		db,
		organizationId,
		banks.map((b) => b.id)
	);
	return createContest(
		db,
		organizationId,
		{
			title,
			description: '',
			bankIds: banks.map((b) => b.id),
			mix: [
				{
					tag: null,
					difficulty: null,
					count: Math.max(1, Math.min(DEFAULT_QUESTIONS, pool.length))
				}
			],
			timeLimitSec: DEFAULT_MINUTES * 60,
			attemptsPerRound: 2,
			predictionText: null,
			predictionKind: null,
			minMsPerQuestion: DEFAULT_MIN_MS_PER_QUESTION,
			entriesPerAddress: DEFAULT_ENTRIES_PER_ADDRESS
		},
		now
	);
}

export function checkTitle(title: string): boolean {
	return title.length >= 3 && title.length <= 200;
}

/** The settings form as values (to show again) and, when valid, the contest input. */
export async function parseContestForm(
	db: Db,
	organizationId: number,
	form: FormData
): Promise<{
	values: ContestFormValues;
	errors: Partial<Record<ContestFieldError, true>>;
	input: ContestInput | null;
}> {
	const text = (key: string, max: number) =>
		String(form.get(key) ?? '')
			.trim()
			.slice(0, max);
	const published = new Set((await listOrgPublishedBanks(db, organizationId)).map((b) => b.id));
	const values: ContestFormValues = {
		title: text('title', 300),
		description: text('description', 3000),
		bankIds: form
			.getAll('bankIds')
			.map(Number)
			.filter((id) => Number.isInteger(id)),
		mix: Array.from({ length: MIX_ROWS }, (_, i) => ({
			tag: text(`mixTag-${i}`, 60),
			difficulty: text(`mixDifficulty-${i}`, 10),
			count: text(`mixCount-${i}`, 4)
		})),
		timeMinutes: text('timeMinutes', 4),
		attempts: text('attempts', 3),
		predictionText: text('predictionText', 400),
		predictionKind: text('predictionKind', 20),
		minSecPerQuestion: text('minSecPerQuestion', 10),
		entriesPerAddress: text('entriesPerAddress', 8),
		practiceWhileOpen: form.get('practiceWhileOpen') === 'on' ? 'on' : ''
	};
	const errors: Partial<Record<ContestFieldError, true>> = {};
	if (!checkTitle(values.title)) errors.title = true;
	if (values.description.length > 2000) errors.description = true;
	const bankIds = [...new Set(values.bankIds)].filter((id) => published.has(id));
	if (bankIds.length === 0 || bankIds.length !== new Set(values.bankIds).size) errors.banks = true;
	const mix: MixRow[] = [];
	for (const row of values.mix) {
		const count = row.count === '' ? 0 : Number(row.count);
		if (!Number.isInteger(count) || count < 0 || count > 100) {
			errors.mix = true;
			continue;
		}
		if (count === 0) continue;
		const difficulty = row.difficulty === '' ? null : row.difficulty;
		if (difficulty !== null && !DIFFICULTIES.includes(difficulty as Difficulty)) {
			errors.mix = true;
			continue;
		}
		mix.push({ tag: row.tag || null, difficulty: difficulty as Difficulty | null, count });
	}
	const total = mixSize(mix);
	if (total < 1 || total > 100) errors.mix = true;
	const minutes = Number(values.timeMinutes);
	if (!Number.isInteger(minutes) || minutes < 1 || minutes > 180) errors.time = true;
	const attempts = Number(values.attempts);
	if (!Number.isInteger(attempts) || attempts < 1 || attempts > 10) errors.attempts = true;
	if (values.predictionText.length > 300) errors.prediction = true;
	const minSec = readNumber(values.minSecPerQuestion);
	if (minSec === null || minSec < 0 || minSec > MIN_SEC_PER_QUESTION_MAX) errors.minTime = true;
	const entryCap = /^\d{1,6}$/.test(values.entriesPerAddress)
		? Number(values.entriesPerAddress)
		: -1;
	if (entryCap < 0 || entryCap > ENTRIES_PER_ADDRESS_MAX) errors.entryCap = true;
	const kind = values.predictionKind === 'entrants' ? 'entrants' : 'all_correct';
	const input: ContestInput | null =
		Object.keys(errors).length > 0
			? null
			: {
					title: values.title,
					description: values.description,
					bankIds,
					mix,
					timeLimitSec: minutes * 60,
					attemptsPerRound: attempts,
					predictionText: values.predictionText || null,
					predictionKind: values.predictionText ? (kind as PredictionKind) : null,
					minMsPerQuestion: Math.round(minSec! * 1000),
					entriesPerAddress: entryCap,
					practiceWhileOpen: values.practiceWhileOpen === 'on'
				};
	return { values, errors, input };
}

/** The form values of a saved contest. */
export function contestFormValues(c: Contest): ContestFormValues {
	return {
		title: c.title,
		description: c.description,
		bankIds: c.bankIds,
		mix: Array.from({ length: MIX_ROWS }, (_, i) => {
			const row = c.mix[i];
			return row
				? { tag: row.tag ?? '', difficulty: row.difficulty ?? '', count: String(row.count) }
				: { tag: '', difficulty: '', count: '' };
		}),
		timeMinutes: String(Math.round(c.timeLimitSec / 60)),
		attempts: String(c.attemptsPerRound),
		predictionText: c.predictionText ?? '',
		predictionKind: c.predictionKind ?? 'all_correct',
		minSecPerQuestion: String(c.minMsPerQuestion / 1000).replace('.', ','),
		entriesPerAddress: String(c.entriesPerAddress),
		practiceWhileOpen: c.practiceWhileOpen ? 'on' : ''
	};
}

/** Rows of the mix the contest's banks cannot always fill. */
export async function contestShortages(db: Db, c: Contest): Promise<MixShortage[]> {
	return mixShortages(await contestPool(db, c.organizationId, c.bankIds), c.mix);
}

/** Topics available in the organization's published banks (for the mix rows). */
export async function availableTags(db: Db, organizationId: number): Promise<string[]> {
	const banks = await listOrgPublishedBanks(db, organizationId);
	const pool = await contestPool(
		db,
		organizationId,
		banks.map((b) => b.id)
	);
	return [...new Set(pool.flatMap((q) => q.tags))].sort((a, b) => a.localeCompare(b, 'vi'));
}

export type PublishBlocker = 'rounds' | 'units' | 'pool';

/** What stops a contest from being published (empty = ready). */
export async function publishBlockers(db: Db, c: Contest): Promise<PublishBlocker[]> {
	const blockers: PublishBlocker[] = [];
	if ((await listRounds(db, c.organizationId, c.id)).length === 0) blockers.push('rounds');
	if ((await listUnits(db, c.organizationId)).length === 0) blockers.push('units');
	if ((await contestShortages(db, c)).length > 0) blockers.push('pool');
	return blockers;
}

export type RoundError = 'title' | 'dates' | 'overlap';

/**
 * A round form: title and window (typed in the organization's time zone) that does not overlap
 * the contest's other rounds.
 */
export function parseRoundForm(
	form: FormData,
	others: readonly ContestRound[],
	timeZone = DEFAULT_TIME_ZONE
): {
	values: { title: string; opensAt: string; closesAt: string };
	error: RoundError | null;
	overlapWith?: string;
	input?: { title: string; opensAt: number; closesAt: number };
} {
	const values = {
		title: String(form.get('title') ?? '')
			.trim()
			.slice(0, 150),
		opensAt: String(form.get('opensAt') ?? '').slice(0, 25),
		closesAt: String(form.get('closesAt') ?? '').slice(0, 25)
	};
	if (values.title.length < 1 || values.title.length > 100) return { values, error: 'title' };
	const opensAt = parseDateTimeInput(values.opensAt, timeZone);
	const closesAt = parseDateTimeInput(values.closesAt, timeZone);
	if (opensAt === null || closesAt === null || closesAt <= opensAt)
		return { values, error: 'dates' };
	const clash = others.find(
		(r) => opensAt < r.closesAt.getTime() && r.opensAt.getTime() < closesAt
	);
	if (clash) return { values, error: 'overlap', overlapWith: clash.title };
	return { values, error: null, input: { title: values.title, opensAt, closesAt } };
}

export type UnitLineError = 'name' | 'members';

/** "Tên đơn vị; 120" per line (the count is optional). */
export function parseUnitLines(text: string): {
	units: Array<{ name: string; memberCount: number }>;
	errors: Array<{ line: number; error: UnitLineError }>;
} {
	const units: Array<{ name: string; memberCount: number }> = [];
	const errors: Array<{ line: number; error: UnitLineError }> = [];
	text.split(/\r?\n/).forEach((raw, i) => {
		if (!raw.trim()) return;
		const cut = Math.max(raw.lastIndexOf(';'), raw.lastIndexOf('\t'));
		const name = (cut >= 0 ? raw.slice(0, cut) : raw).trim();
		const countText =
			cut >= 0
				? raw
						.slice(cut + 1)
						.trim()
						.replace(/[.,\s]/g, '')
				: '';
		if (name.length < 1 || name.length > 120) return errors.push({ line: i + 1, error: 'name' });
		const memberCount = countText === '' ? 0 : Number(countText);
		if (!/^\d{0,8}$/.test(countText)) return errors.push({ line: i + 1, error: 'members' });
		units.push({ name, memberCount });
	});
	return { units, errors };
}
