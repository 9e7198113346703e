/**
 * [C30] Whatever the content validator accepts keeps the board valid. A seeded stream of updates
 * — model operations, raw writes of random keys and values, stale replicas racing, and bit-flipped
 * or truncated copies of all of these — goes through the validator; what it accepts is applied.
 * After every step: no exception anywhere, nothing left pending in Yjs, no foreign top-level
 * type, and every record and meta value parses with the model's schemas.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLECTION_NAMES, TOP_LEVEL_NAMES, collection, metaMap } from '../../src/lib/model/layout';
import { metaFields } from '../../src/lib/model/meta';
import { addPin, movePin } from '../../src/lib/model/pin-operations';
import { drawFront } from '../../src/lib/model/front-operations';
import { readAll } from '../../src/lib/model/records';
import { validateUpdate } from '../../server/rooms/update-validator';
import { seededRandom } from '../helpers/seeded-random';


const random = seededRandom(20221111);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const KEYS = ['name', 'lat', 'lng', 'kind', 'points', 'text', 'eventTime', 'sources', 'place', 'note', 'colour', 'title', 'homeView', 'zoom', 'id', 'x'];
const VALUES: (() => unknown)[] = [
	() => random() * 400 - 200,
	() => 'x'.repeat(Math.floor(random() * 5000)),
	() => pick(['town', 'line', 'area', 'rumour', '', ' ', '#12ab34', 'javascript:alert(1)', 'https://example.org']),
	() => [[49, 37], [49.5, 37.5], [50, 38]].slice(0, Math.floor(random() * 4)),
	() => [{ url: pick(['https://a.org', 'data:x']), title: 't' }],
	() => ({ lat: 49, lng: 37, zoom: random() * 30, extra: random() < 0.3 ? 1 : undefined }),
	() => pick([null, undefined, true, 1.5, -1, 1_662_000_000_000]),
	() => new Uint8Array([1, 2]),
	() => pick([new Y.Map(), new Y.Array(), new Y.Text('t')])
];

/** One random change on a replica, mostly bypassing the model. */
function scribble(doc: Y.Doc): void {
	const roll = random();
	const records = COLLECTION_NAMES.flatMap((name) => [...collection(doc, name).keys()].map((id) => ({ name, id })));
	const target = records.length > 0 ? pick(records) : null;
	const map = target && collection(doc, target.name).get(target.id);
	const fields = map instanceof Y.Map ? map : null; // a stale replica may hold what the board refused
	if (roll < 0.15) addPin(doc, { name: 'p', lat: random() * 180 - 90, lng: 37 });
	else if (roll < 0.25 && fields && target?.name === 'pins') movePin(doc, target.id, 49, 37);
	else if (roll < 0.3) drawFront(doc, { kind: 'line', points: [[49, 37], [50, 38]] });
	else if (roll < 0.55 && fields) fields.set(pick(KEYS), pick(VALUES)());
	else if (roll < 0.65 && fields) fields.delete(pick(KEYS));
	else if (roll < 0.7 && target) collection(doc, target.name).delete(target.id);
	else if (roll < 0.8) {
		const map = new Y.Map<unknown>();
		for (let i = 0; i < 4; i++) map.set(pick(KEYS), pick(VALUES)());
		collection(doc, pick(COLLECTION_NAMES)).set(pick(['r1', 'r2', 'bad id', `n${Math.floor(random() * 1e6)}`]), map);
	} else if (roll < 0.93) metaMap(doc).set(pick(KEYS), pick(VALUES)());
	else doc.getMap(pick(['meta', 'pins', 'other'])).set(pick(KEYS), pick(VALUES)());
}

function mutate(update: Uint8Array): Uint8Array {
	const bytes = update.slice(0, random() < 0.3 ? Math.floor(random() * update.length) : update.length);
	for (let flips = Math.floor(random() * 3); flips > 0 && bytes.length > 0; flips--) bytes[Math.floor(random() * bytes.length)]! ^= 1 << Math.floor(random() * 8);
	return bytes;
}

function expectValidBoard(doc: Y.Doc): void {
	expect(doc.store.pendingStructs).toBeNull();
	expect(doc.store.pendingDs).toBeNull();
	for (const name of doc.share.keys()) expect(TOP_LEVEL_NAMES).toContain(name);
	for (const name of COLLECTION_NAMES) expect(readAll(doc, name).length).toBe(collection(doc, name).size);
	for (const [key, value] of metaMap(doc).entries()) {
		expect(Object.hasOwn(metaFields, key)).toBe(true);
		expect(metaFields[key as keyof typeof metaFields].safeParse(value).success).toBe(true);
	}
}

describe('content validation under fuzz', () => {
	it('[C30] what it accepts keeps every record valid, and nothing throws', () => {
		const live = new Y.Doc();
		const replicas = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
		let accepted = 0;
		for (let step = 0; step < 2000; step++) {
			const slot = Math.floor(random() * replicas.length);
			const replica = replicas[slot]!;
			if (random() < 0.5) Y.applyUpdate(replica, Y.encodeStateAsUpdate(live, Y.encodeStateVector(replica))); // else: stale, racing
			const before = Y.encodeStateVector(replica);
			scribble(replica);
			let update = Y.encodeStateAsUpdate(replica, random() < 0.5 ? before : Y.encodeStateVector(live));
			if (random() < 0.3) update = mutate(update);
			const verdict = validateUpdate(live, update);
			expect(verdict.ok || verdict.reason.length > 0).toBe(true);
			if (!verdict.ok) {
				// A refused client is let go; it comes back as a fresh replica (its bad edit would be resent forever).
				replicas[slot] = new Y.Doc();
				continue;
			}
			Y.applyUpdate(live, update);
			accepted++;
			expectValidBoard(live);
		}
		expect(accepted).toBeGreaterThan(300);
	}, 60_000);
});
