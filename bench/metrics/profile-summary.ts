/**
 * Top self-time functions of a V8 CPU profile (`node --cpu-prof`), for the report's "what limits
 * it" section. Usage: `tsx bench/metrics/profile-summary.ts file.cpuprofile [top]`.
 * Self time = samples whose top frame is that function, times the mean sampling interval.
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
}
interface Profile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
}

export function topSelfTime(file: string, top = 15): { name: string; where: string; ms: number; share: number }[] {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const counts = new Map<number, number>();
	for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
	const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
	const totals = new Map<string, { name: string; where: string; samples: number }>();
	for (const [id, samples] of counts) {
		const frame = byId.get(id)?.callFrame;
		if (!frame) continue;
		const name = frame.functionName || '(anonymous)';
		const where = frame.url ? `${frame.url.replace(/^file:\/\//, '').split('node_modules/').pop()}:${frame.lineNumber + 1}` : '';
		const key = `${name}@${where}`;
		const entry = totals.get(key) ?? { name, where, samples: 0 };
		entry.samples += samples;
		totals.set(key, entry);
	}
	const all = profile.samples.length || 1;
	return [...totals.values()]
		.sort((a, b) => b.samples - a.samples)
		.slice(0, top)
		.map((entry) => ({ name: entry.name, where: entry.where, ms: entry.samples * msPerSample, share: entry.samples / all }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
	const [file, top] = process.argv.slice(2);
	if (!file) throw new Error('usage: profile-summary.ts file.cpuprofile [top]');
	for (const row of topSelfTime(file, Number(top ?? 15))) {
		console.log(`${(row.share * 100).toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(6)} ms  ${row.name}  ${row.where}`);
	}
}
