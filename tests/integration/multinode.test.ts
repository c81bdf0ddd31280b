// Two nodes over one SQLite file (one machine), Redis and HAProxy: multinode-scenario.ts.
import { defineMultinodeSuite } from './multinode-scenario';

defineMultinodeSuite('sqlite');
