/**
 * The list of boards: create, rename, look up. One place for both the HTTP API and the control
 * plane, so a board created through either is announced to every socket.io client. The title
 * lives in the board's storage row (to list boards without loading them) and in its document's
 * `meta.title` (so Yjs clients see it); this module keeps the two in step.
 */
import { EventEmitter } from 'node:events';
import { renameBoard } from '../../src/lib/model/meta-operations';
import { metaFields } from '../../src/lib/model/meta';
import { parseOrThrow } from '../../src/lib/model/validation-error';
import type { BoardSummary } from '../../src/lib/protocol/boards';
import type { BoardsChange } from '../../src/lib/protocol/control-events';
import { isTransactionOrigin, serverOrigin } from '../rooms/origins';
import type { Room } from '../rooms/room';
import type { RoomRegistry } from '../rooms/room-registry';
import type { BoardStorage } from '../storage/storage';
import { detached } from '../error-boundary';
import type { Logger } from '../logger';

/** Lower-case, dash-separated, ASCII; the random suffix keeps two "Kherson" boards apart. */
export function slugFor(title: string): string {
	const base = title
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40);
	const suffix = Math.random().toString(36).slice(2, 8).padEnd(6, '0');
	return base ? `${base}-${suffix}` : `board-${suffix}`;
}

export class BoardDirectory {
	private readonly events = new EventEmitter();

	constructor(
		private readonly storage: BoardStorage,
		private readonly rooms: RoomRegistry,
		private readonly logger: Logger
	) {}

	list(): Promise<BoardSummary[]> {
		return this.storage.listBoards();
	}

	get(id: string): Promise<BoardSummary | undefined> {
		return this.storage.getBoard(id);
	}

	/** Creates a board with its title written into its document too; `id` is chosen if not given. */
	async create(request: { title: string; id?: string; actor?: string; at?: number }): Promise<BoardSummary> {
		const title = parseOrThrow(metaFields.title, request.title, 'title');
		const at = request.at ?? Date.now();
		const board = await this.storage.createBoard({ id: request.id ?? slugFor(title), title, at });
		await this.withRoom(board.id, (room) => renameBoard(room.doc, title, { origin: serverOrigin(request.actor ?? 'server', at) }));
		this.emit({ type: 'created', board });
		return board;
	}

	/** Renames a board: its document's title changes, and watchRoom's observer updates the list. */
	async rename(id: string, title: string, actor = 'server'): Promise<BoardSummary | undefined> {
		const value = parseOrThrow(metaFields.title, title, 'title');
		if (!(await this.storage.getBoard(id))) return undefined;
		await this.withRoom(id, (room) => renameBoard(room.doc, value, { origin: serverOrigin(actor) }));
		return this.storage.getBoard(id);
	}

	/** Reads a board's live document (loading it if needed), e.g. to check that an alert's link exists. */
	async readDoc<T>(id: string, read: (doc: Room['doc']) => T): Promise<T> {
		let result: { value: T } | undefined;
		await this.withRoom(id, (room) => (result = { value: read(room.doc) }));
		return result!.value;
	}

	/** Keeps the list in step when a watcher renames a board through its document. */
	watchRoom(room: Room): void {
		room.doc.getMap('meta').observe((event) => {
			if (!event.keysChanged.has('title')) return;
			const origin = event.transaction.origin;
			// Loaded, or another server's change: the server that accepted the rename lists it.
			if (isTransactionOrigin(origin) && (origin.source === 'storage' || origin.source === 'peer')) return;
			const parsed = metaFields.title.safeParse(room.doc.getMap('meta').get('title'));
			if (parsed.success) detached(this.logger, `board ${room.boardId}: listing its new title`, this.syncTitle(room.boardId, parsed.data));
		});
	}

	onChange(listener: (change: BoardsChange) => void): () => void {
		this.events.on('change', listener);
		return () => this.events.off('change', listener);
	}

	/** Runs a change on a board's live document and waits until it is in the log. */
	async withRoom(id: string, change: (room: Room) => void): Promise<void> {
		const room = await this.rooms.open(id);
		change(room);
		await room.flush();
		if (room.connections.size === 0) room.releaseIfIdle();
	}

	/** Stores and announces a title that changed in a board's document; an unchanged one is no news. */
	private async syncTitle(boardId: string, title: string): Promise<void> {
		const current = await this.storage.getBoard(boardId);
		if (!current || current.title === title) return;
		const board = await this.storage.renameBoard(boardId, title, Date.now());
		if (board) this.emit({ type: 'renamed', board });
	}

	private emit(change: BoardsChange): void {
		this.events.emit('change', change);
	}
}
