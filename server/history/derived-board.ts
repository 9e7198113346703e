/**
 * One board's derived history: the replay tracker (its timeline holds every version of every
 * item), the change list, the activity totals, each item's newest change — and what they are
 * estimated to weigh (memory-estimate.ts), counted as each update is replayed.
 */
import type { ChangeEntry } from '../../src/lib/protocol/history';
import type { LoggedUpdate } from '../storage/storage';
import { BoardActivity } from './board-activity';
import { ChangeTracker } from './change-tracker';
import { ItemLatest } from './item-latest';
import { updateBytes, valueBytes } from './memory-estimate';

export class DerivedBoard {
	readonly tracker = new ChangeTracker();
	readonly changes: ChangeEntry[] = [];
	readonly activity = new BoardActivity();
	readonly latest = new ItemLatest();
	/** Extensions of one board run one after another (the cache chains them here). */
	queue: Promise<unknown> = Promise.resolve();
	/** Requests waiting on or being answered from this board: it is not let go meanwhile. */
	users = 0;
	/** Estimated heap bytes held. */
	bytes = 0;

	/** Replays the next logged update; returns the bytes it added. */
	apply(update: LoggedUpdate): number {
		const versionsBefore = this.tracker.timeline.bytes;
		const changes = this.tracker.apply(update);
		let added = updateBytes(update.update) + this.tracker.timeline.bytes - versionsBefore;
		for (const change of changes) {
			this.changes.push(change);
			this.latest.note(change);
			added += valueBytes(change);
		}
		this.activity.add(update, changes);
		this.bytes += added;
		return added;
	}

	destroy(): void {
		this.tracker.destroy();
	}
}
