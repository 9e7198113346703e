/**
 * Change derivation: named operations on a source document, each update fed to a ChangeTracker
 * as the log would hold it, and the entries checked — every action kind, updates that yield
 * several entries, removed items named by the label they had.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { collection } from '../../src/lib/model/layout';
import { describeBoard, renameBoard, setHomeView } from '../../src/lib/model/meta-operations';
import { drawFront, removeFront, reshapeFront, updateFront } from '../../src/lib/model/front-operations';
import { addPin, movePin, removePin, renamePin, updatePin } from '../../src/lib/model/pin-operations';
import { gradeReport, postReport, removeReport } from '../../src/lib/model/report-operations';
import { addSector, updateSector } from '../../src/lib/model/sector-operations';
import type { ChangeEntry } from '../../src/lib/protocol/history';
import { boardContent } from '../../server/history/board-content';
import { firstSentence } from '../../server/history/change-labels';
import { ChangeTracker } from '../../server/history/change-tracker';

/** A source board whose every update is replayed into a tracker, like the server's log. */
function recorder() {
	const source = new Y.Doc();
	const tracker = new ChangeTracker();
	let seq = 0;
	let actor: string | null = null;
	const log: ChangeEntry[][] = [];
	source.on('update', (update: Uint8Array) => {
		seq += 1;
		log.push(tracker.apply({ seq, at: 1_000 * seq, actor, update }));
	});
	/** Runs `change` as `who` and returns the entries its update(s) produced. */
	const as = (who: string | null, change: (doc: Y.Doc) => void): ChangeEntry[] => {
		actor = who;
		const before = log.length;
		change(source);
		return log.slice(before).flat();
	};
	return { source, tracker, as };
}

const brief = (entries: ChangeEntry[]) => entries.map(({ action, collection, itemId, summary }) => ({ action, collection, itemId, summary }));

