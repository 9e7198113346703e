/**
 * [CL10] The board's update budget with a clock the test moves: updates other nodes logged draw
 * on it, as every node applies them; each node counts as one sender for the fair share.
 */
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { UpdateBudget } from '../../server/transport/update-budget';

const LIMITS = { callerUpdatesPerSecond: 1_000, callerUpdatesBurst: 1_000, boardUpdatesPerSecond: 100, boardUpdatesBurst: 100 };

function budget() {
	let clock = 0;
	const updates = new UpdateBudget(LIMITS, () => clock);
	return { updates, advance: (ms: number) => (clock += ms) };
}

/** Sends `count` updates of one connection; how many were let in before the first refusal, and that refusal. */
function send(updates: UpdateBudget, sender: object, count: number) {
	for (let sent = 0; sent < count; sent++) {
		const refusal = updates.take('lyman', `caller-${String((sender as { id: number }).id)}`, sender);
		if (refusal) return { sent, refusal };
	}
	return { sent: count, refusal: null };
}

describe('[CL10] a board budget shared by the nodes', () => {
	it('[CL10] what other nodes logged draws on it: a sender here over its fair share is refused sooner', () => {
		const alone = budget();
		expect(send(alone.updates, { id: 1 }, 150)).toEqual({ sent: 100, refusal: CLOSE_CODES.boardRateLimited });

		const shared = budget();
		shared.updates.spentElsewhere('lyman', 'node-b', 80);
		// 20 left of the burst; then over the fair share (100 / 2 senders) the sender here is closed.
		expect(send(shared.updates, { id: 1 }, 150)).toEqual({ sent: 50, refusal: CLOSE_CODES.boardRateLimited });
	});

	it('[CL10] never below empty: once the flood elsewhere ends the budget refills at its rate', () => {
		const { updates, advance } = budget();
		updates.spentElsewhere('lyman', 'node-b', 10_000);
		advance(1_000);
		expect(send(updates, { id: 1 }, 100)).toEqual({ sent: 100, refusal: null });
	});

	it('[CL10] a well-behaved sender keeps sending while another node floods (it is under its fair share)', () => {
		const { updates, advance } = budget();
		const dragger = { id: 2 };
		for (let second = 0; second < 3; second++) {
			updates.spentElsewhere('lyman', 'node-b', 500);
			expect(send(updates, dragger, 30).refusal).toBeNull();
			advance(1_000);
		}
	});
});
