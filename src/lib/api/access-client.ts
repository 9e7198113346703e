/**
 * The owner's access API (docs/security.md) for the Share panel: who may open the board without a
 * link, and the tokens behind share links and bots. Sent with this board's token.
 */
import { ACCESS_API, boardAccessInfo, createdToken, revokedToken, type AccessMode, type BoardAccessInfo, type CreatedToken, type RevokedToken } from '../protocol/access';
import { authorizedFetch } from '../sync/board-token';
import { jsonBody, readAnswer, type FetchLike } from './api-answer';

const WHAT = 'access request';

export class AccessClient {
	constructor(
		readonly boardId: string,
		private readonly fetcher: FetchLike = authorizedFetch(boardId)
	) {}

	/** The access mode and every token (never their secrets). */
	async info(): Promise<BoardAccessInfo> {
		return readAnswer(await this.fetcher(ACCESS_API.access(this.boardId)), boardAccessInfo, WHAT);
	}

	async setMode(mode: AccessMode): Promise<BoardAccessInfo> {
		return readAnswer(await this.fetcher(ACCESS_API.access(this.boardId), jsonBody('POST', { mode })), boardAccessInfo, WHAT);
	}

	/** A new token; its secret is in this answer only. */
	async createToken(role: 'editor' | 'viewer', label?: string): Promise<CreatedToken> {
		return readAnswer(await this.fetcher(ACCESS_API.tokens(this.boardId), jsonBody('POST', label ? { role, label } : { role })), createdToken, WHAT);
	}

	async revoke(tokenId: string): Promise<RevokedToken> {
		return readAnswer(await this.fetcher(ACCESS_API.token(this.boardId, tokenId), { method: 'DELETE' }), revokedToken, WHAT);
	}
}
