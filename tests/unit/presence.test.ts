import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readAll } from '../../src/lib/model/records';
import { addPin, movePin, renamePin } from '../../src/lib/model/pin-operations';
import { activityOf, IDLE_AFTER_MS, nextActivityChangeAt } from '../../src/lib/presence/activity';
import { throttleLatest } from '../../src/lib/presence/throttle';
import { PRESENCE_FIELD, readPresence, type Presence } from '../../src/lib/protocol/presence';
import { ownEditsUndoManager, UNDO_CAPTURE_MS } from '../../src/lib/sync/undo-scope';
import { defaultColourFor, textColourOn, WATCHER_COLOURS } from '../../src/lib/presence/watcher-colour';
import { checkWatcherName, hasChosenName, setWatcherName, watcherName } from '../../src/lib/sync/watcher-name';

const valid: Presence = {
	name: 'Olena',
	colour: '#e6194b',
	activity: 'active',
	sector: 'sector-izyum',
	cursor: { lat: 49.2, lng: 37.3 },
	view: { lat: 49.2, lng: 37.3, zoom: 9 }
};
const state = (presence: unknown) => ({ [PRESENCE_FIELD]: presence });

describe('activity (idle state machine)', () => {
	const now = 1_000_000;
	it('is active after recent input, idle after IDLE_AFTER_MS without, away whenever the page is hidden', () => {
		expect(activityOf({ visible: true, lastInputAt: now - 1_000, now })).toBe('active');
		expect(activityOf({ visible: true, lastInputAt: now - IDLE_AFTER_MS + 1, now })).toBe('active');
		expect(activityOf({ visible: true, lastInputAt: now - IDLE_AFTER_MS, now })).toBe('idle');
		expect(activityOf({ visible: false, lastInputAt: now, now })).toBe('away');
		expect(activityOf({ visible: false, lastInputAt: now - 10 * IDLE_AFTER_MS, now })).toBe('away');
	});
	it('says when an active watcher will turn idle, and that nothing changes by itself otherwise', () => {
		expect(nextActivityChangeAt({ visible: true, lastInputAt: now - 1_000, now })).toBe(now - 1_000 + IDLE_AFTER_MS);
		expect(nextActivityChangeAt({ visible: true, lastInputAt: now - IDLE_AFTER_MS, now })).toBeNull();
		expect(nextActivityChangeAt({ visible: false, lastInputAt: now, now })).toBeNull();
		expect(activityOf({ visible: true, lastInputAt: 0, now: 5_000 }, 5_000)).toBe('idle');
	});
});

describe('awareness state validation', () => {
	it('reads a well-formed presence, ignoring fields other tools put in the state', () => {
		expect(readPresence({ ...state(valid), cursorOfAnotherTool: 1 })).toEqual(valid);
		expect(readPresence(state({ ...valid, sector: null, cursor: null, view: null }))).toMatchObject({ sector: null });
	});
	it.each([
		['no state', null],
		['a non-object state', 'Olena'],
		['a state without presence', { user: { name: 'Olena' } }],
		['no name', state({ ...valid, name: undefined })],
		['a blank name', state({ ...valid, name: '   ' })],
		['a name longer than 64', state({ ...valid, name: 'x'.repeat(65) })],
		['a colour that is not #rrggbb', state({ ...valid, colour: 'red; background:url(x)' })],
		['an unknown activity', state({ ...valid, activity: 'sleeping' })],
		['a bad sector id', state({ ...valid, sector: '<img src=x>' })],
		['a cursor off the globe', state({ ...valid, cursor: { lat: 91, lng: 0 } })],
		['a cursor of strings', state({ ...valid, cursor: { lat: '49', lng: '37' } })],
		['a zoom out of range', state({ ...valid, view: { lat: 0, lng: 0, zoom: 99 } })],
		['a view with NaN', state({ ...valid, view: { lat: Number.NaN, lng: 0, zoom: 5 } })]
	])('ignores a peer state with %s', (_what, raw) => {
		expect(readPresence(raw)).toBeNull();
	});
});

describe('watcher colours and names', () => {
	it('gives the same name the same palette colour everywhere, and different names a spread of colours', () => {
		expect(defaultColourFor('Olena')).toBe(defaultColourFor('Olena'));
		const names = ['Olena', 'Taras', 'Maya', 'Andriy', 'Iryna', 'Dmytro', 'Sofia', 'Bohdan', 'Kateryna', 'Yurii'];
		const colours = names.map(defaultColourFor);
		for (const colour of colours) expect(WATCHER_COLOURS).toContain(colour);
		expect(new Set(colours).size).toBeGreaterThanOrEqual(5);
	});
	it('picks black or white text, whichever reads on the colour', () => {
		expect(textColourOn('#000075')).toBe('#ffffff');
		expect(textColourOn('#e6194b')).toBe('#ffffff');
		expect(textColourOn('#ffe119')).toBe('#000000');
		expect(new Set(WATCHER_COLOURS).size).toBe(WATCHER_COLOURS.length);
	});
	it('accepts a trimmed name of 1–64 characters and says what is wrong with others', () => {
		expect(checkWatcherName('  Olena ')).toEqual({ ok: true, name: 'Olena' });
		expect(checkWatcherName('   ')).toEqual({ ok: false, error: 'Please enter a name.' });
		expect(checkWatcherName('x'.repeat(65))).toEqual({ ok: false, error: 'A name is at most 64 characters.' });
	});
	it('replaces a stored name that is not a valid one (it would ride in presence, which the server refuses)', () => {
		const stored = new Map<string, string>();
		vi.stubGlobal('localStorage', {
			getItem: (key: string) => stored.get(key) ?? null,
			setItem: (key: string, value: string) => void stored.set(key, value),
			removeItem: (key: string) => void stored.delete(key)
		});
		try {
			setWatcherName('  Olena ');
			expect(watcherName()).toBe('Olena');
			setWatcherName('x'.repeat(65));
			expect(watcherName()).toMatch(/^Watcher \d{4}$/);
			expect(hasChosenName()).toBe(false);
		} finally {
			vi.unstubAllGlobals();
		}
	});
});