describe('[H1] change list derived from the log', () => {
	it('names who did what to which pin: created, moved, renamed, restyled, control-changed, edited, removed', () => {
		const { as } = recorder();
		expect(brief(as('Olena', (doc) => addPin(doc, { id: 'pin-k', name: 'Kupiansk', lat: 49.71, lng: 37.61, sector: 'sector-izyum' })))).toEqual([
			{ action: 'created', collection: 'pins', itemId: 'pin-k', summary: "Olena added the pin 'Kupiansk'" }
		]);
		expect(as('Olena', (doc) => movePin(doc, 'pin-k', 49.72, 37.62))[0]).toMatchObject({
			action: 'moved',
			summary: "Olena moved the pin 'Kupiansk'",
			sector: 'sector-izyum',
			actor: 'Olena'
		});
		expect(as('Taras', (doc) => renamePin(doc, 'pin-k', 'Kupiansk hub'))[0]).toMatchObject({
			action: 'renamed',
			itemLabel: 'Kupiansk hub',
			summary: "Taras renamed the pin 'Kupiansk' to 'Kupiansk hub'"
		});
		expect(as('Olena', (doc) => updatePin(doc, 'pin-k', { control: 'ukraine', controlSince: 5 }))).toMatchObject([
			{ action: 'control-changed', summary: "Olena marked 'Kupiansk hub' held by Ukraine" }
		]);
		expect(as('Maya', (doc) => updatePin(doc, 'pin-k', { kind: 'rail-hub', note: 'junction' })).map((e) => e.summary)).toEqual([
			"Maya restyled the pin 'Kupiansk hub' (kind rail-hub)",
			"Maya edited the pin 'Kupiansk hub' (note)"
		]);
		expect(as('Sam', (doc) => removePin(doc, 'pin-k'))).toMatchObject([
			{ action: 'removed', itemLabel: 'Kupiansk hub', summary: "Sam removed the pin 'Kupiansk hub'", sector: 'sector-izyum' }
		]);
	});

	it('fronts: drawn, reshaped with their point count, restyled and edited in one update, removed', () => {
		const { as } = recorder();
		const points: [number, number][] = [
			[49.7, 37.6],
			[49.4, 37.6]
		];
		expect(as('Taras', (doc) => drawFront(doc, { id: 'front-o', kind: 'line', label: 'Oskil line', points }))[0]!.summary).toBe(
			"Taras drew the front 'Oskil line' (2 points)"
		);
		expect(as('Taras', (doc) => reshapeFront(doc, 'front-o', [...points, [49.2, 37.4]]))[0]).toMatchObject({
			action: 'reshaped',
			summary: "Taras reshaped the front 'Oskil line' (3 points)"
		});
		const entries = as('Olena', (doc) => updateFront(doc, 'front-o', { state: 'halted', side: 'russia', note: 'held' }));
		expect(entries.map((entry) => [entry.action, entry.summary, entry.seq])).toEqual([
			['restyled', "Olena restyled the front 'Oskil line' (side russia, state halted)", 3],
			['edited', "Olena edited the front 'Oskil line' (note)", 3]
		]);
		expect(as('Olena', (doc) => updateFront(doc, 'front-o', { label: 'Oskil river line' }))[0]!.action).toBe('renamed');
		expect(as(null, (doc) => removeFront(doc, 'front-o'))[0]!.summary).toBe("Someone removed the front 'Oskil river line'");
	});

	it('reports: posted (named by their first sentence), graded, edited, removed', () => {
		const { as } = recorder();
		const text = 'Rumours of a thrust towards Mariupol. Either an actual strike, or a demonstration.';
		expect(as('Sam', (doc) => postReport(doc, { id: 'report-m', text, eventTime: 1, confidence: 'rumour', sector: 'sector-south' }))[0]).toMatchObject({
			action: 'created',
			itemLabel: 'Rumours of a thrust towards Mariupol',
			summary: "Sam posted the report 'Rumours of a thrust towards Mariupol'",
			sector: 'sector-south'
		});
		expect(as('Maya', (doc) => gradeReport(doc, 'report-m', 'confirmed'))).toMatchObject([
			{ action: 'graded', summary: "Maya graded 'Rumours of a thrust towards Mariupol' confirmed" }
		]);
		// Regrading to the same level still adds to the grade history: a reaffirmation is news.
		expect(as('Maya', (doc) => gradeReport(doc, 'report-m', 'confirmed'))[0]!.action).toBe('graded');
		expect(as('Sam', (doc) => collection(doc, 'reports').get('report-m')!.set('sources', [{ url: 'https://example.org' }]))).toMatchObject([
			{ action: 'edited', summary: "Sam edited the report 'Rumours of a thrust towards Mariupol' (sources)" }
		]);
		expect(as('Sam', (doc) => removeReport(doc, 'report-m'))[0]!.itemLabel).toBe('Rumours of a thrust towards Mariupol');
		expect(firstSentence('x'.repeat(200)).length).toBeLessThanOrEqual(81);
		expect(firstSentence('OK. So the Ukrainians stopped along the river. Why?')).toBe('OK. So the Ukrainians stopped along the river');
	});

	it('sectors and the board meta', () => {
		const { as } = recorder();
		const area: [number, number][] = [
			[46, 32],
			[47, 33],
			[46, 34]
		];
		expect(as('Maya', (doc) => addSector(doc, { id: 'sector-kherson', name: 'Kherson', colour: '#123456' }))[0]).toMatchObject({
			summary: "Maya added the sector 'Kherson'",
			sector: 'sector-kherson'
		});
		expect(brief(as('Maya', (doc) => updateSector(doc, 'sector-kherson', { area, colour: '#654321' }))).map((e) => e.summary)).toEqual([
			"Maya reshaped the sector 'Kherson' (3 points)",
			"Maya restyled the sector 'Kherson' (colour #654321)"
		]);
		expect(as('Sam', (doc) => renameBoard(doc, 'Kharkiv'))[0]).toMatchObject({ collection: 'meta', action: 'renamed', summary: "Sam named the board 'Kharkiv'" });
		expect(as('Sam', (doc) => renameBoard(doc, 'Kharkiv 2022'))[0]!.summary).toBe("Sam renamed the board to 'Kharkiv 2022'");
		expect(as('Sam', (doc) => describeBoard(doc, 'The autumn'))[0]!.summary).toBe("Sam edited the board's description");
		expect(as('Sam', (doc) => setHomeView(doc, { lat: 48, lng: 36, zoom: 7 }))[0]!.summary).toBe("Sam set the board's home view");
	});

	it('one update touching several items yields an entry for each; provenance alone is no change', () => {
		const { as } = recorder();
		as('Olena', (doc) => addPin(doc, { id: 'pin-a', name: 'Izium', lat: 49.2, lng: 37.3 }));
		as('Olena', (doc) => addPin(doc, { id: 'pin-b', name: 'Lyman', lat: 49, lng: 37.8 }));
		const entries = as('Taras', (doc) =>
			doc.transact(() => {
				movePin(doc, 'pin-a', 49.21, 37.28);
				updatePin(doc, 'pin-b', { control: 'contested' });
				addPin(doc, { id: 'pin-c', name: 'Sviatohirsk', lat: 49.04, lng: 37.57 });
				removePin(doc, 'pin-a');
			})
		);
		// pin-a was added before this update and is gone after it: only its removal is news.
		expect(entries.map((entry) => `${entry.itemId} ${entry.action}`).sort()).toEqual(['pin-a removed', 'pin-b control-changed', 'pin-c created']);
		expect(new Set(entries.map((entry) => entry.seq)).size).toBe(1);
		expect(as('Taras', (doc) => collection(doc, 'pins').get('pin-b')!.set('updatedAt', 99))).toEqual([]);
	});

	it('the tracker holds the board exactly as the source, and its timeline every earlier version', () => {
		const { source, tracker, as } = recorder();
		const contents = [boardContent(source)];
		const step = (who: string, change: (doc: Y.Doc) => void) => {
			as(who, change);
			contents.push(boardContent(source));
		};
		step('Olena', (doc) => addPin(doc, { id: 'pin-b', name: 'Balakliia', lat: 49.46, lng: 36.84 }));
		step('Taras', (doc) => drawFront(doc, { kind: 'area', points: [[1, 1], [2, 2], [3, 1]] }));
		step('Olena', (doc) => movePin(doc, 'pin-b', 49.5, 36.9));
		step('Sam', (doc) => renameBoard(doc, 'Izium'));
		step('Sam', (doc) => removePin(doc, 'pin-b'));
		step('Sam', (doc) => collection(doc, 'pins').set('pin-bad', new Y.Map())); // no fields: skipped by readers
		expect(Y.encodeStateVector(tracker.doc)).toEqual(Y.encodeStateVector(source));
		expect(tracker.doc.getMap('pins').toJSON()).toEqual(source.getMap('pins').toJSON());
		contents.forEach((content, seq) => expect(tracker.timeline.contentAt(seq), `seq ${seq}`).toEqual(content));
		expect(tracker.timeline.seqAt(2_500)).toBe(2);
		expect(() => tracker.apply({ seq: 1, at: 0, actor: null, update: new Uint8Array([0, 0]) })).toThrow(/replayed/);
	});
});
