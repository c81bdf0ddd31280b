/**
 * Turns issue codes into translated `ImportIssue`s. Every importer collects its findings in an
 * `IssueLog` so errors and warnings share one shape and one wording.
 */
import { m } from '../../paraglide/messages.js';
import { baseLocale } from '../../paraglide/runtime.js';
import type { ImportIssue, Locale } from './types';

const MESSAGES = {
	file_empty: m.bank_import_file_empty,
	file_too_large: m.bank_import_file_too_large,
	file_extension: m.bank_import_file_extension,
	file_not_xlsx: m.bank_import_file_not_xlsx,
	file_xls_legacy: m.bank_import_file_xls_legacy,
	file_binary: m.bank_import_file_binary,
	file_mismatch: m.bank_import_file_mismatch,
	zip_entries: m.bank_import_zip_entries,
	zip_size: m.bank_import_zip_size,
	zip_ratio: m.bank_import_zip_ratio,
	zip_corrupt: m.bank_import_zip_corrupt,
	encoding_unknown: m.bank_import_encoding_unknown,
	encoding_converted: m.bank_import_encoding_converted,
	format_unknown: m.imports_format_unknown,
	header_not_found: m.bank_import_header_not_found,
	no_questions: m.bank_import_no_questions,
	too_many_questions: m.bank_import_too_many_questions,
	json_syntax: m.bank_import_json_syntax,
	json_not_bank: m.bank_import_json_not_bank,
	json_version: m.bank_import_json_version,
	xml_syntax: m.bank_import_xml_syntax,
	xml_not_moodle: m.bank_import_xml_not_moodle,
	xml_entity: m.bank_import_xml_entity,
	csv_quotes: m.bank_import_csv_quotes,
	type_unknown: m.bank_import_type_unknown,
	type_unsupported: m.bank_import_type_unsupported,
	text_required: m.bank_import_text_required,
	text_too_long: m.bank_import_text_too_long,
	options_too_few: m.bank_import_options_too_few,
	options_too_many: m.bank_import_options_too_many,
	option_empty: m.bank_import_option_empty,
	option_too_long: m.bank_import_option_too_long,
	option_duplicate: m.bank_import_option_duplicate,
	option_skipped: m.bank_import_option_skipped,
	correct_missing: m.bank_import_correct_missing,
	correct_invalid: m.bank_import_correct_invalid,
	correct_out_of_range: m.bank_import_correct_out_of_range,
	correct_empty_option: m.bank_import_correct_empty_option,
	correct_single_many: m.bank_import_correct_single_many,
	truefalse_invalid: m.bank_import_truefalse_invalid,
	accepted_missing: m.bank_import_accepted_missing,
	accepted_too_many: m.bank_import_accepted_too_many,
	numeric_invalid: m.bank_import_numeric_invalid,
	tolerance_invalid: m.bank_import_tolerance_invalid,
	unit_too_long: m.bank_import_unit_too_long,
	items_too_few: m.bank_import_items_too_few,
	items_too_many: m.bank_import_items_too_many,
	time_invalid: m.bank_import_time_invalid,
	time_out_of_range: m.bank_import_time_out_of_range,
	time_clamped: m.bank_import_time_clamped,
	points_invalid: m.bank_import_points_invalid,
	explanation_too_long: m.bank_import_explanation_too_long,
	citation_document_required: m.bank_import_citation_document_required,
	citation_too_long: m.bank_import_citation_too_long,
	difficulty_invalid: m.bank_import_difficulty_invalid,
	tags_too_many: m.bank_import_tags_too_many,
	tag_invalid: m.bank_import_tag_invalid,
	image_invalid: m.bank_import_image_invalid,
	image_ignored: m.bank_import_image_ignored,
	field_invalid: m.bank_import_field_invalid,
	gift_unclosed: m.bank_import_gift_unclosed,
	gift_unopened: m.bank_import_gift_unopened,
	gift_syntax: m.bank_import_gift_syntax,
	gift_too_long: m.bank_import_gift_too_long,
	partial_credit: m.bank_import_partial_credit,
	matching_skipped: m.bank_import_matching_skipped,
	matching_as_ordering: m.bank_import_matching_as_ordering,
	numeric_extra_answers: m.bank_import_numeric_extra_answers,
	aiken_missing_answer: m.bank_import_aiken_missing_answer,
	correct_several_full: m.imports_correct_several_full,
	usecase_ignored: m.imports_usecase_ignored,
	columns_ignored: m.imports_columns_ignored,
	import_timeout: m.imports_timeout,
	too_many_cells: m.imports_too_many_cells,
	import_busy: m.imports_busy,
	import_failed: m.imports_failed
} as const;

export type IssueCode = keyof typeof MESSAGES;
type Params = Record<string, string | number>;
export type IssueParams<C extends IssueCode> = NonNullable<Parameters<(typeof MESSAGES)[C]>[0]>;

/** How `line` is named in the message: spreadsheet and text rows, or JSON question positions. */
export type LineKind = 'line' | 'question';

/** Translate one issue. `line` 0 means the whole file (no "Dòng n:" prefix). */
export function describeIssue<C extends IssueCode>(
	code: C,
	params: IssueParams<C>,
	line: number,
	locale: Locale,
	lineKind: LineKind = 'line'
): string {
	const render = MESSAGES[code] as unknown as (p: Params, o: { locale: Locale }) => string;
	const text = render(params as Params, { locale });
	if (line <= 0) return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
	const wrap = lineKind === 'question' ? m.bank_import_at_question : m.bank_import_at_line;
	return wrap({ line, message: text }, { locale });
}

/** Collects errors and warnings for one import, all in one locale. */
export class IssueLog {
	readonly errors: ImportIssue[] = [];
	readonly warnings: ImportIssue[] = [];
	readonly locale: Locale;
	lineKind: LineKind = 'line';

	constructor(locale: Locale = baseLocale) {
		this.locale = locale;
	}

	make<C extends IssueCode>(
		line: number,
		field: string,
		code: C,
		params: IssueParams<C>
	): ImportIssue {
		return {
			line,
			field,
			code,
			message: describeIssue(code, params, line, this.locale, this.lineKind)
		};
	}

	error<C extends IssueCode>(line: number, field: string, code: C, params: IssueParams<C>): void {
		this.errors.push(this.make(line, field, code, params));
	}

	warn<C extends IssueCode>(line: number, field: string, code: C, params: IssueParams<C>): void {
		this.warnings.push(this.make(line, field, code, params));
	}

	/** True when something went wrong on `line` (used to count invalid rows). */
	hasErrorsAt(line: number): boolean {
		return this.errors.some((issue) => issue.line === line);
	}
}
