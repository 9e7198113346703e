/**
 * Is someone else using the machine? The bench shares two cores with whatever else runs; it looks
 * before it starts and before each run, and waits a little for a calm moment.
 */
import { BUSY_CORES } from '../aggregate';
import { otherCores, otherProcessesCpu } from './proc';

/** Cores used by every process but this one over `ms` (between runs no server or load process is alive). */
export async function otherLoad(ms: number): Promise<number> {
	const before = otherProcessesCpu(new Set([process.pid]));
	await new Promise((resolve) => setTimeout(resolve, ms));
	return otherCores(before, otherProcessesCpu(new Set([process.pid])), ms / 1000);
}

/** Before a run, waits in half-second looks for other processes to calm below BUSY_CORES, at most `maxMs`. */
export async function waitForQuiet(maxMs: number): Promise<number> {
	const start = performance.now();
	while (performance.now() - start < maxMs) {
		if ((await otherLoad(500)) <= BUSY_CORES) break;
	}
	return performance.now() - start;
}

