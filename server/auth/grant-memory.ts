/**
 * The last answers the database gave to "may this secret open this board?", kept for when it
 * cannot answer (PostgreSQL away). A watcher whose connection drops during a database outage —
 * a network blip, a node killed and its watchers moving to another — may then rejoin a board that
 * is still loaded and read on, as the watchers who stayed do. Used only when the database throws,
 * never in place of a working one; a board's answers are forgotten at any change to its access
 * (a token revoked, the mode changed, a re-read after Redis was away), and revoking needs the
 * database, so a remembered grant cannot outlive a revocation made while it was down.
 */
import type { Grant } from './board-access';

/** Enough for every watcher of a busy node to rejoin; ~300 bytes each. */
const MAX_REMEMBERED = 10_000;

export class GrantMemory {
	/** `${boardId}\n${secret hash or ''}` → the answer (null: refused), oldest use first. */
	private readonly answers = new Map<string, Grant | null>();
	/** Counts forgets: an answer read across one (a revocation racing the read) is not kept. */
	private forgets = 0;

	constructor(private readonly capacity = MAX_REMEMBERED) {}

	/** Take before asking the database; hand to `remember` with its answer. */
	ticket(): number {
		return this.forgets;
	}

	remember(ticket: number, boardId: string, secretHash: string, grant: Grant | null): void {
		if (ticket !== this.forgets) return;
		const key = `${boardId}\n${secretHash}`;
		this.answers.delete(key);
		this.answers.set(key, grant);
		if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
	}

	/** The remembered answer; undefined when there is none. */
	recall(boardId: string, secretHash: string): Grant | null | undefined {
		const key = `${boardId}\n${secretHash}`;
		if (!this.answers.has(key)) return undefined;
		const grant = this.answers.get(key)!;
		// Most recently used last, so the oldest is let go first.
		this.answers.delete(key);
		this.answers.set(key, grant);
		return grant;
	}

	forget(boardId: string): void {
		this.forgets++;
		const prefix = `${boardId}\n`;
		for (const key of this.answers.keys()) if (key.startsWith(prefix)) this.answers.delete(key);
	}

	get size(): number {
		return this.answers.size;
	}
}
