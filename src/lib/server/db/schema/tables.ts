// Every SQLite table and type, one module per domain: what drizzle-kit reads, and what ../schema.ts
// binds (or rebinds to the PostgreSQL mirror).
export * from './auth';
export * from './bank';
export * from './live';
export * from './practice';
