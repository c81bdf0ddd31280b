import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { requireUser } from '$lib/server/auth/guard';
import { csvSeparator } from '$lib/server/transfer/csv';
import { exportResults, type ExportLabels } from '$lib/server/live/service';
import type { RequestHandler } from './$types';

/** Column and sheet names in the reader's language. */
function labels(): ExportLabels {
	return {
		rank: m.live_rank(),
		nickname: m.live_nickname(),
		team: m.live_x_team(),
		score: m.live_score(),
		correct: m.live_x_correct(),
		answered: m.live_x_answered(),
		timeSec: m.live_x_time(),
		status: m.live_x_status(),
		hidden: {
			fullName: m.live_field_full_name(),
			unit: m.live_field_unit(),
			phone: m.live_field_phone()
		},
		statuses: {
			active: m.live_pstatus_active(),
			eliminated: m.live_pstatus_eliminated(),
			spectator: m.live_pstatus_spectator(),
			kicked: m.live_pstatus_kicked(),
			finished: m.liveday_pstatus_finished(),
			left: m.liveday_pstatus_left()
		},
		sheetRanking: m.live_x_sheet_ranking(),
		sheetTeams: m.live_x_sheet_teams(),
		sheetQuestions: m.live_x_sheet_questions(),
		members: m.live_x_members(),
		questionNo: m.live_x_question_no(),
		question: m.live_x_question(),
		eligible: m.live_x_eligible(),
		percentCorrect: m.live_x_percent(),
		averageSec: m.live_x_average(),
		skipped: m.live_x_skipped(),
		kinds: {
			main: m.live_x_kind_main(),
			tiebreak: m.live_kind_tiebreak(),
			rescue: m.live_kind_rescue()
		}
	};
}

export const GET = (async ({ locals, url, params }) => {
	const user = requireUser(locals, url, 'host');
	const id = Number(params.id);
	const format = url.searchParams.get('format');
	if (!Number.isSafeInteger(id) || id < 1) error(404, 'Not found');
	if (format !== 'xlsx' && format !== 'csv') error(400, 'format must be xlsx or csv');
	const separator = csvSeparator(url.searchParams.get('sep'), getLocale());
	const file = await exportResults(
		locals.app.db,
		user.organizationId,
		id,
		format,
		labels(),
		separator
	);
	if (!file) error(404, 'Not found');
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
			'cache-control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;
