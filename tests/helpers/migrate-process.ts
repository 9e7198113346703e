/** Runs `npm run migrate`'s script (server/migrate.ts under tsx) as a child process; answers its exit code and output. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export async function runMigrate(args: string[]): Promise<{ code: number | null; output: string }> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/migrate.ts', ...args], {
		cwd: path.resolve(import.meta.dirname, '../..'),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
	return { code, output };
}
