/**
 * One open board in the browser: its Y.Doc, the y-websocket provider that syncs it, and reactive
 * views of it (pins, title, connection state) for components to read. Components never touch
 * the Y.Doc layout; they call the model's named operations with `session.context`.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { collection, metaMap } from '$lib/model/layout';
import { readMeta } from '$lib/model/meta-operations';
import type { OperationContext } from '$lib/model/operation-context';
import type { Front } from '$lib/model/front';
import type { CollectionName } from '$lib/model/layout';
import type { Pin } from '$lib/model/pin';
import { readAll } from '$lib/model/records';
import type { Report } from '$lib/model/report';
import type { Sector } from '$lib/model/sector';
import type { BoardMeta } from '$lib/model/meta';
import { CLOSE_CODES } from '$lib/protocol/close-codes';
import { ACTOR_PARAM, YJS_PATH } from '$lib/protocol/endpoints';
import { ACCESS_API, TOKEN_PARAM, type MyAccess, type Role } from '$lib/protocol/access';
import { adoptTokenFromUrl, authorizedFetch, boardToken, forgetToken } from './board-token';
import { connectionState, type ConnectionState } from './connection-state';
import { SavingPause } from './saving-pause';
import { UndoHistory } from './undo-history.svelte';

/** Transaction origin of this browser's own edits (an UndoManager will track exactly these). */
export const LOCAL_ORIGIN = Symbol('local edit');

export class BoardSession {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	/** This browser's copy of the board: shown at once, edited offline, merged on reconnect. */
	readonly persistence: IndexeddbPersistence;
	readonly context: OperationContext;
	/** Undo / redo of this browser's own edits (LOCAL_ORIGIN), never another watcher's. */
	readonly undo: UndoHistory;
	/** The watcher's name: recorded with every change (on the Yjs URL and in `context`). */
	actor = $state('');

	// Raw: each view is replaced whole on every change, so deep proxies would only add cost.
	pins = $state.raw<Pin[]>([]);
	fronts = $state.raw<Front[]>([]);
	reports = $state.raw<Report[]>([]);
	sectors = $state.raw<Sector[]>([]);
	meta = $state<BoardMeta>({});
	connection = $state<ConnectionState>('connecting');
	/** Set when the server says the board does not exist. */
	notFound = $state(false);
	/** What this watcher may do here; null until the server has said (treated as read-only). */
	role = $state<Role | null>(null);
	/** Why this browser cannot use the board as it tried (a dead link, a private board). */
	accessProblem = $state<string | null>(null);
	/** The server refused a change from this browser (close 4422): why. */
	refused = $state<string | null>(null);
	/** True once the first full sync with the server has completed. */
	loaded = $state(false);

	private everConnected = false;
	/** The server refuses this browser's edits for now (4507, its storage away). */
	private readonly savingPause = new SavingPause(() => this.updateConnection());
	private status: 'connecting' | 'connected' | 'disconnected' = 'connecting';

