/**
 * Where each struct of an update lands in the board: in a top-level map (under which key), in a
 * record's map (which collection, which record, which field), inside some nested type (never
 * allowed), or nowhere (Yjs turns it into a GC struct). Mirrors yjs `Item.getMissing`:
 * - an item with an origin or right origin carries no parent of its own: it inherits parent and
 *   key from its origin item, else from its right-origin item — an item of the doc or one placed
 *   earlier in this update (content-order.ts guarantees it was);
 * - otherwise it names a top-level type, or the id of the item that holds its parent type;
 * - if its origin or right origin was garbage-collected, or its parent item holds no type (a
 *   deleted record whose content was collected), Yjs drops it as a GC struct: it changes nothing.
 */
import * as Y from 'yjs';
import { COLLECTIONS, type CollectionName } from '../../src/lib/model/layout';
import { malformed, where } from './content-reasons';
import type { UpdateStructs } from './content-order';
import { decodedParent, holderOf, parentType, rootName } from './content-yjs';

export type Container =
	| { kind: 'root'; name: string }
	/** `fresh`: the record map is created by this update (else it is in the doc). */
	| { kind: 'record'; collection: CollectionName; id: string; holder: Y.Item; fresh: boolean }
	| { kind: 'nested'; label: string }
	| { kind: 'dropped' };

export interface Placement {
	container: Container;
	/** The map key (`parentSub`); null for a list position. */
	key: string | null;
}

const DROPPED: Placement = { container: { kind: 'dropped' }, key: null };

export const isCollection = (name: string): name is CollectionName => Object.hasOwn(COLLECTIONS, name);

/** "pins/pin-a", "pins/pin-a.note", "meta.homeView": where a placement is, for reasons. */
export function label(placement: Placement): string {
	const { container, key } = placement;
	const path = key === null ? [] : [key];
	if (container.kind === 'root') return isCollection(container.name) && key !== null ? where(container.name, key) : where(container.name, null, path);
	if (container.kind === 'record') return where(container.collection, container.id, path);
	if (container.kind === 'nested') return `${container.label}.${key ?? '[]'}`;
	return 'a collected change';
}

export class Placements {
	private readonly fresh = new Map<Y.Item, Placement>();
	private readonly known = new Map<Y.Item, Placement>();

	constructor(private readonly update: UpdateStructs) {}

	/** Where an item already integrated in the doc sits. */
	ofDocItem(item: Y.Item): Placement {
		let placement = this.known.get(item);
		if (!placement) {
			const type = parentType(item);
			const holder = holderOf(type);
			const container: Container = holder ? this.containerHeldBy(holder, this.ofDocItem(holder), false) : { kind: 'root', name: rootName(type) };
			placement = { container, key: item.parentSub };
			this.known.set(item, placement);
		}
		return placement;
	}

	/** Where the item placed earlier in this update sits. */
	ofFresh(item: Y.Item): Placement {
		return this.fresh.get(item) ?? DROPPED;
	}

	/** Resolves, and remembers, where a new item of this update lands. */
	place(item: Y.Item): Placement {
		const placement = this.resolve(item);
		this.fresh.set(item, placement);
		return placement;
	}

	private resolve(item: Y.Item): Placement {
		if (item.origin || item.rightOrigin) {
			const left = item.origin ? this.at(item.origin) : null;
			const right = item.rightOrigin ? this.at(item.rightOrigin) : null;
			if (left?.container.kind === 'dropped' || right?.container.kind === 'dropped') return DROPPED;
			const from = (left ?? right)!;
			return { container: from.container, key: from.key };
		}
		const parent = decodedParent(item);
		if (typeof parent === 'string') return { container: { kind: 'root', name: parent }, key: item.parentSub };
		if (!(parent instanceof Y.ID)) throw malformed('a change has no parent');
		const found = this.update.lookup(parent);
		if (!found || !(found.struct instanceof Y.Item)) return DROPPED;
		const holderPlacement = found.fresh ? this.ofFresh(found.struct) : this.ofDocItem(found.struct);
		return { container: this.containerHeldBy(found.struct, holderPlacement, found.fresh), key: item.parentSub };
	}

	/** The placement of the struct holding `id` (a GC struct places nothing). */
	private at(id: Y.ID): Placement {
		const found = this.update.lookup(id);
		if (!found) throw malformed('a change refers to a change it does not carry');
		if (!(found.struct instanceof Y.Item)) return DROPPED;
		return found.fresh ? this.ofFresh(found.struct) : this.ofDocItem(found.struct);
	}

	/** What the type held by `holder` is: a record when it is a Y.Map directly in a collection. */
	private containerHeldBy(holder: Y.Item, at: Placement, fresh: boolean): Container {
		if (at.container.kind === 'dropped' || !(holder.content instanceof Y.ContentType)) return { kind: 'dropped' };
		const { container, key } = at;
		if (container.kind === 'root' && isCollection(container.name) && key !== null && holder.content.type.constructor === Y.Map) {
			return { kind: 'record', collection: container.name, id: key, holder, fresh };
		}
		return { kind: 'nested', label: label(at) };
	}
}
