// Registered for every test file (vitest setupFiles): closes the databases the file opened and
// drops the PostgreSQL ones it created.
import { afterAll } from 'vitest';
import { closeTestDatabases } from '../src/lib/server/db/test-databases';

// Dropping a few dozen databases on a busy machine can take longer than the default hook timeout.
afterAll(closeTestDatabases, 120_000);
