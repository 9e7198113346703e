/** Named operations on pins. Each validates its input, then changes the document in one transaction. */
import * as Y from 'yjs';
import { latitude, longitude, name as pinName } from './common';
import { newId } from './ids';
import { collection } from './layout';
import { stamp, transact, type OperationContext } from './operation-context';
import { newPinSchema, pinPatchSchema, type NewPin, type PinPatch } from './pin';
import { insertRecord, writeFields } from './records';
import { ModelValidationError, parseOrThrow } from './validation-error';

function pinMap(doc: Y.Doc, id: string) {
	const map = collection(doc, 'pins').get(id);
	// A foreign client may have put something else under the id: treat it as missing, not crash.
	if (!(map instanceof Y.Map)) throw new ModelValidationError('pin', [{ path: 'id', message: `no pin with id "${id}"` }]);
	return map;
}

/** Adds a pin and returns its id. */
export function addPin(doc: Y.Doc, input: NewPin, context: OperationContext = {}): string {
	const pin = parseOrThrow(newPinSchema, input, 'pin');
	const id = pin.id ?? newId('pin');
	insertRecord(doc, 'pins', id, pin, context);
	return id;
}

export function movePin(doc: Y.Doc, id: string, lat: number, lng: number, context: OperationContext = {}): void {
	const position = { lat: parseOrThrow(latitude, lat, 'lat'), lng: parseOrThrow(longitude, lng, 'lng') };
	const { by, at } = stamp(context);
	transact(doc, context, () => writeFields(pinMap(doc, id), { ...position, updatedBy: by, updatedAt: at }));
}

export function renamePin(doc: Y.Doc, id: string, name: string, context: OperationContext = {}): void {
	const value = parseOrThrow(pinName, name, 'name');
	const { by, at } = stamp(context);
	transact(doc, context, () => writeFields(pinMap(doc, id), { name: value, updatedBy: by, updatedAt: at }));
}

/**
 * A change of hands is news from the moment it is recorded, unless the change says when it
 * happened. Stamped to the minute: the precision the pin editor shows and lets a watcher correct.
 */
function controlStamp(map: Y.Map<unknown>, patch: PinPatch, at: number): Pick<PinPatch, 'controlSince'> {
	if (patch.control === undefined || patch.control === map.get('control') || 'controlSince' in patch) return {};
	return { controlSince: Math.floor(at / 60_000) * 60_000 };
}

/**
 * Changes a pin's descriptive fields (kind, side, control, sector, note). Every path — the board's
 * editor, the records API, a script — gets the same rule for control (`controlStamp`).
 */
export function updatePin(doc: Y.Doc, id: string, patch: PinPatch, context: OperationContext = {}): void {
	const fields = parseOrThrow(pinPatchSchema, patch, 'pin');
	const { by, at } = stamp(context);
	transact(doc, context, () => {
		const map = pinMap(doc, id);
		writeFields(map, { ...fields, ...controlStamp(map, patch, at), updatedBy: by, updatedAt: at });
	});
}

export function removePin(doc: Y.Doc, id: string, context: OperationContext = {}): void {
	transact(doc, context, () => {
		collection(doc, 'pins').delete(id);
	});
}
