/**
 * The newest change of each item on a board (for "who last changed this"), kept up to date as
 * the change list is derived, so answering costs the number of items, not of changes.
 */
import { SINCE_COLLECTIONS, type ChangeEntry, type LatestChanges, type SinceCollection } from '../../src/lib/protocol/history';

export class ItemLatest {
	private readonly byCollection = new Map<SinceCollection, Map<string, ChangeEntry>>(SINCE_COLLECTIONS.map((name) => [name, new Map()]));

	/** One update may give an item several entries, most telling first (CHANGE_ACTIONS order): keep that one. */
	note(change: ChangeEntry): void {
		if (change.collection === 'meta') return;
		const byId = this.byCollection.get(change.collection)!;
		if (change.action === 'removed') {
			byId.delete(change.itemId);
			return;
		}
		const previous = byId.get(change.itemId);
		if (previous && previous.seq === change.seq) return;
		byId.set(change.itemId, change);
	}

	/** Every item on the board now (removed ones left out) with its newest change. */
	items(): LatestChanges['items'] {
		return Object.fromEntries(
			SINCE_COLLECTIONS.map((name) => [
				name,
				Object.fromEntries([...this.byCollection.get(name)!].map(([id, { at, actor, action }]) => [id, { at, actor, action }]))
			])
		) as LatestChanges['items'];
	}
}
