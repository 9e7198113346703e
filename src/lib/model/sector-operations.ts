/** Named operations on sectors. */
import * as Y from 'yjs';
import { newId } from './ids';
import { collection } from './layout';
import { stamp, transact, type OperationContext } from './operation-context';
import { insertRecord, readRecord, writeFields } from './records';
import { sectorSchema, type NewSector, type Sector } from './sector';
import { ModelValidationError, parseOrThrow } from './validation-error';

export function addSector(doc: Y.Doc, input: NewSector, context: OperationContext = {}): string {
	const id = input.id ?? newId('sector');
	const sector = parseOrThrow(sectorSchema, { ...input, id }, 'sector');
	insertRecord(doc, 'sectors', id, sector, context);
	return id;
}

export function updateSector(
	doc: Y.Doc,
	id: string,
	patch: Partial<Pick<Sector, 'name' | 'colour' | 'area' | 'note' | 'watchers'>>,
	context: OperationContext = {}
): void {
	const current = readRecord(doc, 'sectors', id);
	const map = collection(doc, 'sectors').get(id);
	if (!current || !map) {
		throw new ModelValidationError('sector', [{ path: 'id', message: `no sector with id "${id}"` }]);
	}
	const next = parseOrThrow(sectorSchema, { ...current, ...patch }, 'sector');
	const { by, at } = stamp(context);
	const changed = { name: next.name, colour: next.colour, area: next.area, note: next.note, watchers: next.watchers };
	transact(doc, context, () => writeFields(map as Y.Map<unknown>, { ...changed, updatedBy: by, updatedAt: at }));
}

export function removeSector(doc: Y.Doc, id: string, context: OperationContext = {}): void {
	transact(doc, context, () => {
		collection(doc, 'sectors').delete(id);
	});
}

/** Assigns watchers (by display name) to a sector; an empty list clears the assignment. */
export function assignSectorWatchers(doc: Y.Doc, id: string, watchers: string[], context: OperationContext = {}): void {
	const names = [...new Set(watchers.map((watcher) => watcher.trim()).filter(Boolean))];
	updateSector(doc, id, { watchers: names.length > 0 ? names : undefined }, context);
}
