/**
 * Standard GIS and XML readers as a test uses them: GDAL's ogrinfo and libxml2's xmllint (Debian
 * gdal-bin, libxml2-utils; .ci/run installs them). Missing tools skip a local run but FAIL in CI
 * (CI=true), so the check cannot quietly stop running.
 */
import { spawnSync } from 'node:child_process';

export function toolAvailable(command: string): boolean {
	const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
	if (!found && process.env.CI === 'true') throw new Error(`${command} is missing: CI must install it (gdal-bin / libxml2-utils)`);
	return found;
}

export function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(command, args, { encoding: 'utf8' });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `ogrinfo -al -so` per layer: name → feature count, plus whatever it printed to stderr. */
export function ogrLayers(file: string, where?: string): { layers: Record<string, number>; stderr: string; stdout: string } {
	const result = run('ogrinfo', ['-al', '-so', '-ro', ...(where ? ['-where', where] : []), file]);
	if (result.status !== 0) throw new Error(`ogrinfo failed (${result.status}): ${result.stderr}`);
	const layers: Record<string, number> = {};
	for (const block of result.stdout.split(/\nLayer name: /).slice(1)) {
		const name = block.split('\n')[0]!.trim();
		const count = /Feature Count: (\d+)/.exec(block);
		layers[name] = count ? Number(count[1]) : NaN;
	}
	return { layers, stderr: result.stderr, stdout: result.stdout };
}