	constructor(
		readonly boardId: string,
		actor: string
	) {
		this.actor = actor;
		this.context = { actor, origin: LOCAL_ORIGIN };
		this.undo = new UndoHistory(this.doc, LOCAL_ORIGIN);
		adoptTokenFromUrl(boardId);
		const token = boardToken(boardId);
		this.persistence = new IndexeddbPersistence(`situation-board:${boardId}`, this.doc);
		void this.persistence.whenSynced.then(() => {
			if (this.hasContent()) this.loaded = true;
		});
		const wsOrigin = location.origin.replace(/^http/, 'ws');
		this.provider = new WebsocketProvider(`${wsOrigin}${YJS_PATH}`, boardId, this.doc, {
			params: token ? { [ACTOR_PARAM]: actor, [TOKEN_PARAM]: token } : { [ACTOR_PARAM]: actor }
		});
		void this.loadRole();
		this.provider.on('status', ({ status }) => {
			this.status = status;
			if (status === 'connected') this.everConnected = true;
			this.updateConnection();
		});
		this.provider.on('sync', (synced: boolean) => {
			if (synced) this.loaded = true;
			if (synced) this.savingPause.synced();
			this.updateConnection();
		});
		this.provider.on('connection-close', (event) => {
			if (event?.code !== CLOSE_CODES.storageUnavailable) this.savingPause.otherClose();
			if (event?.code === CLOSE_CODES.unknownBoard) {
				this.notFound = true;
				this.provider.disconnect();
			} else if (event?.code === CLOSE_CODES.unauthorized || event?.code === CLOSE_CODES.revoked) {
				// A dead link: say so, and forget it so the next visit tries as an anonymous watcher.
				forgetToken(this.boardId);
				this.accessProblem =
					event.code === CLOSE_CODES.revoked ? 'Your link to this board was revoked.' : 'This board needs a valid link to open.';
				this.role = null;
				this.provider.disconnect();
			} else if (event?.code === CLOSE_CODES.readOnly) {
				this.role = 'viewer';
				this.accessProblem = 'You can view this board but not edit it.';
			} else if (event?.code === CLOSE_CODES.storageUnavailable) {
				// Not a dead end: the provider reconnects and resends what was refused.
				this.savingPause.refused();
			} else if (event?.code === CLOSE_CODES.rejected) {
				// Reconnecting would resend the same change and be refused again.
				this.refused = event.reason || 'a change from this browser does not fit the board';
				this.provider.disconnect();
			}
		});
		for (const [name, refresh] of this.refreshers) collection(this.doc, name).observeDeep(refresh);
		metaMap(this.doc).observe(this.refreshMeta);
	}

	/** Asks the server what this watcher may do (the UI hides tools a viewer cannot use). */
	private async loadRole(): Promise<void> {
		try {
			const response = await authorizedFetch(this.boardId)(ACCESS_API.me(this.boardId));
			if (response.ok) this.role = ((await response.json()) as MyAccess).role;
			else if (response.status === 401 || response.status === 403) {
				forgetToken(this.boardId);
				this.accessProblem = 'This board needs a valid link to open.';
			}
		} catch {
			// Offline: keep editing locally; the server checks again on reconnect.
			this.role ??= 'editor';
		}
	}

	/**
	 * The watcher took another name: later changes carry it, and the connection is remade so the
	 * server logs it too (the actor rides on the Yjs URL). Nothing is lost: Yjs resyncs on reconnect.
	 */
	rename(actor: string): void {
		if (actor === this.actor) return;
		this.actor = actor;
		this.context.actor = actor;
		this.provider.params[ACTOR_PARAM] = actor;
		if (this.provider.shouldConnect) {
			this.provider.disconnect();
			this.provider.connect();
		}
	}

	/** Forgets this browser's copy of the board (including the refused change) and starts over. */
	async discardLocalCopy(): Promise<void> {
		await this.persistence.clearData();
		location.reload();
	}

	destroy(): void {
		for (const [name, refresh] of this.refreshers) collection(this.doc, name).unobserveDeep(refresh);
		metaMap(this.doc).unobserve(this.refreshMeta);
		this.undo.destroy();
		this.savingPause.destroy();
		this.provider.destroy();
		void this.persistence.destroy();
		this.doc.destroy();
	}

	private hasContent(): boolean {
		return this.doc.share.size > 0 && [...this.doc.share.values()].some((type) => type._map.size > 0);
	}

	private updateConnection(): void {
		this.connection = connectionState(this.status, this.provider.synced, this.everConnected, this.savingPause.paused);
	}

	/** Each collection's view is re-read only when that collection changed. */
	private readonly refreshers: [CollectionName, () => void][] = [
		['pins', () => (this.pins = readAll(this.doc, 'pins'))],
		['fronts', () => (this.fronts = readAll(this.doc, 'fronts'))],
		['reports', () => (this.reports = readAll(this.doc, 'reports'))],
		['sectors', () => (this.sectors = readAll(this.doc, 'sectors'))]
	];

	private readonly refreshMeta = () => {
		this.meta = readMeta(this.doc);
	};
}
