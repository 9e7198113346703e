/**
 * Who may do what on which board: the one place both planes ask. A caller presents at most one
 * secret; it is the ADMIN_TOKEN (owner everywhere), a live token of this board (its role), or
 * wrong — and a wrong secret is refused even on a public board, so a dead link says so instead of
 * quietly becoming anonymous. Without a secret the board's mode decides (anonymousRole).
 */
import { EventEmitter } from 'node:events';
import {
	anonymousRole,
	roleAtLeast,
	type AccessMode,
	type CreatedBoard,
	type CreatedToken,
	type Role,
	type TokenInfo
} from '../../src/lib/protocol/access';
import type { BoardSummary } from '../../src/lib/protocol/boards';
import type { BoardDirectory } from '../boards/board-directory';
import type { ServerConfig } from '../config';
import type { AccessStorage } from '../storage/storage';
import { AccessError } from './access-error';
import { GrantMemory } from './grant-memory';
import { hashSecret, newSecret, newTokenId, sameSecret } from './secrets';

export interface Grant {
	role: Role;
	/** The board token that granted it; null for anonymous and admin access. */
	tokenId: string | null;
	/** That token's label (an API token's name, e.g. "Wire bot"); null without one. */
	label: string | null;
}

/**
 * What live connections must hear about: a token stopped working, a board's mode changed, or —
 * after this node may have missed such news (cluster mode, Redis away) — the board's whole access
 * as it stands: its mode and its live tokens.
 */
export type AccessChange =
	| { type: 'revoked'; boardId: string; tokenId: string }
	| { type: 'mode'; boardId: string; mode: AccessMode }
	| { type: 'recheck'; boardId: string; mode: AccessMode; liveTokenIds: string[] };

type AccessConfig = Pick<ServerConfig, 'adminToken' | 'boardCreation' | 'defaultAccess'>;

export class BoardAccess {
	private readonly events = new EventEmitter();
	/** Answers to fall back on while the database cannot be asked (grant-memory.ts). */
	private readonly memory = new GrantMemory();

	constructor(
		private readonly storage: AccessStorage,
		private readonly config: AccessConfig
	) {
		this.events.on('change', (change: AccessChange) => this.memory.forget(change.boardId));
	}

	isAdmin(secret: string | null | undefined): boolean {
		return sameSecret(secret, this.config.adminToken);
	}

	/**
	 * The caller's grant on a board; null when refused. Throws 404 for an unknown board. While the
	 * database does not answer, the grant it last gave this secret on this board, if recent
	 * (grant-memory.ts); else the database's error.
	 */
	async grant(boardId: string, secret: string | null | undefined): Promise<Grant | null> {
		const key = secret ? hashSecret(secret) : '';
		const ticket = this.memory.ticket();
		try {
			const grant = await this.readGrant(boardId, secret, key);
			this.memory.remember(ticket, boardId, key, grant);
			return grant;
		} catch (error) {
			const remembered = error instanceof AccessError ? undefined : this.memory.recall(boardId, key);
			if (!remembered) throw error;
			return remembered;
		}
	}

	private async readGrant(boardId: string, secret: string | null | undefined, secretHash: string): Promise<Grant | null> {
		const mode = await this.storage.getAccessMode(boardId);
		if (!mode) throw new AccessError(404, 'no such board');
		if (this.isAdmin(secret)) return { role: 'owner', tokenId: null, label: null };
		if (secret) {
			const token = await this.storage.findTokenByHash(secretHash);
			return token && token.boardId === boardId && token.revokedAt === null ? { role: token.role, tokenId: token.id, label: token.label } : null;
		}
		const role = anonymousRole(mode);
		return role ? { role, tokenId: null, label: null } : null;
	}

	/** The grant if it is at least `needed`; otherwise a 401 (no valid secret) or 403 (weak role). */
	async require(boardId: string, secret: string | null | undefined, needed: Role): Promise<Grant> {
		const grant = await this.grant(boardId, secret);
		if (!grant) throw new AccessError(401, secret ? 'this token is not valid for this board (wrong or revoked)' : 'this board is private: present a token');
		if (!roleAtLeast(grant.role, needed)) throw new AccessError(403, `needs the ${needed} role; this token is ${grant.role}`);
		return grant;
	}

	/** Whether this caller may create boards (BOARD_CREATION=token: only with ADMIN_TOKEN). */
	assertMayCreate(secret: string | null | undefined): void {
		if (this.config.boardCreation === 'anyone' || this.isAdmin(secret)) return;
		throw new AccessError(secret ? 403 : 401, 'creating boards needs the admin token on this server');
	}

