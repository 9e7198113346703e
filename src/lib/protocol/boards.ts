/** Boards as the control plane and the HTTP API describe them. */
import { z } from 'zod';
import { metaFields } from '../model/meta';

/** Board ids appear in URLs and the Yjs room name: lower-case slug. */
export const BOARD_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const boardId = z.string().regex(BOARD_ID_PATTERN, 'a board id is 1–64 lower-case letters, digits or "-"');

export const createBoardRequest = z.object({ title: metaFields.title });
export type CreateBoardRequest = z.infer<typeof createBoardRequest>;

export interface BoardSummary {
	id: string;
	title: string;
	/** Epoch milliseconds. */
	createdAt: number;
	updatedAt: number;
}

/** The demo board every new server starts with. */
export const DEMO_BOARD_ID = 'kharkiv-2022';
