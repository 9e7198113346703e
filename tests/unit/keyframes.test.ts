import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPin, movePin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { keyframeDue, keyframeEvery, keyframePolicy } from '../../server/rooms/keyframe-policy';
import { Keyframes, NO_KEYFRAME } from '../../server/rooms/keyframes';
import { inThreadShadows, type ShadowHost } from '../../server/rooms/shadow-host';
import { workerShadows } from '../../server/rooms/worker-shadows';
import type { Keyframe } from '../../server/storage/storage';

const silent = { info() {}, warn() {} };

/** A board that records each of its updates, as the room's log would. */
function loggedBoard() {
	const doc = new Y.Doc();
	const log: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => log.push(update));
	return { doc, log };
}

function pinsOf(state: Uint8Array) {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return readAll(doc, 'pins').map((pin) => [pin.name, pin.lat]);
}

const hosts: [string, () => ShadowHost][] = [
	['in thread', inThreadShadows],
	['in a worker', () => workerShadows(silent)]
];
const started: ShadowHost[] = [];
afterAll(() => Promise.all(started.map((host) => host.terminate())));

describe.each(hosts)('keyframes (shadows %s)', (_, makeHost) => {
	it('[K1] a keyframe is the board at its sequence number, not at the moment it is encoded', async () => {
		const host = makeHost();
		started.push(host);
		const written: Keyframe[] = [];
		const keyframes = new Keyframes(host, { writeKeyframe: async (_, keyframe) => void written.push(keyframe) }, keyframeEvery(2), silent);
		const board = loggedBoard();
		keyframes.open('b', [Y.encodeStateAsUpdate(board.doc)], NO_KEYFRAME);
		const id = addPin(board.doc, { name: 'Izium', lat: 49.2, lng: 37.3 });
		movePin(board.doc, id, 49.21, 37.3);
		keyframes.logged('b', board.log.splice(0), 2, 2_000);
		// The live board moves on before the snapshot is taken; the keyframe must not include it.
		movePin(board.doc, id, 50, 37.3);
		await keyframes.settled('b');
		expect(written.map(({ seq, at }) => ({ seq, at }))).toEqual([{ seq: 2, at: 2_000 }]);
		expect(pinsOf(written[0]!.state)).toEqual([['Izium', 49.21]]);
		await keyframes.close('b');
	});

	it('[K2] one keyframe per interval, and close says whether one is due', async () => {
		const host = makeHost();
		started.push(host);
		const written: number[] = [];
		const keyframes = new Keyframes(host, { writeKeyframe: async (_, { seq }) => void written.push(seq) }, keyframeEvery(3), silent);
		const board = loggedBoard();
		keyframes.open('b', [], NO_KEYFRAME);
		for (let seq = 1; seq <= 7; seq++) {
			addPin(board.doc, { name: `pin ${seq}`, lat: 48, lng: 37 });
			keyframes.logged('b', board.log.splice(0), seq, seq);
			await keyframes.settled('b');
		}
		expect(written).toEqual([3, 6]);
		// One update past the keyframe at 6: not due, so the closing room writes none.
		expect((await keyframes.close('b')).due).toBe(false);
	});

	it('[K3] a failed write is logged and keyframes go on', async () => {
		const host = makeHost();
		started.push(host);
		const warnings: string[] = [];
		let fail = true;
		const written: number[] = [];
		const keyframes = new Keyframes(
			host,
			{
				writeKeyframe: async (_, { seq }) => {
					if (fail) throw new Error('disk full');
					written.push(seq);
				}
			},
			keyframeEvery(1),
			{ info() {}, warn: (line: string) => void warnings.push(line) }
		);
		const board = loggedBoard();
		keyframes.open('b', [], NO_KEYFRAME);
		addPin(board.doc, { name: 'a', lat: 48, lng: 37 });
		keyframes.logged('b', board.log.splice(0), 1, 1);
		await keyframes.settled('b');
		fail = false;
		addPin(board.doc, { name: 'b', lat: 48, lng: 37 });
		keyframes.logged('b', board.log.splice(0), 2, 2);
		await keyframes.settled('b');
		expect(warnings).toEqual(['board b: keyframe at 1 not written: disk full']);
		expect(written).toEqual([2]);
		await keyframes.close('b');
	});
});

describe('keyframes behind a slow host', () => {
	it('[K5] when the log runs past an interval during a snapshot, the next keyframe follows at once', async () => {
		const inner = inThreadShadows();
		const release: (() => void)[] = [];
		// A host whose snapshots wait until released: the worker still starting, or busy.
		const slow: ShadowHost = {
			...inner,
			snapshot: (boardId) => {
				const state = inner.snapshot(boardId);
				return new Promise((resolve) => release.push(() => resolve(state)));
			}
		};
		const written: number[] = [];
		const keyframes = new Keyframes(slow, { writeKeyframe: async (_, { seq }) => void written.push(seq) }, keyframeEvery(2), silent);
		const board = loggedBoard();
		keyframes.open('b', [], NO_KEYFRAME);
		for (let seq = 1; seq <= 7; seq++) {
			addPin(board.doc, { name: `pin ${seq}`, lat: 48, lng: 37 });
			keyframes.logged('b', board.log.splice(0), seq, seq);
		}
		while (release.length > 0) {
			release.shift()!();
			await new Promise((resolve) => setImmediate(resolve));
		}
		await keyframes.settled('b');
		expect(written).toEqual([2, 7]);
	});
});

