/**
 * The owner API over HTTP (paths: ACCESS_API in src/lib/protocol/access.ts; for people:
 * docs/security.md). The caller's secret is the `Authorization: Bearer …` header. Every route but
 * `access/me` needs the owner role; `access/me` tells any caller who can view what it may do, so a
 * page can hide editing tools from viewers.
 */
import type { IncomingMessage } from 'node:http';
import { createTokenRequest, setAccessRequest, type BoardAccessInfo, type MyAccess, type RevokedToken } from '../../src/lib/protocol/access';
import { API } from '../../src/lib/protocol/endpoints';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import { HttpError, methodNotAllowed, readValidBody, sendJson, type ApiRoute } from '../transport/http-api';
import type { BoardAccess } from './board-access';
import { bearerToken } from './secrets';

const ROUTE = new RegExp(`^${API.boards}/([^/]+)/(access|access/me|tokens|tokens/([^/]+)|tokens/([^/]+)/rotate)$`);

const notFound = (what: string) => new HttpError(404, apiError(ERROR_CODES.notFound, what));

function decode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw notFound('no such board');
	}
}

/** The caller's secret: the bearer header. */
export const secretOf = (req: IncomingMessage): string | null => bearerToken(req.headers.authorization);

export function createAccessApi(access: BoardAccess): ApiRoute {
	return async function accessRoute(req, res, url) {
		const match = ROUTE.exec(url.pathname);
		if (!match) return false;
		const boardId = decode(match[1]!);
		const what = match[2]!;
		const method = req.method ?? 'GET';
		const secret = secretOf(req);

		if (what === 'access/me') {
			if (method !== 'GET') throw methodNotAllowed('GET');
			const grant = await access.require(boardId, secret, 'viewer');
			sendJson(res, 200, { role: grant.role, mode: await access.mode(boardId) } satisfies MyAccess);
			return true;
		}
		await access.require(boardId, secret, 'owner');
		if (what === 'access') {
			if (method === 'POST') {
				await access.setMode(boardId, (await readValidBody(req, setAccessRequest, 'access')).mode);
			} else if (method !== 'GET') throw methodNotAllowed('GET or POST');
			const info: BoardAccessInfo = { mode: await access.mode(boardId), tokens: await access.listTokens(boardId) };
			sendJson(res, 200, info);
		} else if (what === 'tokens') {
			if (method !== 'POST') throw methodNotAllowed('POST');
			const { role, label } = await readValidBody(req, createTokenRequest, 'token');
			sendJson(res, 201, await access.createToken(boardId, role, label || null));
		} else if (match[3] !== undefined) {
			if (method !== 'DELETE') throw methodNotAllowed('DELETE');
			const tokenId = decode(match[3]);
			if (!(await access.revokeToken(boardId, tokenId))) throw notFound('no live token with this id on this board');
			sendJson(res, 200, { id: tokenId, revoked: true } satisfies RevokedToken);
		} else {
			if (method !== 'POST') throw methodNotAllowed('POST');
			const rotated = await access.rotateToken(boardId, decode(match[4]!));
			if (!rotated) throw notFound('no live token with this id on this board');
			sendJson(res, 201, rotated);
		}
		return true;
	};
}
