import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPin, movePin } from '../../src/lib/model/pin-operations';
import { readAll } from '../../src/lib/model/records';
import { Keyframes } from '../../server/rooms/keyframes';
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
		const keyframes = new Keyframes(host, { writeKeyframe: async (_, keyframe) => void written.push(keyframe) }, 2, silent);
		const board = loggedBoard();
		keyframes.open('b', [Y.encodeStateAsUpdate(board.doc)], 0);
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

	it('[K2] one keyframe per interval, and close reports the newest', async () => {
		const host = makeHost();
		started.push(host);
		const written: number[] = [];
		const keyframes = new Keyframes(host, { writeKeyframe: async (_, { seq }) => void written.push(seq) }, 3, silent);
		const board = loggedBoard();
		keyframes.open('b', [], 0);
		for (let seq = 1; seq <= 7; seq++) {
			addPin(board.doc, { name: `pin ${seq}`, lat: 48, lng: 37 });
			keyframes.logged('b', board.log.splice(0), seq, seq);
			await keyframes.settled('b');
		}
		expect(written).toEqual([3, 6]);
		expect(await keyframes.close('b')).toBe(6);
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
			1,
			{ info() {}, warn: (line: string) => void warnings.push(line) }
		);
		const board = loggedBoard();
		keyframes.open('b', [], 0);
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
		const keyframes = new Keyframes(slow, { writeKeyframe: async (_, { seq }) => void written.push(seq) }, 2, silent);
		const board = loggedBoard();
		keyframes.open('b', [], 0);
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
