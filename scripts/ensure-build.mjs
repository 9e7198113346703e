// First step of `npm start`: builds when there is no build or when its sources changed since it
// was made (a content hash, scripts/build-fingerprint.mjs), and says why in one line. It never
// serves an app or server older than the sources: a failed build stops the start.
import { spawnSync } from 'node:child_process';
import { staleReason } from './build-fingerprint.mjs';

const reason = staleReason(process.cwd());
if (reason) {
	console.log(`Rebuilding (npm run build): ${reason}.`);
	const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
