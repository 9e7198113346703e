/**
 * An alert's linked pin and report must be on the board when it is raised: a link that leads
 * nowhere would send every recipient looking for nothing. (A pin drawn a moment ago is on the
 * board as soon as its update has reached the server; the sender can raise again.)
 */
import type * as Y from 'yjs';
import { readRecord } from '../../src/lib/model/records';
import type { RaiseAlertRequest } from '../../src/lib/protocol/alerts';
import { NotFound } from '../control/refusals';

/** Reads a board's live document (BoardDirectory.readDoc on the server). */
export type BoardReader = <T>(boardId: string, read: (doc: Y.Doc) => T) => Promise<T>;

/** Throws `not_found` naming the link (`place.pinId` or `reportId`) that is not on the board. */
export async function requireLinks(boards: BoardReader, boardId: string, input: Pick<RaiseAlertRequest, 'place' | 'reportId'>): Promise<void> {
	const pinId = input.place?.type === 'pin' ? input.place.pinId : undefined;
	const reportId = input.reportId;
	if (pinId === undefined && reportId === undefined) return;
	const missing = await boards(boardId, (doc) => {
		if (pinId !== undefined && !readRecord(doc, 'pins', pinId)) return new NotFound(`no pin "${pinId}" on this board`, 'place.pinId');
		if (reportId !== undefined && !readRecord(doc, 'reports', reportId)) return new NotFound(`no report "${reportId}" on this board`, 'reportId');
		return null;
	});
	if (missing) throw missing;
}