describe('cursor throttling', () => {
	afterEach(() => vi.useRealTimers());
	it('sends at once, then at most once per interval, and always the newest value last', () => {
		vi.useFakeTimers();
		const sent: number[] = [];
		const throttle = throttleLatest<number>((value) => sent.push(value), 80);
		throttle.push(1);
		expect(sent).toEqual([1]);
		for (let value = 2; value <= 10; value++) {
			throttle.push(value);
			vi.advanceTimersByTime(10);
		}
		// Values 2–9 came at 0–70 ms: one trailing send at 80 ms carries the newest (9); 10 waits for 160 ms.
		expect(sent).toEqual([1, 9]);
		vi.advanceTimersByTime(80);
		expect(sent).toEqual([1, 9, 10]);
		vi.advanceTimersByTime(1_000);
		expect(sent).toEqual([1, 9, 10]);
		// After a quiet spell the next value goes at once; a cancelled pending value never goes.
		throttle.push(11);
		throttle.push(12);
		throttle.cancel();
		vi.advanceTimersByTime(1_000);
		expect(sent).toEqual([1, 9, 10, 11]);
	});
});

describe('undo of one’s own edits only', () => {
	const LOCAL = Symbol('local');
	/** Two replicas wired together; B's changes reach A with a "provider" origin, as from the server. */
	function pair() {
		const a = new Y.Doc();
		const b = new Y.Doc();
		b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'from-a' && Y.applyUpdate(a, update, 'provider'));
		a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'provider' && Y.applyUpdate(b, update, 'from-a'));
		return { a, b };
	}

	it('takes back my last change and leaves the other watcher’s, then redoes it', () => {
		const { a, b } = pair();
		const undo = ownEditsUndoManager(a, LOCAL);
		const mine = addPin(a, { name: 'Balakliia', lat: 49.46, lng: 36.86 }, { actor: 'Olena', origin: LOCAL });
		undo.stopCapturing();
		const theirs = addPin(b, { name: 'Kupiansk', lat: 49.71, lng: 37.61 }, { actor: 'Taras', origin: 'taras' });
		renamePin(b, mine, 'Balakliia (Taras)', { origin: 'taras' });
		expect(undo.undoStack.length).toBe(1);
		undo.undo();
		expect(readAll(a, 'pins').map((pin) => pin.id)).toEqual([theirs]);
		expect(readAll(b, 'pins').map((pin) => pin.id)).toEqual([theirs]);
		expect(undo.canUndo()).toBe(false);
		undo.redo();
		expect(readAll(b, 'pins').map((pin) => pin.id).sort()).toEqual([mine, theirs].sort());
	});

	it('groups a burst of moves (a drag) into one step, but not moves further apart', () => {
		const doc = new Y.Doc();
		const undo = ownEditsUndoManager(doc, LOCAL);
		const id = addPin(doc, { name: 'Izium', lat: 49.2, lng: 37.2 }, { origin: LOCAL });
		undo.stopCapturing();
		for (let step = 1; step <= 5; step++) movePin(doc, id, 49.2 + step / 100, 37.2, { origin: LOCAL });
		expect(undo.undoStack.length).toBe(2);
		undo.undo();
		expect(readAll(doc, 'pins')[0]?.lat).toBe(49.2);
		expect(UNDO_CAPTURE_MS).toBeGreaterThanOrEqual(300);
	});

	it('never tracks changes without the local origin (remote sync, the offline copy)', () => {
		const doc = new Y.Doc();
		const undo = ownEditsUndoManager(doc, LOCAL);
		addPin(doc, { name: 'Lyman', lat: 48.99, lng: 37.8 }, { origin: 'provider' });
		addPin(doc, { name: 'Sviatohirsk', lat: 49.04, lng: 37.57 });
		expect(undo.canUndo()).toBe(false);
	});
});

describe('sector assignment', () => {
	it('assigns watchers by name (trimmed, once each), clears with an empty list, and refuses too many', async () => {
		const { addSector, assignSectorWatchers } = await import('../../src/lib/model/sector-operations');
		const { ModelValidationError } = await import('../../src/lib/model/validation-error');
		const doc = new Y.Doc();
		const id = addSector(doc, { name: 'Izyum' });
		assignSectorWatchers(doc, id, [' Olena', 'Taras', 'Olena', ''], { actor: 'Maya' });
		expect(readAll(doc, 'sectors')[0]).toMatchObject({ watchers: ['Olena', 'Taras'], updatedBy: 'Maya' });
		assignSectorWatchers(doc, id, []);
		expect(readAll(doc, 'sectors')[0]?.watchers).toBeUndefined();
		expect(() => assignSectorWatchers(doc, id, Array.from({ length: 25 }, (_, i) => `W${i}`))).toThrow(ModelValidationError);
	});
});
