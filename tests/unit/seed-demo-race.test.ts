/**
 * [CL8] Nodes of a new cluster starting together with SEED_DEMO race to create the demo board:
 * the one that loses finds it made (by the winner, who plays the script) and starts anyway.
 */
import { describe, expect, it } from 'vitest';
import type { BoardDirectory } from '../../server/boards/board-directory';
import { seedDemoBoard } from '../../server/demo/seed-demo';
import type { DemoBoard } from '../../server/demo/demo-script';
import type { BoardSummary } from '../../src/lib/protocol/boards';

const demo = { id: 'kharkiv-2022', title: 'Kharkiv 2022', steps: [] } as unknown as DemoBoard;
const silent = { info() {}, warn() {} };
const summary: BoardSummary = { id: demo.id, title: demo.title, createdAt: 0, updatedAt: 0 } as BoardSummary;

/** A directory as another node's creation leaves it: absent when first asked, taken when created. */
function raced(madeByOther: boolean) {
	let asked = 0;
	const played: string[] = [];
	const directory = {
		get: async () => (asked++ === 0 || !madeByOther ? undefined : summary),
		create: async () => {
			throw new Error(`board ${demo.id} exists`);
		},
		withRoom: async () => void played.push('script')
	} as unknown as BoardDirectory;
	return { directory, played };
}

describe('[CL8] seeding the demo on a cluster', () => {
	it('[CL8] a node that loses the race to create the demo board leaves it to the winner and starts', async () => {
		const { directory, played } = raced(true);
		await expect(seedDemoBoard(directory, demo, silent)).resolves.toBe(false);
		expect(played).toEqual([]);
	});

	it('[CL8] a create that fails for another reason still stops the start, saying why', async () => {
		const { directory } = raced(false);
		await expect(seedDemoBoard(directory, demo, silent)).rejects.toThrow(/exists/);
	});
});
