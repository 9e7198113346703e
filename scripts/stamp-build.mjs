// Last step of `npm run build`: records the fingerprint of what the build was made from
// (scripts/build-fingerprint.mjs), so `npm start` can tell a current build from a stale one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, STAMP_FILE } from './build-fingerprint.mjs';

const root = process.cwd();
writeFileSync(join(root, STAMP_FILE), JSON.stringify({ builtAt: new Date().toISOString(), ...fingerprint(root) }));
