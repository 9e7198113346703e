// A worker thread does not inherit the parent's `--import tsx` hooks on Node 20 before its
// entry module loads, so this plain-JS entry registers tsx and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./keyframe-worker.ts');
