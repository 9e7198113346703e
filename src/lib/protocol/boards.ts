/** Boards as the control plane and the HTTP API describe them. */
import { z } from 'zod';
import { epochMillis } from '../model/common';
import { metaFields } from '../model/meta';

/** Board ids appear in URLs and the Yjs room name: lower-case slug. */
export const BOARD_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const boardId = z.string().regex(BOARD_ID_PATTERN, 'a board id is 1–64 lower-case letters, digits or "-"');

export const createBoardRequest = z.object({ title: metaFields.title });
export type CreateBoardRequest = z.infer<typeof createBoardRequest>;

/** `token` overrides the connection's token for this board; empty means none. */
export const renameBoardRequest = z.object({ id: z.string(), title: metaFields.title, token: z.string().optional() });
export type RenameBoardRequest = z.infer<typeof renameBoardRequest>;

/** A board as lists describe it (a schema too, so the OpenAPI document is generated from it). */
export const boardSummary = z.object({
	id: z.string(),
	title: z.string(),
	/** Epoch milliseconds. */
	createdAt: epochMillis,
	updatedAt: epochMillis
});
export type BoardSummary = z.infer<typeof boardSummary>;

/** The demo board every new server starts with. */
export const DEMO_BOARD_ID = 'kharkiv-2022';
