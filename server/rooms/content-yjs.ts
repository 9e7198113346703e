/**
 * Read-only lookups into a live Y.Doc for the content validator — the one module that reaches past
 * Yjs's everyday API. The validator must not clone the document per update (it runs on every
 * change), so it reads the integrated struct store instead: which clocks the doc holds, the struct
 * holding an id, the current item of a map key, the root name of a type. Everything here is
 * exported by yjs 13.6 (`getState`, `getItem`, `findIndexSS`, `findRootTypeKey`) except three
 * fields every AbstractType and StructStore carry and Yjs's own integration uses: `type._item` (the
 * item holding a nested type), `type._map` (a map key's current item, live or deleted) and
 * `store.clients` (each client's structs in clock order). Nothing here writes to the document.
 */
import * as Y from 'yjs';

export type Struct = Y.Item | Y.GC | Y.Skip;
export type Integrated = Y.Item | Y.GC;
/** A Yjs type of any kind (maps, arrays, texts: their event types differ). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its events as `any`; no narrower type fits every kind
export type AnyType = Y.AbstractType<any>;
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;
export type DeleteSet = DecodedUpdate['ds'];

/** The doc's clock for `client`: every struct of that client below it is integrated. */
export function docState(doc: Y.Doc, client: number): number {
	return Y.getState(doc.store, client);
}

/** The integrated struct holding `id`. The caller has checked `id.clock < docState(doc, id.client)`. */
export function docStruct(doc: Y.Doc, id: Y.ID): Integrated {
	// `getItem` is typed as returning an Item, but it returns whatever struct holds the clock.
	return Y.getItem(doc.store, id) as Integrated;
}

/** Calls `visit` for each integrated struct of `client` overlapping [clock, end). */
export function forEachDocStruct(doc: Y.Doc, client: number, clock: number, end: number, visit: (struct: Integrated) => void): void {
	const structs = doc.store.clients.get(client);
	if (!structs || structs.length === 0 || clock >= end) return;
	for (let index = Y.findIndexSS(structs, clock); index < structs.length; index++) {
		const struct = structs[index]!;
		if (struct.id.clock >= end) break;
		visit(struct);
	}
}

/** The type an integrated item sits in (after integration `parent` is always a type). */
export function parentType(item: Y.Item): AnyType {
	return item.parent as AnyType;
}

/** The item holding a nested type; null for a top-level type. */
export function holderOf(type: AnyType): Y.Item | null {
	return type._item;
}

/** The name of a top-level type in its document. */
export function rootName(type: AnyType): string {
	return Y.findRootTypeKey(type);
}

/** A top-level type if the document has one by that name (without creating it). */
export function rootType(doc: Y.Doc, name: string): AnyType | undefined {
	return doc.share.get(name) as AnyType | undefined;
}

/** The rightmost item of a map key — the key's value if it is not deleted. */
export function currentItem(type: AnyType | undefined, key: string): Y.Item | undefined {
	return type?._map.get(key);
}

/** Upper bound of a map's live entries, in O(1): its keys, deleted ones included. */
export function keyCountBound(type: AnyType | undefined): number {
	return type?._map.size ?? 0;
}

/** The exact number of live entries of a map, in O(keys). */
export function liveEntryCount(type: AnyType | undefined): number {
	let count = 0;
	for (const item of type?._map.values() ?? []) if (!item.deleted) count++;
	return count;
}

/** The value a map entry item holds (a map reads the last one of its content). */
export function itemValue(item: Y.Item): unknown {
	const values = item.content.getContent();
	return values[values.length - 1];
}

/** Where a just-decoded item says it belongs: a root name, a parent item's id, or inherited (null). */
export function decodedParent(item: Y.Item): string | Y.ID | null {
	// Decoding stores a root type's *name* in `parent` (Yjs resolves it when applying).
	return item.parent as unknown as string | Y.ID | null;
}
