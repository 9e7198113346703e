// A worker thread does not inherit the parent's `--import tsx` hooks on Node 20 before its
// entry module loads, so this plain-JS entry registers tsx and then loads the TypeScript worker.
// Only when running from the sources: `npm run build` emits the compiled worker under this same
// name in build/node-server/ (scripts/build-server.mjs), which needs no loader.
import { register } from 'tsx/esm/api';

register();
await import('./keyframe-worker.ts');
