/** Display names for question types, difficulties, points and visibility. */
import { m } from '$lib/paraglide/messages.js';

export function typeLabel(type: string): string {
	switch (type) {
		case 'single':
			return m.bank_type_single();
		case 'multiple':
			return m.bank_type_multiple();
		case 'truefalse':
			return m.bank_type_truefalse();
		case 'typeanswer':
			return m.bank_type_typeanswer();
		case 'numeric':
			return m.bank_type_numeric();
		case 'ordering':
			return m.bank_type_ordering();
		default:
			return type;
	}
}

export function difficultyLabel(difficulty: string | null | undefined): string {
	switch (difficulty) {
		case 'easy':
			return m.bank_difficulty_easy();
		case 'medium':
			return m.bank_difficulty_medium();
		case 'hard':
			return m.bank_difficulty_hard();
		default:
			return m.bank_difficulty_none();
	}
}

export function pointsLabel(points: number | string): string {
	const p = Number(points);
	return p === 0 ? m.bank_points_0() : p === 2 ? m.bank_points_2() : m.bank_points_1();
}

export function visibilityLabel(visibility: string): string {
	return visibility === 'published' ? m.bank_visibility_published() : m.bank_visibility_private();
}

const FORMATS: Record<string, () => string> = {
	'template-xlsx': m.bank_format_template_xlsx,
	'template-csv': m.bank_format_template_csv,
	'kahoot-xlsx': m.bank_format_kahoot_xlsx,
	'kahoot-csv': m.bank_format_kahoot_csv,
	'wayground-xlsx': m.bank_format_wayground_xlsx,
	'wayground-csv': m.bank_format_wayground_csv,
	gift: m.bank_format_gift,
	aiken: m.bank_format_aiken,
	'moodle-xml': m.bank_format_moodle_xml,
	json: m.bank_format_json
};

/** A detected import format in words ("Kahoot! (Excel)"). */
export function formatLabel(format: string): string {
	return (FORMATS[format] ?? m.bank_format_unknown)();
}

/** "A", "B", … for option labels. */
export function optionLetter(index: number): string {
	return String.fromCharCode(65 + index);
}
