/**
 * The OpenAPI 3.1 document (GET /api/openapi.json): the operation table (openapi-operations.ts)
 * with components generated from the shared zod schemas (openapi-schemas.ts). Built once at start.
 */
import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '../../src/lib/protocol/errors';
import { apiOperations, PATH_PARAMS, type Operation } from './openapi-operations';
import { componentRef, componentSchemas, type JsonSchema } from './openapi-schemas';

export interface OpenApiDocument {
	openapi: string;
	info: Record<string, unknown>;
	paths: Record<string, Record<string, JsonSchema>>;
	[key: string]: unknown;
}

const SECURITY_SCHEME = 'bearerToken';

/** Refusals every call shares, by status: what they mean, in the shared error shape. */
const ERROR_RESPONSES: Record<number, [name: string, description: string]> = {
	400: ['BadRequest', `\`${ERROR_CODES.badJson}\`: the body is not JSON; \`${ERROR_CODES.invalid}\`: a query parameter (named in \`field\`) is wrong.`],
	401: ['Unauthorized', `\`${ERROR_CODES.unauthorized}\`: no valid token — missing on a private board, wrong, or revoked.`],
	403: ['Forbidden', `\`${ERROR_CODES.forbidden}\`: the token is valid but its role is too weak (e.g. a viewer token writing).`],
	404: ['NotFound', `\`${ERROR_CODES.notFound}\`: no such board, token or record.`],
	409: ['Conflict', `\`${ERROR_CODES.conflict}\`: a record with the id given exists already.`],
	413: ['PayloadTooLarge', `\`${ERROR_CODES.tooLarge}\`: the body is over 64 KiB.`],
	415: ['UnsupportedMediaType', `\`${ERROR_CODES.unsupportedMedia}\`: send the body as application/json.`],
	422: ['UnprocessableContent', `\`${ERROR_CODES.invalid}\`: the JSON does not fit the schema; \`field\` names the first offending field (dotted path).`],
	503: ['Busy', `\`${ERROR_CODES.busy}\`: the server is building other boards’ history; retry after \`Retry-After\` seconds.`],
	507: ['HistoryTooLong', `\`${ERROR_CODES.historyTooLong}\`: this board’s history is larger than the server indexes (HISTORY_CACHE_MB); raw updates still work.`],
	429: ['RateLimited', `\`${ERROR_CODES.rateLimited}\`: over the caller’s allowance (per token, or per address without one; docs/security.md); retry after \`Retry-After\` seconds.`]
};

function errorStatuses(operation: Operation): number[] {
	const statuses = new Set<number>(operation.errors ?? []);
	if (operation.access === 'creator') [401, 403].forEach((status) => statuses.add(status));
	if (operation.access === 'viewer' || operation.access === 'editor' || operation.access === 'owner') [401, 404].forEach((status) => statuses.add(status));
	if (operation.access === 'editor' || operation.access === 'owner') statuses.add(403);
	if (operation.body) [400, 413, 415, 422].forEach((status) => statuses.add(status));
	if (operation.limit) statuses.add(429);
	// Calls answered from the derived history (history-cache.ts) share its refusals.
	if (operation.limit === 'history' && operation.operationId !== 'listUpdates') [503, 507].forEach((status) => statuses.add(status));
	return [...statuses].sort((a, b) => a - b);
}

function parameters(operation: Operation): JsonSchema[] {
	const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
		const param = PATH_PARAMS[name!];
		if (!param) throw new Error(`no description of the path parameter {${name}} in ${operation.path}`);
		return { name, in: 'path', required: true, ...param };
	});
	const inQuery = (operation.query ?? []).map(({ name, description, schema, repeats, required }) => ({
		name,
		in: 'query',
		description,
		...(required ? { required: true } : {}),
		...(repeats ? { schema: { type: 'array', items: schema }, style: 'form', explode: true } : { schema })
	}));
	return [...inPath, ...inQuery];
}

function successResponse(operation: Operation): JsonSchema {
	const { description, schema, list, file } = operation.ok;
	if (file) return { description, content: { [file]: { schema: { type: 'string' } } } };
	const body = schema ? (list ? { type: 'array', items: componentRef(schema) } : componentRef(schema)) : { type: 'object' };
	const created = operation.ok.status === 201 && operation.tag === 'records';
	return {
		description,
		...(created ? { headers: { Location: { description: 'The new record’s URL.', schema: { type: 'string' } } } } : {}),
		content: { 'application/json': { schema: body } }
	};
}

/** Owner calls need a token; anyone-calls none; the rest work without one on a public board. */
function security(operation: Operation): JsonSchema[] {
	if (operation.access === 'anyone') return [{}, { [SECURITY_SCHEME]: [] }];
	if (operation.access === 'owner') return [{ [SECURITY_SCHEME]: [] }];
	return [{ [SECURITY_SCHEME]: [] }, {}];
}

function operationObject(operation: Operation): JsonSchema {
	const responses: JsonSchema = { [operation.ok.status]: successResponse(operation) };
	for (const status of errorStatuses(operation)) responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]![0]}` };
	return {
		operationId: operation.operationId,
		tags: [operation.tag],
		summary: operation.summary,
		description: `Needs: ${operation.access === 'anyone' ? 'nothing' : operation.access === 'creator' ? 'the admin token when BOARD_CREATION=token' : `the ${operation.access} role`}.`,
		security: security(operation),
		parameters: parameters(operation),
		...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: componentRef(operation.body) } } } } : {}),
		responses
	};
}

function packageVersion(): string {
	const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
	return manifest.version;
}

export function buildOpenApiDocument(operations: readonly Operation[] = apiOperations()): OpenApiDocument {
	const paths: OpenApiDocument['paths'] = {};
	for (const operation of operations) {
		const item = (paths[operation.path] ??= {});
		if (item[operation.method]) throw new Error(`${operation.method.toUpperCase()} ${operation.path} is described twice`);
		item[operation.method] = operationObject(operation);
	}
	const responses = Object.fromEntries(
		Object.entries(ERROR_RESPONSES).map(([status, [name, description]]) => [
			name,
			{
				description,
				...(status === '429' || status === '503' ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } } : {}),
				content: { 'application/json': { schema: componentRef('ApiError') } }
			}
		])
	);
	return {
		openapi: '3.1.0',
		info: {
			title: 'Situation Board API',
			version: packageVersion(),
			summary: 'Boards, access, history, exports, and the records API for bots.',
			description: 'Times are epoch milliseconds, UTC. Errors are `{ "error": { "code", "message", "field?" } }`. Guide: docs/api.md.',
			license: { name: 'MIT', identifier: 'MIT' }
		},
		servers: [{ url: '/' }],
		tags: [
			{ name: 'server', description: 'The server itself.' },
			{ name: 'boards', description: 'Listing and creating boards.' },
			{ name: 'access', description: 'Roles, modes and tokens (docs/security.md).' },
			{ name: 'history', description: 'Replay, attribution and forks (docs/history.md).' },
			{ name: 'export', description: 'GeoJSON, KML and CSV downloads (docs/interchange.md).' },
			{ name: 'records', description: 'Pins, fronts, reports and sectors for bots (docs/api.md).' }
		],
		security: [{ [SECURITY_SCHEME]: [] }, {}],
		paths,
		components: {
			schemas: componentSchemas(),
			responses,
			securitySchemes: {
				[SECURITY_SCHEME]: {
					type: 'http',
					scheme: 'bearer',
					description: 'A board token (owner, editor or viewer; an API token is an editor token with a label) or the server’s ADMIN_TOKEN.'
				}
			}
		}
	};
}
