// Compiles the server and its keyframe worker to plain JavaScript in build/node-server/, so
// `npm start` runs `node` on it with no TypeScript loader (a loader cost ~80 MB of idle memory and
// a second copy in the worker). Run by `npm run build` after `vite build`: the SvelteKit adapter
// empties build/ first.
//
// Packages stay external (resolved from node_modules at run time: better-sqlite3 is native, and one
// copy of yjs is shared with nothing else anyway); our own modules, server/ and the shared src/lib
// layers, are bundled. Two paths the sources resolve against their own file still hold from here:
// the output sits two folders under the root like server/api/ (openapi.ts reads ../../package.json),
// and the demo board's JSON is copied next to the bundle (load-demo.ts reads ./kharkiv-2022.json).
// The worker is emitted under the name worker-shadows.ts starts (keyframe-worker-entry.mjs): under
// tsx that file registers the loader; compiled, it is the worker itself.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_OUT_DIR = join(root, 'build', 'node-server');

const started = performance.now();
mkdirSync(SERVER_OUT_DIR, { recursive: true });
const result = await build({
	absWorkingDir: root,
	entryPoints: { index: 'server/index.ts', 'keyframe-worker-entry': 'server/rooms/keyframe-worker.ts' },
	outdir: SERVER_OUT_DIR,
	outExtension: { '.js': '.mjs' },
	bundle: true,
	packages: 'external',
	platform: 'node',
	format: 'esm',
	target: 'node20',
	sourcemap: 'linked',
	metafile: true,
	logLevel: 'warning'
});
copyFileSync(join(root, 'server', 'demo', 'kharkiv-2022.json'), join(SERVER_OUT_DIR, 'kharkiv-2022.json'));
// What each output imports, for tests/integration/compiled-server.test.ts (no loader among them).
writeFileSync(join(SERVER_OUT_DIR, 'meta.json'), JSON.stringify(result.metafile));
console.log(`server compiled to build/node-server/ in ${Math.round(performance.now() - started)} ms`);
