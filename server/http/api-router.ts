/**
 * The one HTTP router for the API. Every call is dispatched from the operation table: the path
 * is matched raw and its parameters decoded once, safely; the method is checked (405 with Allow);
 * the caller's role comes from the table, as does the allowance it spends (429) and the schema
 * its body must fit (400/413/415/422). Handlers get `{ params, query, body, grant }` and answer
 * data; they never see a request they did not describe.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API } from '../../src/lib/protocol/endpoints';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import type { Operation } from '../api/openapi-operations';
import { REQUEST_NOUNS, REQUEST_SCHEMAS } from '../api/openapi-schemas';
import type { BoardAccess, Grant } from '../auth/board-access';
import { bearerToken } from '../auth/secrets';
import { CALLER_LIMIT_NOUNS, type CallerLimits } from '../limits/caller-limits';
import type { ApiAnswer, ApiContext, ApiHandlers } from './api-handler';
import { callerKey, clientAddress } from './client-address';
import { HttpError, methodNotAllowed, notFound, rateLimited, sendJson } from './http-errors';
import { readValidBody } from './request-body';
import { decodeSegment } from './request-target';
import { compileRoutes, matchRoute, type RouteMatch } from './route-table';

export interface ApiRouterDeps {
	operations: readonly Operation[];
	handlers: ApiHandlers;
	access: BoardAccess;
	limits: CallerLimits;
	trustedProxies: readonly string[];
}

/** The paths the router owns: anything else is the app's. */
export const isApiPath = (pathname: string) => pathname === API.health || pathname === '/api' || pathname.startsWith('/api/');

function decodeParams(match: RouteMatch): Record<string, string> {
	const params: Record<string, string> = {};
	for (const [name, raw] of Object.entries(match.raw)) {
		const value = decodeSegment(raw);
		// A malformed escape names nothing that exists: the same answer as an unknown id.
		if (value === null || value === '') throw notFound(name === 'boardId' ? 'no such board' : `no such ${name.replace(/Id$/, '')}`, name);
		params[name] = value;
	}
	return params;
}

export function createApiRouter(deps: ApiRouterDeps) {
	const routes = compileRoutes(deps.operations);
	const missing = deps.operations.filter((operation) => !deps.handlers[operation.operationId]).map((operation) => operation.operationId);
	if (missing.length > 0) throw new Error(`described but not handled: ${missing.join(', ')}`);

	async function authorise(operation: Operation, params: Record<string, string>, secret: string | null): Promise<Grant | null> {
		if (operation.access === 'anyone') return null;
		if (operation.access === 'creator') {
			deps.access.assertMayCreate(secret);
			return null;
		}
		return deps.access.require(params.boardId!, secret, operation.access);
	}

	function spend(operation: Operation, grant: Grant | null, secret: string | null, address: string): void {
		if (!operation.limit) return;
		// The operator's own token is not rationed; everyone else counts as their token or address.
		if (deps.access.isAdmin(secret)) return;
		const key = operation.limit === 'boardCreation' ? callerKey(null, address) : callerKey(grant?.tokenId, address);
		const wait = deps.limits[operation.limit].take(key);
		if (wait > 0) throw rateLimited(CALLER_LIMIT_NOUNS[operation.limit], wait);
	}

	/** Answers an API request; false when the path is not the API's. */
	return async function routeApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
		if (!isApiPath(url.pathname)) return false;
		const match = matchRoute(routes, url.pathname);
		if (!match) throw new HttpError(404, apiError(ERROR_CODES.notFound, `no API at ${url.pathname.slice(0, 200)} (see ${API.openapi})`));
		// HEAD is GET without the body (load balancers probe /healthz so).
		const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
		const operation = match.path.byMethod.get(method);
		if (!operation) throw methodNotAllowed([...match.path.byMethod.keys()]);
		const params = decodeParams(match);
		const secret = bearerToken(req.headers.authorization);
		const address = clientAddress(req, deps.trustedProxies);
		const grant = await authorise(operation, params, secret);
		spend(operation, grant, secret, address);
		const body = operation.body ? await readValidBody(req, REQUEST_SCHEMAS[operation.body], REQUEST_NOUNS[operation.body]) : undefined;
		const context: ApiContext = { req, url, operation, params, query: url.searchParams, body, grant, secret, address };
		send(res, await deps.handlers[operation.operationId]!(context));
		return true;
	};
}

function send(res: ServerResponse, answer: ApiAnswer): void {
	if ('json' in answer) return sendJson(res, answer.status, answer.json, answer.headers);
	res.writeHead(answer.status, answer.headers);
	res.end(answer.text);
}
