/**
 * Reading a process's CPU time and memory from /proc, so every server is measured the same way
 * from outside, whatever it runs on. Linux only (the bench machine); on failure the readers
 * return null rather than throw, so a server that died mid-run still yields a report row.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second for utime/stime in /proc/<pid>/stat (USER_HZ, almost always 100). */
export const CLOCK_TICKS = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
	} catch {
		return 100;
	}
})();

/** User + system CPU time of a process, in seconds. */
export function cpuSeconds(pid: number): number | null {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may contain spaces and parentheses: split after its last ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// After the name, field 3 (state) is index 0, so utime (14) is 11 and stime (15) is 12.
		return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
	} catch {
		return null;
	}
}

/** Resident set size of a process, in bytes. */
export function rssBytes(pid: number): number | null {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}

const PF_KTHREAD = 0x00200000;

/**
 * CPU seconds so far of every user process except `exclude`. Reaped children's time (cutime) is
 * left out: it lands on the parent all at once when a long-running child exits, which would look
 * like a burst; a process that starts and ends inside a window is missed instead. Kernel threads
 * are left out too: loopback traffic's softirq work is part of what is being measured.
 */
export function otherProcessesCpu(exclude: ReadonlySet<number>): Map<number, number> {
	const times = new Map<number, number>();
	for (const entry of fs.readdirSync('/proc')) {
		const pid = Number(entry);
		if (!Number.isInteger(pid) || exclude.has(pid)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if ((Number(fields[6]) & PF_KTHREAD) !== 0) continue;
			const ticks = Number(fields[11]) + Number(fields[12]);
			times.set(pid, ticks / CLOCK_TICKS);
		} catch {
			// Gone between readdir and read: its time is lost to this sample, which is fine.
		}
	}
	return times;
}

/** Cores used by other processes between two otherProcessesCpu snapshots `seconds` apart. */
export function otherCores(before: Map<number, number>, after: Map<number, number>, seconds: number): number {
	let used = 0;
	for (const [pid, cpu] of after) used += cpu - (before.get(pid) ?? 0);
	return seconds > 0 ? Math.max(0, used) / seconds : 0;
}

/** The other process that used the most CPU between two snapshots, as "name 0.42" (which work it was). */
export function busiestOther(before: Map<number, number>, after: Map<number, number>, seconds: number): string | null {
	let top: [number, number] | null = null;
	for (const [pid, cpu] of after) {
		const used = cpu - (before.get(pid) ?? 0);
		if (!top || used > top[1]) top = [pid, used];
	}
	if (!top || seconds <= 0) return null;
	let name = String(top[0]);
	try {
		name = fs.readFileSync(`/proc/${top[0]}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' ').slice(0, 60) || name;
	} catch {
		// Gone since: the pid is all there is.
	}
	return `${name} ${(top[1] / seconds).toFixed(2)}`;
}

export function loadAverage(): string {
	try {
		return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
	} catch {
		return 'n/a';
	}
}

/** CPU used by one process between two moments, as a share of one core. */
export class CpuWindow {
	private readonly startCpu: number | null;
	private readonly startWall = performance.now();

	constructor(private readonly pid: number) {
		this.startCpu = cpuSeconds(pid);
	}

	/** Share of one core (1 = one core fully busy) since construction. */
	share(): number | null {
		const now = cpuSeconds(this.pid);
		const seconds = (performance.now() - this.startWall) / 1000;
		if (now === null || this.startCpu === null || seconds <= 0) return null;
		return (now - this.startCpu) / seconds;
	}
}

/** Samples a process's RSS on a timer and keeps the peak; stops by itself with the process. */
export class RssSampler {
	peak = 0;
	private readonly timer: ReturnType<typeof setInterval>;

	constructor(
		private readonly pid: number,
		everyMs = 100
	) {
		this.sample();
		this.timer = setInterval(() => this.sample(), everyMs);
		this.timer.unref();
	}

	sample(): number | null {
		const rss = rssBytes(this.pid);
		if (rss === null) this.stop();
		else this.peak = Math.max(this.peak, rss);
		return rss;
	}

	stop(): void {
		clearInterval(this.timer);
	}
}
