/** The question editor's form action, shared by "new question" and "edit question". */
import { m } from '../../paraglide/messages.js';
import type { AppContext } from '../app';
import type { Question } from '../../quiz/question';
import type { QuestionFormValues } from '../../question-form';
import { buildQuestion, readQuestionForm } from './forms';
import { MAX_IMAGE_BYTES, ownsUpload, saveImage } from '../uploads';

export type QuestionFormResult =
	| { ok: true; question: Question; values: QuestionFormValues }
	| { ok: false; values: QuestionFormValues | undefined; errors: Record<string, string> };

/**
 * Read the posted editor form: an uploaded image is checked and stored first (so the organizer
 * does not lose it when another field is wrong, in the app's UPLOAD_DIR); a kept image must be one
 * of the organization's.
 */
export async function questionFromForm(
	app: AppContext,
	organizationId: number,
	form: FormData
): Promise<QuestionFormResult> {
	const { db } = app;
	const values = readQuestionForm(form);
	if (!values) return { ok: false, values: undefined, errors: { text: m.bank_err_choice() } };
	const errors: Record<string, string> = {};
	const file = form.get('imageFile');
	if (form.get('removeImage') === 'on') values.image = '';
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_IMAGE_BYTES) {
			errors.image = m.bank_err_image_size({
				size: (file.size / 1024 / 1024).toFixed(1),
				max: MAX_IMAGE_BYTES / 1024 / 1024
			});
		} else {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const saved = await saveImage(db, organizationId, bytes, Date.now(), app.config.uploadDir);
			if (saved.ok) values.image = saved.name;
			else errors.image = m.bank_err_image_type();
		}
	} else if (values.image && !(await ownsUpload(db, organizationId, values.image))) {
		values.image = '';
		errors.image = m.bank_err_image_type();
	}
	const built = buildQuestion(values);
	if (!built.ok || Object.keys(errors).length)
		return { ok: false, values, errors: { ...(built.ok ? {} : built.errors), ...errors } };
	return { ok: true, question: built.question, values };
}
