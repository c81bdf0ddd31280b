// The database schema, one module per domain. drizzle-kit reads this file.
export * from './schema/auth';
export * from './schema/bank';
export * from './schema/live';
export * from './schema/practice';
