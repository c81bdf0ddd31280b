// Two nodes over PostgreSQL (the deployment of docs/deploy.md), Redis and HAProxy:
// multinode-scenario.ts.
import { defineMultinodeSuite } from './multinode-scenario';

defineMultinodeSuite('pg');
