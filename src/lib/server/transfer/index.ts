/**
 * Public API of the question importers/exporters. Pure functions over bytes: no database,
 * no file system, no network. See types.ts for the shapes.
 */
export { importFile, IMPORT_ACCEPT, IMPORT_EXTENSIONS } from './import';
export {
	importInWorker,
	importInWorkerSerialized,
	IMPORT_TIME_LIMIT_MS,
	type ImportSummary
} from './worker';
export { exportBank, CONTENT_TYPES } from './export';
export { buildTemplate } from './template';
export { validateQuestion, isValidQuestion, type ValidateOptions } from './validate';
export { describeIssue, type IssueCode } from './issues';
export { JSON_FORMAT_ID, JSON_FORMAT_VERSION } from './json';
export * from './types';
