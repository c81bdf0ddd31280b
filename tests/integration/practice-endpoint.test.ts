import { describe, expect, it } from 'vitest';
import { makeWorld, T0, type World } from './practice-fixtures';
import {
	createGuest,
	createParticipantSession,
	getParticipant
} from '../../src/lib/server/db/queries/participants';
import { generateToken, hashToken } from '../../src/lib/server/auth/session';
import { startBankSession } from '../../src/lib/server/practice/sessions';
import {
	answerPracticeRequest,
	practiceAnswerEndpoint
} from '../../src/lib/server/practice/answer-endpoints';
import { answerFromForm } from '../../src/lib/server/practice/answer-form';
import type { PublicQuestion } from '../../src/lib/quiz/judge';

async function player(w: World, name: string) {
	const guest = await createGuest(w.db, name, T0);
	const token = generateToken();
	await createParticipantSession(w.db, hashToken(token), guest.id);
	const started = await startBankSession(w.app, guest.id, w.bankA, T0, 3);
	if (!started.ok) throw new Error(started.error);
	return { pid: guest.id, token, session: started.session };
}

const RIGHT = { type: 'single', choice: 0 };

describe('answering a practice question (one implementation for the JSON endpoint and the form)', () => {
	it('judges through the JSON endpoint and names the next question', async () => {
		const w = await makeWorld();
		const p = await player(w, 'Nhanh');
		const reply = await practiceAnswerEndpoint(w.app, {
			token: p.token,
			id: p.session.id,
			address: '127.0.0.1',
			body: { questionId: p.session.questionIds[0], answer: RIGHT },
			now: T0 + 1000
		});
		expect(reply.status).toBe(200);
		expect(reply.payload).toMatchObject({ ok: true, data: { correct: true, answered: 1 } });
		if (!reply.payload.ok) throw new Error('refused');
		expect(reply.payload.data.reveal.citation?.document).toBe('Bộ luật Lao động 2019');
		expect(reply.payload.data.next?.id).toBe(p.session.questionIds[1]);
	});

	it('reads a form’s fields against the question as the session shows it, with the same result as JSON', async () => {
		const w = await makeWorld();
		const [json, form] = [await player(w, 'JSON'), await player(w, 'Biểu mẫu')];
		const fields = new FormData();
		fields.set('choice', '0');
		let shown: PublicQuestion | undefined;
		const byForm = await answerPracticeRequest(w.app, {
			participantId: form.pid,
			sessionId: form.session.id,
			body: {
				questionId: form.session.questionIds[0],
				answer: (q: PublicQuestion) => answerFromForm((shown = q), fields)
			},
			now: T0 + 1000
		});
		const byJson = await answerPracticeRequest(w.app, {
			participantId: json.pid,
			sessionId: json.session.id,
			body: { questionId: json.session.questionIds[0], answer: RIGHT },
			now: T0 + 1000
		});
		expect(shown).toMatchObject({ type: 'single', options: ['Đúng', 'Sai', 'Không rõ'] });
		expect(byForm.status).toBe(200);
		const strip = (r: typeof byForm) => (r.payload.ok ? { ...r.payload.data, next: null } : r);
		expect(strip(byForm)).toEqual(strip(byJson));
		expect((await getParticipant(w.db, form.pid))!.answered).toBe(1);
	});

	it('refuses a forged question in Vietnamese, or in English, and a malformed body', async () => {
		const w = await makeWorld();
		const p = await player(w, 'Giả');
		const forged = {
			token: p.token,
			id: p.session.id,
			address: '127.0.0.1',
			body: { questionId: 999_999, answer: RIGHT },
			now: T0
		};
		const vi = await practiceAnswerEndpoint(w.app, forged);
		expect(vi.status).toBe(400);
		expect(vi.payload).toMatchObject({
			ok: false,
			message: expect.stringMatching(/không thuộc buổi luyện tập/)
		});
		const en = await practiceAnswerEndpoint(w.app, { ...forged, locale: 'en' });
		expect(en.payload).toMatchObject({
			message: expect.stringMatching(/not part of this session/)
		});
		const malformed = await practiceAnswerEndpoint(w.app, { ...forged, body: undefined });
		expect(malformed).toMatchObject({ status: 400, payload: { ok: false, error: 'bad_answer' } });
	});

	it('does not know a stranger’s session', async () => {
		const w = await makeWorld();
		const owner = await player(w, 'Chủ');
		const stranger = await player(w, 'Lạ');
		const input = {
			id: owner.session.id,
			address: '127.0.0.1',
			body: { questionId: owner.session.questionIds[0], answer: RIGHT },
			now: T0
		};
		for (const token of ['not-a-token', stranger.token]) {
			const reply = await practiceAnswerEndpoint(w.app, { ...input, token });
			expect(reply).toMatchObject({ status: 404, payload: { ok: false, error: 'not_found' } });
		}
		expect((await getParticipant(w.db, owner.pid))!.answered).toBe(0);
	});
});
