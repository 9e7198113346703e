/**
 * Running totals of a board's log for its summary: first and last update, who sent how many,
 * updates per minute and per hour, report posts. Kept alongside the change list and extended
 * with it, so a summary costs the number of buckets, not the length of the log.
 */
import type { ActivityBucket, ActorActivity, ChangeEntry, HistorySummary, LogPoint } from '../../src/lib/protocol/history';
import type { LoggedUpdate } from '../storage/storage';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export class BoardActivity {
	private count = 0;
	private first: LogPoint | null = null;
	private last: LogPoint | null = null;
	private readonly actors = new Map<string | null, ActorActivity>();
	private readonly minutes = new Map<number, number>();
	private readonly hours = new Map<number, number>();
	private readonly reportPosts: HistorySummary['reportPosts'] = [];

	add(update: Omit<LoggedUpdate, 'update'>, changes: readonly ChangeEntry[]): void {
		const point = { seq: update.seq, at: update.at };
		this.count += 1;
		this.first ??= point;
		this.last = point;
		const actor = this.actors.get(update.actor);
		if (actor) {
			actor.updates += 1;
			actor.lastAt = update.at;
		} else this.actors.set(update.actor, { actor: update.actor, updates: 1, firstAt: update.at, lastAt: update.at });
		bump(this.minutes, update.at - (update.at % MINUTE));
		bump(this.hours, update.at - (update.at % HOUR));
		for (const change of changes) {
			if (change.collection === 'reports' && change.action === 'created') {
				this.reportPosts.push({ seq: change.seq, at: change.at, actor: change.actor, itemId: change.itemId, itemLabel: change.itemLabel });
			}
		}
	}

	summary(boardId: string): HistorySummary {
		return {
			boardId,
			count: this.count,
			first: this.first,
			last: this.last,
			actors: [...this.actors.values()].map((actor) => ({ ...actor })).sort((a, b) => b.updates - a.updates),
			// Times never go backwards in a board's log, so buckets were created in time order.
			activity: { minute: buckets(this.minutes), hour: buckets(this.hours) },
			reportPosts: [...this.reportPosts]
		};
	}
}

function bump(counts: Map<number, number>, start: number): void {
	counts.set(start, (counts.get(start) ?? 0) + 1);
}

function buckets(counts: Map<number, number>): ActivityBucket[] {
	return [...counts].map(([start, updates]) => ({ start, updates }));
}
