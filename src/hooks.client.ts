/**
 * Client start-up, before any page code runs. zod (v4) probes for `new Function` the first time it
 * parses an object, to decide whether to compile fast validators; under the server's strict CSP
 * (no 'unsafe-eval', docs/security.md) that probe is reported as a CSP violation even though zod
 * catches it. jitless skips the probe: validation is the same, only not compiled.
 */
import { config } from 'zod';

config({ jitless: true });
