/**
 * Who watches which board on the control plane: one entry per connection (a second join moves
 * it). An alert's recipients are read here, so "seen by 4 of 6" counts watchers, not sockets.
 */
import type { WatcherRef } from '../../src/lib/protocol/alerts';

export interface Watch {
	boardId: string;
	watcher: WatcherRef;
	/** Shown on the watcher's pings; null when the page did not say. */
	colour: string | null;
}

export class WatcherRoster {
	private readonly watches = new Map<string, Watch>();

	/** Makes `connection` a watcher of `watch.boardId`; answers the board it watched before, if any. */
	watch(connection: string, watch: Watch): string | null {
		const before = this.watches.get(connection)?.boardId ?? null;
		this.watches.set(connection, watch);
		return before;
	}

	/** Stops `connection` watching; answers the board it watched, if any. */
	leave(connection: string): string | null {
		const before = this.watches.get(connection)?.boardId ?? null;
		this.watches.delete(connection);
		return before;
	}

	of(connection: string): Watch | undefined {
		return this.watches.get(connection);
	}

	/** Everyone watching a board, once each (a watcher id is one open page, kept across reconnects). */
	watchersOf(boardId: string): WatcherRef[] {
		const seen = new Map<string, WatcherRef>();
		for (const watch of this.watches.values()) if (watch.boardId === boardId) seen.set(watch.watcher.id, watch.watcher);
		return [...seen.values()];
	}

	/** The connections watching a board, with what each watches. */
	connectionsOn(boardId: string): [string, Watch][] {
		return [...this.watches].filter(([, watch]) => watch.boardId === boardId);
	}

	clear(): void {
		this.watches.clear();
	}
}
