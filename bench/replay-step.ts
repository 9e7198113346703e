/**
 * Replay seek in the report. The replay bench (bench/replay.ts, issue 4) is its own script that
 * prints a markdown table; when it is there, it runs here as a child process on a smaller log than
 * its default (to keep `npm run bench` within ten minutes; REPLAY_UPDATES in the environment wins)
 * and its table goes into the report as it printed it. Bounded in time like every other step.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './servers/launch';

const SCRIPT = path.join(REPO_ROOT, 'bench', 'replay.ts');
const TIMEOUT_MS = 120_000;

export async function replaySection(quick: boolean): Promise<string> {
	if (!fs.existsSync(SCRIPT)) return 'replay seek: not yet implemented (issue 4)';
	const updates = process.env.REPLAY_UPDATES ?? (quick ? '5000' : '20000');
	const seeks = process.env.REPLAY_SEEKS ?? (quick ? '50' : '200');
	const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
		cwd: REPO_ROOT,
		env: { ...process.env, REPLAY_UPDATES: updates, REPLAY_SEEKS: seeks },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	let err = '';
	child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-2_000)));
	const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
	const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
	clearTimeout(timer);
	const how = `bench/replay.ts with REPLAY_UPDATES=${updates} REPLAY_SEEKS=${seeks}`;
	if (code !== 0) return `replay seek: ${how} ${code === null ? `did not finish within ${TIMEOUT_MS / 1000} s` : `failed (${code})`}: ${err.split('\n').find((line) => line.trim()) ?? ''}`;
	return `${out.trim()}\n\n(${how}; its default is a larger log)`;
}
