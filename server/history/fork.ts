/**
 * Forking a board: a new board whose document starts as another board stood at a moment — to
 * try a "what if" without touching the record, or to carry on from an earlier state. The state
 * goes in through the new board's live room, so the fork's own log starts with it (and its
 * watchers, attribution and replay work as on any board); `meta.forkedFrom` says where it came
 * from.
 */
import * as Y from 'yjs';
import { metaMap } from '../../src/lib/model/layout';
import { renameBoard } from '../../src/lib/model/meta-operations';
import { FORKED_FROM_KEY, type ForkedFrom, type ForkResponse } from '../../src/lib/protocol/history';
import type { BoardDirectory } from '../boards/board-directory';
import { serverOrigin } from '../rooms/origins';
import type { BoardMoment } from './time-travel';

export interface ForkOptions {
	sourceId: string;
	/** The moment to fork from; forkBoard destroys its document. */
	moment: BoardMoment;
	title: string;
	/** Who forked it, as the fork's log records it. */
	actor: string;
}

export async function forkBoard(directory: BoardDirectory, options: ForkOptions): Promise<ForkResponse> {
	const { moment, title, actor } = options;
	const state = Y.encodeStateAsUpdate(moment.doc);
	moment.doc.destroy();
	const origin: ForkedFrom = { boardId: options.sourceId, seq: moment.seq, at: moment.at };
	const board = await directory.create({ title, actor });
	await directory.withRoom(board.id, (room) => {
		// One transaction, so the fork's log holds one update with the whole state. The source's
		// title arrives with its state and would compete with the fork's own (a concurrent write
		// to meta.title, decided by client ids): writing the fork's title again after it, in the
		// same transaction, settles it — and the title observer only ever sees the fork's title.
		room.doc.transact(() => {
			Y.applyUpdate(room.doc, state);
			renameBoard(room.doc, board.title);
			metaMap(room.doc).set(FORKED_FROM_KEY, origin);
		}, serverOrigin(actor));
	});
	return { ...board, forkedFrom: origin };
}
