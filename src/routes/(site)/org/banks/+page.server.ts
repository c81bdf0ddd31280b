import { requireUser } from '$lib/server/auth/guard';
import { listBanks, listOrgTags } from '$lib/server/db/queries/banks';
import { searchQuestions } from '$lib/server/db/queries/search';
import type { PageServerLoad } from './$types';

const STATUSES = ['active', 'archived', 'all'] as const;

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url, 'organizer');
	const db = locals.app.db;
	const q = (url.searchParams.get('q') ?? '').slice(0, 200).trim();
	const tag = (url.searchParams.get('tag') ?? '').slice(0, 100);
	const statusParam = url.searchParams.get('status');
	const status = STATUSES.find((s) => s === statusParam) ?? 'active';
	const hits = q ? await searchQuestions(db, user.organizationId, q, { limit: 30 }) : [];
	return {
		filter: { q, tag, status },
		banks: (await listBanks(db, user.organizationId, { q, tag, status })).map((b) => ({
			id: b.id,
			title: b.title,
			tags: b.tags,
			visibility: b.visibility,
			archived: b.archivedAt !== null,
			questionCount: b.questionCount,
			updatedAt: b.updatedAt.getTime()
		})),
		tags: await listOrgTags(db, user.organizationId),
		hits: hits.map((h) => ({
			id: h.id,
			bankId: h.bankId,
			bankTitle: h.bankTitle,
			type: h.body.type,
			text: h.body.text
		})),
		deleted: url.searchParams.get('deleted')?.slice(0, 200) ?? null
	};
}) satisfies PageServerLoad;