describe('keyframe policy', () => {
	const policy = { minUpdates: 10, maxUpdates: 100, tailShare: 0.5 };

	it('[K6] due past the minimum once the tail weighs its share of the keyframe, and always at the maximum', () => {
		expect(keyframeDue(policy, { keyframeBytes: 1000, updates: 9, bytes: 5000 })).toBe(false);
		expect(keyframeDue(policy, { keyframeBytes: 1000, updates: 10, bytes: 499 })).toBe(false);
		expect(keyframeDue(policy, { keyframeBytes: 1000, updates: 10, bytes: 500 })).toBe(true);
		expect(keyframeDue(policy, { keyframeBytes: 1_000_000, updates: 99, bytes: 9_900 })).toBe(false);
		expect(keyframeDue(policy, { keyframeBytes: 1_000_000, updates: 100, bytes: 10_000 })).toBe(true);
		// No keyframe yet: due at the minimum.
		expect(keyframeDue(policy, { keyframeBytes: 0, updates: 10, bytes: 0 })).toBe(true);
		// A maximum below the minimum is read as the minimum.
		expect(keyframePolicy(10, 5)).toMatchObject({ minUpdates: 10, maxUpdates: 10 });
		expect(keyframeDue(keyframeEvery(3), { keyframeBytes: 1e9, updates: 3, bytes: 1 })).toBe(true);
	});

	it('[K7] a growing board gets keyframes at growing gaps, their bytes a small multiple of the log', async () => {
		const written: Keyframe[] = [];
		const keyframes = new Keyframes(inThreadShadows(), { writeKeyframe: async (_, keyframe) => void written.push(keyframe) }, keyframePolicy(5, 10_000), silent);
		const board = loggedBoard();
		keyframes.open('b', [], NO_KEYFRAME);
		let logBytes = 0;
		for (let seq = 1; seq <= 1_000; seq++) {
			addPin(board.doc, { name: `pin ${seq}`, lat: 48, lng: 37 });
			for (const update of board.log) logBytes += update.byteLength;
			keyframes.logged('b', board.log.splice(0), seq, seq);
			await keyframes.settled('b');
		}
		const seqs = written.map((keyframe) => keyframe.seq);
		const gaps = seqs.map((seq, index) => seq - (seqs[index - 1] ?? 0));
		// A fixed interval of 5 would have written 200 keyframes, the later ones each the whole board.
		expect(seqs.length).toBeGreaterThan(5);
		expect(seqs.length).toBeLessThan(20);
		expect(gaps.slice(1).every((gap, index) => gap >= gaps[index]!)).toBe(true);
		const keyframeBytes = written.reduce((sum, keyframe) => sum + keyframe.state.byteLength, 0);
		expect(keyframeBytes).toBeLessThan(4 * logBytes);
		// Each keyframe is still exactly the board at its sequence number.
		expect(pinsOf(written.at(-1)!.state)).toHaveLength(written.at(-1)!.seq);
		await keyframes.close('b');
	});

	it('[K8] tiny edits on a large board get a keyframe at the maximum count; the tail survives a reopen', async () => {
		const written: number[] = [];
		const keyframes = new Keyframes(inThreadShadows(), { writeKeyframe: async (_, { seq }) => void written.push(seq) }, keyframePolicy(2, 30), silent);
		const board = loggedBoard();
		// A board of a thousand pins (~100 kB of state), then edits of a few dozen bytes each.
		for (let i = 0; i < 1_000; i++) addPin(board.doc, { name: `town ${i}`, lat: 46 + i / 500, lng: 33 });
		const pin = addPin(board.doc, { name: 'Lyman', lat: 48.98, lng: 37.8 });
		board.log.splice(0);
		const state = Y.encodeStateAsUpdate(board.doc);
		// As the registry reopens a board: its newest keyframe at seq 100, and 10 updates after it.
		keyframes.open('b', [state], { seq: 100, bytes: state.byteLength, tailBytes: 500 });
		for (let seq = 101; seq <= 170; seq++) {
			movePin(board.doc, pin, 48.98 + seq / 10_000, 37.8);
			keyframes.logged('b', board.log.splice(0), seq, seq);
			await keyframes.settled('b');
		}
		// 30 after the keyframe at 100, then every 30: half of the board's size is never reached.
		expect(written).toEqual([130, 160]);
		expect((await keyframes.close('b')).due).toBe(false);
	});
});
