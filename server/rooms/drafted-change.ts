/**
 * A change the server makes on someone's behalf (the records API), held to the same rules as a
 * watcher's update: the change is drafted on a shadow copy of the board, and only the update it
 * made is validated and applied to the live document — so a request that would break a board
 * limit or a schema is refused before anything is applied, logged or broadcast, exactly like a
 * refused Yjs update, instead of trusting the server's own code path.
 *
 * The shadow is made once (a full copy, on the first change through the API) and then follows
 * the live document update by update, so a draft costs what the change costs, not a copy of the
 * board (a copy of the 40 KB demo board took 5–20 ms; a 5 MB board would block the server for
 * most of a second per request). A draft that fails or is refused may have written to the shadow:
 * it is then dropped and copied afresh next time. Following costs every watcher's update a second
 * apply on the room's thread, so a shadow unused for SHADOW_IDLE_MS is dropped too: a board a bot
 * wrote to once does not pay for it forever.
 */
import * as Y from 'yjs';
import type { UpdateValidator } from './update-validator';

/** The content validator said no; `reason` names the record and field. */
export class DraftRefused extends Error {
	constructor(readonly reason: string) {
		super(reason);
		this.name = 'DraftRefused';
	}
}

/** Origin of the shadow's own bookkeeping transactions, so they are not taken for the draft. */
const FOLLOW = Symbol('follow the live document');

/** How long a shadow outlives the last change drafted on it. */
export const SHADOW_IDLE_MS = 60_000;

/**
 * Drafts changes for one live document. Writes as `clientId`: one writer id per live board — not
 * the board document's own (Yjs gives a document a new id when a remote update carries its own)
 * and not a fresh one per request (every id stays in the board's state vector forever). Draft and
 * apply happen in one synchronous turn, so nothing else writes as that id in between.
 */
export class ChangeDrafter {
	private shadow: Y.Doc | null = null;
	private idleTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(
		private readonly doc: Y.Doc,
		private readonly clientId: number,
		private readonly validator: UpdateValidator
	) {
		doc.on('update', this.follow);
	}

	/** Runs `change` on the shadow, validates what it wrote against the live doc, applies it with `origin`. */
	apply<T>(origin: unknown, change: (draft: Y.Doc) => T): T {
		const shadow = this.shadowDoc();
		this.dropWhenIdle();
		const written: Uint8Array[] = [];
		const record = (update: Uint8Array, from: unknown) => {
			if (from !== FOLLOW) written.push(update);
		};
		shadow.on('update', record);
		let result!: T;
		try {
			// One transaction, however many named operations the change runs: one logged update.
			shadow.transact(() => {
				result = change(shadow);
			});
		} catch (error) {
			this.dropShadow();
			throw error;
		} finally {
			shadow.off('update', record);
		}
		if (written.length === 0) return result;
		const update = written.length === 1 ? written[0]! : Y.mergeUpdates(written);
		const verdict = this.validator(this.doc, update);
		if (!verdict.ok) {
			this.dropShadow();
			throw new DraftRefused(verdict.reason);
		}
		Y.applyUpdate(this.doc, update, origin);
		return result;
	}

	/** Whether a shadow is being kept in step with the live document (it costs every update an apply). */
	get following(): boolean {
		return this.shadow !== null;
	}

	destroy(): void {
		this.doc.off('update', this.follow);
		this.dropShadow();
	}

	private shadowDoc(): Y.Doc {
		if (this.shadow) return this.shadow;
		const shadow = new Y.Doc({ gc: this.doc.gc });
		Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc), FOLLOW);
		// Set after loading: loading a state that holds this id's writes would make Yjs pick another.
		shadow.clientID = this.clientId;
		this.shadow = shadow;
		return shadow;
	}

	/** Every change to the live board, the API's own included (then a no-op), reaches the shadow. */
	private readonly follow = (update: Uint8Array): void => {
		if (this.shadow) Y.applyUpdate(this.shadow, update, FOLLOW);
	};

	private dropWhenIdle(): void {
		if (this.idleTimer) clearTimeout(this.idleTimer);
		this.idleTimer = setTimeout(() => this.dropShadow(), SHADOW_IDLE_MS);
		this.idleTimer.unref?.();
	}

	private dropShadow(): void {
		if (this.idleTimer) clearTimeout(this.idleTimer);
		this.idleTimer = null;
		this.shadow?.destroy();
		this.shadow = null;
	}
}
