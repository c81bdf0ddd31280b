/**
 * Public API of the question importers/exporters. Pure functions over bytes: no database,
 * no file system, no network. See types.ts for the shapes.
 */
export { importFile } from './import';
export { importInWorker } from './worker';
export { exportBank } from './export';
export { buildTemplate } from './template';
export * from './types';
