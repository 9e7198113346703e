/**
 * The last answers the database gave to "may this secret open this board?", kept for when it
 * cannot answer (PostgreSQL away). A watcher whose connection drops during a database outage —
 * a network blip, a node killed and its watchers moving to another — may then rejoin a board that
 * is still loaded and read on, as the watchers who stayed do.
 *
 * Failing closed wherever news could be missing: used only when the database throws, never in
 * place of a working one; only grants are kept (a refusal stays a refusal: the database's error);
 * an answer counts for MAX_AGE_MS after the database gave it; a board's answers are forgotten at
 * any change to its access, and an answer read across such a change is not kept (a ticket);
 * in cluster mode every answer is forgotten when Redis is lost, as another node's revocation may
 * then go unheard. Revoking needs the database, so a revocation made while it is down cannot be
 * missed.
 */
import type { Grant } from './board-access';

/** Enough for every watcher of a busy node to rejoin; ~300 bytes each. */
const MAX_REMEMBERED = 10_000;
/** How long an answer of the database counts for: the longest a missed revocation could matter. */
export const GRANT_MEMORY_MAX_AGE_MS = 15 * 60_000;

interface Remembered {
	grant: Grant;
	/** When the database gave it (ms, the memory's clock). */
	at: number;
}

export class GrantMemory {
	/** `${boardId}\n${secret hash or ''}` → the answer, least recently used first. */
	private readonly answers = new Map<string, Remembered>();
	/** The keys of each board's answers, so forgetting a board does not scan every answer. */
	private readonly byBoard = new Map<string, Set<string>>();
	/** Counts forgets: an answer read across one (a revocation racing the read) is not kept. */
	private forgets = 0;

	constructor(
		private readonly capacity = MAX_REMEMBERED,
		private readonly now: () => number = () => Date.now()
	) {}

	/** Take before asking the database; hand to `remember` with its answer. */
	ticket(): number {
		return this.forgets;
	}

	remember(ticket: number, boardId: string, secretHash: string, grant: Grant | null): void {
		const key = `${boardId}\n${secretHash}`;
		if (ticket !== this.forgets || !grant) {
			// A refusal replaces a grant this secret had: it must not come back from here.
			this.drop(boardId, key);
			return;
		}
		this.answers.delete(key);
		this.answers.set(key, { grant, at: this.now() });
		const keys = this.byBoard.get(boardId) ?? this.byBoard.set(boardId, new Set()).get(boardId)!;
		keys.add(key);
		if (this.answers.size > this.capacity) {
			const oldest = this.answers.keys().next().value!;
			this.drop(oldest.slice(0, oldest.indexOf('\n')), oldest);
		}
	}

	/** The remembered grant, if the database gave it within MAX_AGE_MS; undefined otherwise. */
	recall(boardId: string, secretHash: string): Grant | undefined {
		const key = `${boardId}\n${secretHash}`;
		const remembered = this.answers.get(key);
		if (!remembered) return undefined;
		if (this.now() - remembered.at > GRANT_MEMORY_MAX_AGE_MS) {
			this.drop(boardId, key);
			return undefined;
		}
		// Most recently used last, so the oldest is let go first.
		this.answers.delete(key);
		this.answers.set(key, remembered);
		return remembered.grant;
	}

	forget(boardId: string): void {
		this.forgets++;
		for (const key of this.byBoard.get(boardId) ?? []) this.answers.delete(key);
		this.byBoard.delete(boardId);
	}

	/** Every board's answers (news of access changes may have been lost). */
	forgetAll(): void {
		this.forgets++;
		this.answers.clear();
		this.byBoard.clear();
	}

	get size(): number {
		return this.answers.size;
	}

	private drop(boardId: string, key: string): void {
		this.answers.delete(key);
		const keys = this.byBoard.get(boardId);
		keys?.delete(key);
		if (keys?.size === 0) this.byBoard.delete(boardId);
	}
}
