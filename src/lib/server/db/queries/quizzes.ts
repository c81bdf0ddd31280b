/**
 * Quizzes: an ordered list of picked questions and "random N from these banks/tags/difficulties"
 * rules, resolved deterministically from a seed when a game starts.
 */
import { and, asc, count, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../index';
import { affected, forUpdate, isPostgres } from '../dialect';
import { transaction } from '../transaction';
import { bank, question, quiz, quizItem, type Quiz, type QuizRule } from '../schema';
import type { Question } from '../../../quiz/question';
import { createRandom, deriveSeed } from '../../../quiz/random';
import { normalizeVietnamese } from '../../../quiz/vietnamese';

export type QuizSummary = Quiz & { itemCount: number };

/** The organization's quizzes, most recently changed first. */
export async function listQuizzes(db: Db, organizationId: number): Promise<QuizSummary[]> {
	const rows = await db
		.select({ quiz, itemCount: count(quizItem.id) })
		.from(quiz)
		.leftJoin(quizItem, eq(quizItem.quizId, quiz.id))
		.where(eq(quiz.organizationId, organizationId))
		.groupBy(quiz.id)
		.orderBy(desc(quiz.updatedAt), desc(quiz.id));
	return rows.map((r) => ({ ...r.quiz, itemCount: r.itemCount }));
}

export async function getQuiz(
	db: DbOrTx,
	organizationId: number,
	quizId: number
): Promise<Quiz | undefined> {
	const [row] = await db
		.select()
		.from(quiz)
		.where(and(eq(quiz.id, quizId), eq(quiz.organizationId, organizationId)));
	return row;
}

export interface QuizInput {
	title: string;
	description: string;
}

export async function createQuiz(
	db: DbOrTx,
	organizationId: number,
	input: QuizInput,
	now = Date.now()
): Promise<Quiz> {
	const [row] = await db
		.insert(quiz)
		.values({ ...input, organizationId, createdAt: new Date(now), updatedAt: new Date(now) })
		.returning();
	return row;
}

export async function updateQuiz(
	db: Db,
	organizationId: number,
	quizId: number,
	input: QuizInput,
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.update(quiz)
		.set({ ...input, updatedAt: new Date(now) })
		.where(and(eq(quiz.id, quizId), eq(quiz.organizationId, organizationId)));
	return affected(result) > 0;
}

export async function deleteQuiz(db: Db, organizationId: number, quizId: number): Promise<boolean> {
	const result = await db
		.delete(quiz)
		.where(and(eq(quiz.id, quizId), eq(quiz.organizationId, organizationId)));
	return affected(result) > 0;
}

async function touch(db: DbOrTx, quizId: number, now: number): Promise<void> {
	await db
		.update(quiz)
		.set({ updatedAt: new Date(now) })
		.where(eq(quiz.id, quizId));
}

async function nextPosition(db: DbOrTx, quizId: number): Promise<number> {
	const [top] = await db
		.select({ p: max(quizItem.position) })
		.from(quizItem)
		.where(eq(quizItem.quizId, quizId));
	return (top?.p ?? -1) + 1;
}

/**
 * The organization's quiz, locked until the transaction ends on PostgreSQL (so that two changes to
 * its steps do not read the same positions); undefined when it is not theirs.
 */
async function lockQuiz(db: DbOrTx, organizationId: number, quizId: number) {
	const [row] = await forUpdate(
		db,
		db
			.select({ id: quiz.id })
			.from(quiz)
			.where(and(eq(quiz.id, quizId), eq(quiz.organizationId, organizationId)))
	);
	return row;
}

/** A quiz step as the builder shows it. */
export type QuizItemView =
	| {
			id: number;
			kind: 'question';
			questionId: number;
			bankId: number;
			bankTitle: string;
			question: Question;
	  }
	| { id: number; kind: 'rule'; rule: QuizRule; available: number };

/** The quiz's steps in order, with each picked question and each rule's candidate count. */
export async function getQuizItems(
	db: Db,
	organizationId: number,
	quizId: number
): Promise<QuizItemView[]> {
	if (!(await getQuiz(db, organizationId, quizId))) return [];
	const rows = await db
		.select({
			id: quizItem.id,
			kind: quizItem.kind,
			rule: quizItem.rule,
			questionId: question.id,
			bankId: bank.id,
			bankTitle: bank.title,
			body: question.body
		})
		.from(quizItem)
		.leftJoin(question, eq(question.id, quizItem.questionId))
		.leftJoin(bank, eq(bank.id, question.bankId))
		.where(eq(quizItem.quizId, quizId))
		.orderBy(asc(quizItem.position), asc(quizItem.id));
	const candidates = rows.some((r) => r.kind === 'rule' && r.rule)
		? await loadCandidates(db, organizationId)
		: [];
	return rows.flatMap((r): QuizItemView[] => {
		if (r.kind === 'rule' && r.rule) {
			return [
				{ id: r.id, kind: 'rule', rule: r.rule, available: matchRule(candidates, r.rule).length }
			];
		}
		if (r.kind === 'question' && r.questionId !== null && r.body && r.bankId !== null)
			return [
				{
					id: r.id,
					kind: 'question',
					questionId: r.questionId,
					bankId: r.bankId,
					bankTitle: r.bankTitle ?? '',
					question: r.body
				}
			];
		return [];
	});
}

/**
 * Append picked questions (only the organization's; others are ignored) to the quiz.
 * Returns how many were added, or undefined when the quiz is not the organization's.
 */
export async function addQuizQuestions(
	db: DbOrTx,
	organizationId: number,
	quizId: number,
	questionIds: number[],
	now = Date.now()
): Promise<number | undefined> {
	return transaction(db, async (t) => {
		if (!(await lockQuiz(t, organizationId, quizId))) return undefined;
		if (questionIds.length === 0) return 0;
		const owned = new Set(
			(
				await t
					.select({ id: question.id })
					.from(question)
					.where(
						and(inArray(question.id, questionIds), eq(question.organizationId, organizationId))
					)
			).map((r) => r.id)
		);
		let position = await nextPosition(t, quizId);
		const ids = [...new Set(questionIds)].filter((id) => owned.has(id));
		for (const questionId of ids) {
			await t
				.insert(quizItem)
				.values({ quizId, position: position++, kind: 'question', questionId });
		}
		await touch(t, quizId, now);
		return ids.length;
	});
}

/** Append a random rule. Bank ids outside the organization are dropped. */
export async function addQuizRule(
	db: Db,
	organizationId: number,
	quizId: number,
	rule: QuizRule,
	now = Date.now()
): Promise<boolean> {
	return transaction(db, async (t) => {
		if (!(await lockQuiz(t, organizationId, quizId))) return false;
		const bankIds = rule.bankIds.length
			? (
					await t
						.select({ id: bank.id })
						.from(bank)
						.where(and(inArray(bank.id, rule.bankIds), eq(bank.organizationId, organizationId)))
				).map((r) => r.id)
			: [];
		if (rule.bankIds.length && bankIds.length === 0) return false;
		await t.insert(quizItem).values({
			quizId,
			position: await nextPosition(t, quizId),
			kind: 'rule',
			rule: { ...rule, bankIds }
		});
		await touch(t, quizId, now);
		return true;
	});
}

async function itemIds(db: DbOrTx, quizId: number): Promise<number[]> {
	const rows = await db
		.select({ id: quizItem.id })
		.from(quizItem)
		.where(eq(quizItem.quizId, quizId))
		.orderBy(asc(quizItem.position), asc(quizItem.id));
	return rows.map((r) => r.id);
}

export async function removeQuizItem(
	db: Db,
	organizationId: number,
	quizId: number,
	itemId: number,
	now = Date.now()
): Promise<boolean> {
	return transaction(db, async (t) => {
		if (!(await lockQuiz(t, organizationId, quizId))) return false;
		const changes = affected(
			await t.delete(quizItem).where(and(eq(quizItem.id, itemId), eq(quizItem.quizId, quizId)))
		);
		if (!changes) return false;
		await writeItemOrder(t, await itemIds(t, quizId));
		await touch(t, quizId, now);
		return true;
	});
}

async function writeItemOrder(db: DbOrTx, ids: number[]): Promise<void> {
	for (const [position, id] of ids.entries())
		await db.update(quizItem).set({ position }).where(eq(quizItem.id, id));
}

/** Put the quiz's steps in this order; must be exactly the quiz's item ids. */
export async function reorderQuizItems(
	db: Db,
	organizationId: number,
	quizId: number,
	orderedIds: number[],
	now = Date.now()
): Promise<boolean> {
	return transaction(db, async (t) => {
		if (!(await lockQuiz(t, organizationId, quizId))) return false;
		const current = await itemIds(t, quizId);
		const wanted = new Set(orderedIds);
		if (
			wanted.size !== orderedIds.length ||
			current.length !== orderedIds.length ||
			!current.every((id) => wanted.has(id))
		)
			return false;
		await writeItemOrder(t, orderedIds);
		await touch(t, quizId, now);
		return true;
	});
}

/** Move one step to index `to` (clamped). */
export async function moveQuizItem(
	db: Db,
	organizationId: number,
	quizId: number,
	itemId: number,
	to: number,
	now = Date.now()
): Promise<boolean> {
	if (!(await getQuiz(db, organizationId, quizId))) return false;
	const ids = await itemIds(db, quizId);
	const from = ids.indexOf(itemId);
	if (from < 0) return false;
	ids.splice(from, 1);
	ids.splice(Math.max(0, Math.min(ids.length, Math.trunc(to))), 0, itemId);
	return reorderQuizItems(db, organizationId, quizId, ids, now);
}

interface Candidate {
	id: number;
	bankId: number;
	difficulty: string | null;
	/** Normalized tags of the question and of its bank. */
	tagKeys: Set<string>;
}

/** Questions random rules may draw: those of the organization's non-archived banks, by id. */
async function loadCandidates(db: Db, organizationId: number): Promise<Candidate[]> {
	// The body's tags: JSON text from SQLite's json_extract, a parsed value from PostgreSQL's jsonb.
	const questionTags = isPostgres(db)
		? sql<unknown>`${question.body} -> 'tags'`
		: sql<unknown>`json_extract(${question.body}, '$.tags')`;
	const rows = await db
		.select({
			id: question.id,
			bankId: question.bankId,
			difficulty: question.difficulty,
			questionTags,
			bankTags: bank.tags
		})
		.from(question)
		.innerJoin(bank, eq(bank.id, question.bankId))
		.where(and(eq(question.organizationId, organizationId), isNull(bank.archivedAt)))
		.orderBy(asc(question.id));
	return rows.map((r) => {
		const questionTags = parseTags(r.questionTags);
		const tags = [...questionTags, ...r.bankTags];
		return {
			id: r.id,
			bankId: r.bankId,
			difficulty: r.difficulty,
			tagKeys: new Set(tags.filter((t) => typeof t === 'string').map(normalizeVietnamese))
		};
	});
}

function parseTags(json: unknown): unknown[] {
	try {
		const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
		return Array.isArray(value) ? value : [];
	} catch {
		return [];
	}
}

function matchRule(candidates: Candidate[], rule: QuizRule): Candidate[] {
	const banks = new Set(rule.bankIds);
	const tags = rule.tags.map(normalizeVietnamese);
	const difficulties = new Set<string>(rule.difficulties);
	return candidates.filter(
		(c) =>
			(banks.size === 0 || banks.has(c.bankId)) &&
			(difficulties.size === 0 || (c.difficulty !== null && difficulties.has(c.difficulty))) &&
			(tags.length === 0 || tags.some((t) => c.tagKeys.has(t)))
	);
}

export type GameQuestion = { questionId: number } & Question;

/**
 * The quiz as a game plays it: picked questions in order, each random rule replaced by up to
 * N questions drawn with `seed` (same seed → same questions), never repeating a question.
 * Undefined when the quiz is not the organization's.
 */
export async function getQuizForGame(
	db: Db,
	organizationId: number,
	quizId: number,
	seed: number
): Promise<{ id: number; title: string; questions: GameQuestion[] } | undefined> {
	const found = await getQuiz(db, organizationId, quizId);
	if (!found) return undefined;
	const items = await db
		.select()
		.from(quizItem)
		.where(eq(quizItem.quizId, quizId))
		.orderBy(asc(quizItem.position), asc(quizItem.id));
	const picked = items.flatMap((i) =>
		i.kind === 'question' && i.questionId ? [i.questionId] : []
	);
	const used = new Set<number>(picked);
	const steps: number[][] = [];
	const candidates = items.some((i) => i.kind === 'rule' && i.rule)
		? await loadCandidates(db, organizationId)
		: [];
	items.forEach((item, index) => {
		if (item.kind === 'question' && item.questionId) {
			steps.push([item.questionId]);
			return;
		}
		if (item.kind !== 'rule' || !item.rule) return;
		const pool = matchRule(candidates, item.rule)
			.map((c) => c.id)
			.filter((id) => !used.has(id));
		const random = createRandom(deriveSeed(seed, index));
		for (let i = pool.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[pool[i], pool[j]] = [pool[j], pool[i]];
		}
		const drawn = pool.slice(0, Math.max(0, item.rule.count));
		drawn.forEach((id) => used.add(id));
		steps.push(drawn);
	});
	const ids = steps.flat();
	const bodies = new Map(
		ids.length
			? (
					await db
						.select({ id: question.id, body: question.body })
						.from(question)
						.where(and(inArray(question.id, ids), eq(question.organizationId, organizationId)))
				).map((r) => [r.id, r.body])
			: []
	);
	const questions = ids.flatMap((id) => {
		const body = bodies.get(id);
		return body ? [{ ...body, questionId: id }] : [];
	});
	return { id: found.id, title: found.title, questions };
}
