/**
 * Forking a board: a new board whose document starts as another board stood at a moment — to
 * try a "what if" without touching the record, or to carry on from an earlier state. The state
 * goes in through the new board's live room, so the fork's own log starts with it (and its
 * watchers, attribution and replay work as on any board); `meta.forkedFrom` says where it came
 * from.
 */
import * as Y from 'yjs';
import type { ForkedFrom } from '../../src/lib/model/meta';
import { markForked, readMeta, renameBoard } from '../../src/lib/model/meta-operations';
import { LIMITS } from '../../src/lib/model/limits';
import type { ForkResponse } from '../../src/lib/protocol/history';
import type { BoardDirectory } from '../boards/board-directory';
import { serverOrigin } from '../rooms/origins';
import type { BoardMoment } from './time-travel';

export interface ForkOptions {
	sourceId: string;
	/** The moment to fork from; forkBoard destroys its document. */
	moment: BoardMoment;
	/** Left out: "<the source's title> (fork)". */
	title?: string;
	/** Who forked it, as the fork's log records it. */
	actor: string;
}

export async function forkBoard(directory: BoardDirectory, options: ForkOptions): Promise<ForkResponse> {
	const { moment, actor } = options;
	const state = Y.encodeStateAsUpdate(moment.doc);
	// The source's title as it stood then: the fork names it, even once the source is renamed.
	const sourceTitle = readMeta(moment.doc).title;
	moment.doc.destroy();
	const origin: ForkedFrom = { boardId: options.sourceId, ...(sourceTitle ? { title: sourceTitle } : {}), seq: moment.seq, at: moment.at };
	const title = options.title ?? forkTitle(sourceTitle ?? options.sourceId);
	const board = await directory.create({ title, actor });
	await directory.withRoom(board.id, (room) => {
		// One transaction, so the fork's log holds one update with the whole state. The source's
		// title arrives with its state and would compete with the fork's own (a concurrent write
		// to meta.title, decided by client ids): writing the fork's title again after it, in the
		// same transaction, settles it — and the title observer only ever sees the fork's title.
		room.doc.transact(() => {
			Y.applyUpdate(room.doc, state);
			renameBoard(room.doc, board.title);
			markForked(room.doc, origin);
		}, serverOrigin(actor));
	});
	return { ...board, forkedFrom: origin };
}

/** "<title> (fork)", the source's title shortened to leave room for the suffix. */
export function forkTitle(sourceTitle: string): string {
	const suffix = ' (fork)';
	return `${sourceTitle.slice(0, LIMITS.boardTitleLength - suffix.length).trimEnd()}${suffix}`;
}
