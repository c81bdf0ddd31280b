// The PostgreSQL mirror of ./schema.ts, one module per domain (same tables, columns, keys and
// indexes; tests/integration/schema-parity.test.ts compares the two). drizzle.pg.config.ts reads it.
export * from './schema-pg/auth';
export * from './schema-pg/bank';
export * from './schema-pg/live';
export * from './schema-pg/practice';
