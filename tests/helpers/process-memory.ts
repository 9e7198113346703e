/** Resident memory of a process in MiB, read from /proc (Linux), to see what a server holds. */
import fs from 'node:fs';

export function residentMiB(pid: number): number {
	const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	if (!match) throw new Error(`no VmRSS for process ${pid}`);
	return Number(match[1]) / 1024;
}
