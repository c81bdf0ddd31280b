import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { csvSeparator } from '$lib/server/transfer/csv';
import { requireUser } from '$lib/server/auth/guard';
import { getContest } from '$lib/server/db/queries/contests';
import { pickRound } from '$lib/server/contest/results';
import { rankingSheet, toCsv, toXlsx, unitsSheet } from '$lib/server/contest/export';
import { parseId } from '$lib/server/params';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireUser(event.locals, event.url, 'organizer');
	const db = event.locals.app.db;
	const now = Date.now();
	const id = parseId(event.params.contestId);
	const contest = id ? await getContest(db, user.organizationId, id) : undefined;
	if (!contest) error(404, 'Not found');
	const { round } = await pickRound(db, contest, event.url.searchParams.get('round'), now);
	const ranking = await rankingSheet(db, contest, round, now, user.timeZone);
	const name = `cuoc-thi-${contest.id}-${round ? `tuan-${round.id}` : 'chung-cuoc'}`;
	if (event.url.searchParams.get('format') === 'xlsx') {
		const bytes = await toXlsx([ranking, await unitsSheet(db, contest)]);
		return new Response(bytes, {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': `attachment; filename="${name}.xlsx"`,
				'cache-control': 'private, no-store'
			}
		});
	}
	const separator = csvSeparator(event.url.searchParams.get('sep'), getLocale());
	return new Response(toCsv(ranking, separator), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
