/** Named operations on fronts (lines, arrows, areas). */
import * as Y from 'yjs';
import { z } from 'zod';
import { latLngPair } from './common';
import { frontPatchSchema, frontSchema, type FrontPatch, type NewFront } from './front';
import { newId } from './ids';
import { collection } from './layout';
import { LIMITS } from './limits';
import { stamp, transact, type OperationContext } from './operation-context';
import { insertRecord, readRecord, writeFields } from './records';
import { ModelValidationError, parseOrThrow } from './validation-error';

function frontMap(doc: Y.Doc, id: string) {
	const map = collection(doc, 'fronts').get(id);
	// A foreign client may have put something else under the id: treat it as missing, not crash.
	if (!(map instanceof Y.Map)) throw new ModelValidationError('front', [{ path: 'id', message: `no front with id "${id}"` }]);
	return map;
}

/** Draws a new front and returns its id. */
export function drawFront(doc: Y.Doc, input: NewFront, context: OperationContext = {}): string {
	const id = input.id ?? newId('front');
	const front = parseOrThrow(frontSchema, { ...input, id }, 'front');
	insertRecord(doc, 'fronts', id, front, context);
	return id;
}

/** Replaces a front's vertices (a vertex drag, an added point, a whole move). */
export function reshapeFront(
	doc: Y.Doc,
	id: string,
	points: [number, number][],
	context: OperationContext = {}
): void {
	const current = readRecord(doc, 'fronts', id);
	if (!current) throw new ModelValidationError('front', [{ path: 'id', message: `no front with id "${id}"` }]);
	const checked = parseOrThrow(z.array(latLngPair).max(LIMITS.pointsPerShape), points, 'points');
	parseOrThrow(frontSchema, { ...current, points: checked }, 'front');
	const { by, at } = stamp(context);
	transact(doc, context, () => writeFields(frontMap(doc, id), { points: checked, updatedBy: by, updatedAt: at }));
}

/** Changes a front's label, side, state, sector or note. */
export function updateFront(doc: Y.Doc, id: string, patch: FrontPatch, context: OperationContext = {}): void {
	const fields = parseOrThrow(frontPatchSchema, patch, 'front');
	const { by, at } = stamp(context);
	transact(doc, context, () => writeFields(frontMap(doc, id), { ...fields, updatedBy: by, updatedAt: at }));
}

export function removeFront(doc: Y.Doc, id: string, context: OperationContext = {}): void {
	transact(doc, context, () => {
		collection(doc, 'fronts').delete(id);
	});
}