	/** Gives a just-created board the configured mode and its owner token (shown this once). */
	async adopt(boardId: string): Promise<{ access: AccessMode; ownerToken: CreatedToken }> {
		await this.storage.setAccessMode(boardId, this.config.defaultAccess);
		return { access: this.config.defaultAccess, ownerToken: await this.createToken(boardId, 'owner', 'owner') };
	}

	async mode(boardId: string): Promise<AccessMode> {
		const mode = await this.storage.getAccessMode(boardId);
		if (!mode) throw new AccessError(404, 'no such board');
		return mode;
	}

	async setMode(boardId: string, mode: AccessMode): Promise<void> {
		await this.changing(boardId, () => this.storage.setAccessMode(boardId, mode));
		this.events.emit('change', { type: 'mode', boardId, mode } satisfies AccessChange);
	}

	async createToken(boardId: string, role: Role, label: string | null = null): Promise<CreatedToken> {
		const token = newSecret();
		const id = newTokenId();
		await this.storage.addToken({ id, boardId, hash: hashSecret(token), role, label, createdAt: Date.now() });
		return { id, token, role, label };
	}

	async listTokens(boardId: string): Promise<TokenInfo[]> {
		return (await this.storage.listTokens(boardId)).map(({ id, role, label, createdAt }) => ({ id, role, label, createdAt }));
	}

	async revokeToken(boardId: string, tokenId: string): Promise<boolean> {
		const revoked = await this.changing(boardId, () => this.storage.revokeToken(boardId, tokenId, Date.now()));
		if (revoked) this.events.emit('change', { type: 'revoked', boardId, tokenId } satisfies AccessChange);
		return revoked;
	}

	/** A new secret for the same role and label; the old one (and its live connections) stop now. */
	async rotateToken(boardId: string, tokenId: string): Promise<CreatedToken | undefined> {
		const token = newSecret();
		const stored = await this.changing(boardId, () => this.storage.rotateToken(boardId, tokenId, { id: newTokenId(), hash: hashSecret(token), at: Date.now() }));
		if (!stored) return undefined;
		this.events.emit('change', { type: 'revoked', boardId, tokenId } satisfies AccessChange);
		return { id: stored.id, token, role: stored.role, label: stored.label };
	}

	/**
	 * A write to a board's access. If it throws, the database may still have committed it (the
	 * answer lost on the way): the board's remembered answers go either way.
	 */
	private async changing<T>(boardId: string, write: () => Promise<T>): Promise<T> {
		try {
			return await write();
		} catch (error) {
			this.memory.forget(boardId);
			throw error;
		}
	}

	/** News of access changes may have been lost (cluster mode, Redis lost): remembered answers go. */
	forgetRemembered(): void {
		this.memory.forgetAll();
	}

	/** The boards a caller may see: every non-private one, plus those its secrets open. */
	async visible(boards: BoardSummary[], secrets: readonly string[]): Promise<BoardSummary[]> {
		if (secrets.some((secret) => this.isAdmin(secret))) return boards;
		const modes = await this.storage.accessModes();
		const opened = new Set<string>();
		for (const secret of secrets) {
			const token = await this.storage.findTokenByHash(hashSecret(secret));
			if (token && token.revokedAt === null) opened.add(token.boardId);
		}
		return boards.filter((board) => modes.get(board.id) !== 'private' || opened.has(board.id));
	}

	/**
	 * Listens to access changes: this server's own, and (in cluster mode) other nodes' relayed
	 * through `announce` — `fromPeer` tells them apart, so a relay is never sent back out.
	 */
	onChange(listener: (change: AccessChange, fromPeer: boolean) => void): () => void {
		const heard = (change: AccessChange, fromPeer = false) => listener(change, fromPeer);
		this.events.on('change', heard);
		return () => this.events.off('change', heard);
	}

	/** Another node of the cluster changed a board's access: its watchers here must feel it too. */
	announce(change: AccessChange): void {
		this.events.emit('change', change, true);
	}

	/**
	 * Re-reads a board's access and has every live connection here obey it, as if each change had
	 * been heard (after news from other nodes may have been lost). Local: never relayed.
	 */
	async recheck(boardId: string): Promise<void> {
		const mode = await this.storage.getAccessMode(boardId);
		if (!mode) return;
		const liveTokenIds = (await this.storage.listTokens(boardId)).map((token) => token.id);
		this.announce({ type: 'recheck', boardId, mode, liveTokenIds });
	}
}

/** Creating a board on either plane: checks BOARD_CREATION, then answers with the owner token once. */
export async function createOwnedBoard(
	directory: Pick<BoardDirectory, 'create'>,
	access: BoardAccess,
	title: string,
	secret: string | null | undefined
): Promise<CreatedBoard> {
	access.assertMayCreate(secret);
	const board = await directory.create({ title });
	return { ...board, ...(await access.adopt(board.id)) };
}
