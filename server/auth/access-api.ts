/**
 * The owner API over HTTP (paths: ACCESS_API in src/lib/protocol/access.ts; for people:
 * docs/security.md). Handlers only: the router has checked the role the operation table asks
 * (owner for all but `access/me`, which tells any viewer what it may do, so a page can hide
 * editing tools from viewers).
 */
import type { BoardAccessInfo, MyAccess, RevokedToken } from '../../src/lib/protocol/access';
import { bodyOf, json, paramOf, type ApiContext, type ApiHandlers } from '../http/api-handler';
import { notFound } from '../http/http-errors';
import type { BoardAccess } from './board-access';

const noSuchToken = () => notFound('no live token with this id on this board', 'tokenId');

export function accessApi(access: BoardAccess): ApiHandlers {
	const info = async (boardId: string): Promise<BoardAccessInfo> => ({ mode: await access.mode(boardId), tokens: await access.listTokens(boardId) });
	const board = (context: ApiContext) => paramOf(context, 'boardId');
	return {
		getMyAccess: async (context) => json(200, { role: context.grant!.role, mode: await access.mode(board(context)) } satisfies MyAccess),
		getAccess: async (context) => json(200, await info(board(context))),
		setAccess: async (context) => {
			await access.setMode(board(context), bodyOf(context, 'SetAccessRequest').mode);
			return json(200, await info(board(context)));
		},
		createToken: async (context) => {
			const { role, label } = bodyOf(context, 'CreateTokenRequest');
			return json(201, await access.createToken(board(context), role, label || null));
		},
		revokeToken: async (context) => {
			const tokenId = paramOf(context, 'tokenId');
			if (!(await access.revokeToken(board(context), tokenId))) throw noSuchToken();
			return json(200, { id: tokenId, revoked: true } satisfies RevokedToken);
		},
		rotateToken: async (context) => {
			const rotated = await access.rotateToken(board(context), paramOf(context, 'tokenId'));
			if (!rotated) throw noSuchToken();
			return json(201, rotated);
		}
	};
}
