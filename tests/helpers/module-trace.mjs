// `node --import ./tests/helpers/module-trace.mjs …`: appends the URL of every module the process
// resolves (ESM imports, the entry included) to the file MODULE_TRACE_FILE names. A recorder, not
// a loader: it changes nothing it resolves. tests/integration/compiled-server.test.ts reads it.
import { register } from 'node:module';

register('./module-trace-hooks.mjs', import.meta.url, { data: { file: process.env.MODULE_TRACE_FILE } });
