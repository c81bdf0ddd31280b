import { error, fail, redirect } from '@sveltejs/kit';
import { getPublishedBank } from '$lib/server/db/queries/practice';
import { currentParticipant } from '$lib/server/practice/identity';
import { playerSummary } from '$lib/server/practice/player';
import { beginPractice } from '$lib/server/practice/start';
import { parseId } from '$lib/server/params';
import { beginErrorMessage } from '$lib/server/practice/messages';
import { clientIp } from '$lib/server/client-ip';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/read-form';

export const load = (async (event) => {
	const db = event.locals.app.db;
	const bankId = parseId(event.params.bankId);
	const bank = bankId ? await getPublishedBank(db, bankId) : undefined;
	if (!bank) error(404, 'Not found');
	const participant = await currentParticipant(event.locals.app, event);
	return { bank, player: participant ? playerSummary(participant) : null };
}) satisfies PageServerLoad;

export const actions = {
	start: async (event) => {
		const bankId = parseId(event.params.bankId);
		if (!bankId) error(404, 'Not found');
		const form = await readForm(event);
		const started = await beginPractice(
			event.locals.app,
			event,
			form,
			{ kind: 'bank', bankId },
			clientIp(event)
		);
		if (!started.ok) {
			return fail(started.error === 'not_found' ? 404 : 400, {
				message: beginErrorMessage(started),
				nickname: String(form.get('nickname') ?? '').slice(0, 40)
			});
		}
		redirect(303, `/practice/s/${started.sessionId}`);
	}
} satisfies Actions;
