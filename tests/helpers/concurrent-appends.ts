/**
 * Appends from several writers to one board at once, and the check that the log they leave is
 * what each was told: seqs 1..N with no gap or duplicate, every append's returned seq the last
 * of exactly the entries it wrote, and times that never go back (each entry is stamped when its
 * append is made, so appends that wait on each other would otherwise commit older times later). Used in-process (two pools) and by the child processes of
 * tests/helpers/postgres-append-worker.ts.
 */
import type { BoardStorage, LoggedUpdate } from '../../server/storage/storage';

/** What one append was told: its writer, its index, how many entries, and the seq returned. */
export interface AppendResult {
	writer: string;
	index: number;
	count: number;
	seq: number;
}

export const CONTENDED_BOARD = 'contended';

const label = (writer: string, index: number, entry: number) => `${writer}:${index}:${entry}`;

/**
 * `appends` appends of 1–3 entries each, spread over `lanes` loops running at once, so one writer
 * has several appends in flight on its pool and writers interleave.
 */
export async function appendConcurrently(storage: BoardStorage, writer: string, appends: number, lanes = 4): Promise<AppendResult[]> {
	const results: AppendResult[] = [];
	let next = 0;
	const lane = async () => {
		while (next < appends) {
			const index = next++;
			const count = 1 + ((index * 7 + writer.length) % 3);
			const entries = Array.from({ length: count }, (_, entry) => ({
				at: Date.now(),
				actor: writer,
				update: new TextEncoder().encode(label(writer, index, entry))
			}));
			results.push({ writer, index, count, seq: await storage.appendUpdates(CONTENDED_BOARD, entries) });
		}
	};
	await Promise.all(Array.from({ length: lanes }, lane));
	return results;
}

/** Problems with the log given what the appends were told; empty when all is well. */
export function logProblems(log: LoggedUpdate[], results: AppendResult[]): string[] {
	const problems: string[] = [];
	const expected = results.reduce((sum, result) => sum + result.count, 0);
	if (log.length !== expected) problems.push(`${log.length} entries logged, ${expected} appended`);
	log.forEach((entry, position) => {
		if (entry.seq !== position + 1) problems.push(`entry ${position} has seq ${entry.seq}`);
		if (position > 0 && entry.at < log[position - 1]!.at) problems.push(`time goes back at seq ${entry.seq}`);
	});
	const bySeq = new Map(log.map((entry) => [entry.seq, new TextDecoder().decode(entry.update)]));
	for (const { writer, index, count, seq } of results) {
		for (let entry = 0; entry < count; entry++) {
			const at = seq - count + 1 + entry;
			if (bySeq.get(at) !== label(writer, index, entry)) {
				problems.push(`${label(writer, index, entry)} told seq ${seq}, but seq ${at} holds ${bySeq.get(at) ?? 'nothing'}`);
			}
		}
	}
	return problems;
}
