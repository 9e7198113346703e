/**
 * Who may do what on a board: roles, access modes, how a token is presented, and the shapes of
 * the owner API (docs/security.md). Client and server both import these, so a role name or a
 * parameter name is never typed twice.
 */
import { z } from 'zod';
import { epochMillis } from '../model/common';
import { boardSummary } from './boards';

/** Ordered weakest first: a role can do everything the roles before it can. */
export const ROLES = ['viewer', 'editor', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** True when `role` is at least `needed` (an owner can edit; an editor can view). */
export const roleAtLeast = (role: Role | null, needed: Role): boolean =>
	role !== null && ROLES.indexOf(role) >= ROLES.indexOf(needed);

/**
 * What a caller without a token gets: `private` nothing, `public-view` viewer, `public-edit`
 * editor. A token always gives its own role, whatever the mode.
 */
export const ACCESS_MODES = ['private', 'public-view', 'public-edit'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const anonymousRole = (mode: AccessMode): Role | null =>
	mode === 'public-edit' ? 'editor' : mode === 'public-view' ? 'viewer' : null;

/** Query parameter on the Yjs URL carrying a board token (y-websocket's `params`). */
export const TOKEN_PARAM = 'token';
/** Also accepted in a board page's URL (`/b/<id>?token=…`): a share link. */
export const SHARE_LINK_PARAM = TOKEN_PARAM;

/** Where the client keeps a board's token (localStorage), one per board. */
export const tokenStorageKey = (boardId: string) => `situation-board:token:${boardId}`;

export const ACCESS_API = {
	/** GET (owner): mode and tokens; POST (owner) `{ mode }`. */
	access: (id: string) => `/api/boards/${encodeURIComponent(id)}/access`,
	/** GET (anyone who can view): `{ role, mode }` for the presented token. */
	me: (id: string) => `/api/boards/${encodeURIComponent(id)}/access/me`,
	/** POST (owner) `{ role, label? }` → CreatedToken. */
	tokens: (id: string) => `/api/boards/${encodeURIComponent(id)}/tokens`,
	/** DELETE (owner): revoke. */
	token: (id: string, tokenId: string) => `/api/boards/${encodeURIComponent(id)}/tokens/${encodeURIComponent(tokenId)}`,
	/** POST (owner): new secret, same role and label; the old secret stops working at once. */
	rotate: (id: string, tokenId: string) => `/api/boards/${encodeURIComponent(id)}/tokens/${encodeURIComponent(tokenId)}/rotate`
} as const;

export const role = z.enum(ROLES);
export const accessMode = z.enum(ACCESS_MODES);
export const createTokenRequest = z.object({ role, label: z.string().trim().max(80).optional() });
export const setAccessRequest = z.object({ mode: accessMode });

/** A token's secret is in this reply only; the server keeps its SHA-256 hash. */
export const createdToken = z.object({ id: z.string(), token: z.string(), role, label: z.string().nullable() });
export type CreatedToken = z.infer<typeof createdToken>;

/** A token as the owner sees it later: never the secret. */
export const tokenInfo = z.object({ id: z.string(), role, label: z.string().nullable(), createdAt: epochMillis });
export type TokenInfo = z.infer<typeof tokenInfo>;

/** What revoking answers. */
export const revokedToken = z.object({ id: z.string(), revoked: z.literal(true) });
export type RevokedToken = z.infer<typeof revokedToken>;

export const boardAccessInfo = z.object({ mode: accessMode, tokens: z.array(tokenInfo) });
export type BoardAccessInfo = z.infer<typeof boardAccessInfo>;

export const myAccess = z.object({ role, mode: accessMode });
export type MyAccess = z.infer<typeof myAccess>;

/** What creating a board answers (HTTP and socket.io): the board, its mode, and the owner link. */
export const createdBoard = boardSummary.extend({ access: accessMode, ownerToken: createdToken });
export type CreatedBoard = z.infer<typeof createdBoard>;
