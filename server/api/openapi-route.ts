/**
 * Serves the OpenAPI document and makes it the API's list of routes: a request for a path the
 * document does not describe is answered 404, a method it does not list 405 (with `Allow`), before
 * any handler runs. So the server cannot serve an endpoint the document leaves out — a new route
 * must be described to be reachable — and the document cannot drift from what is served
 * (tests/integration/openapi.test.ts checks every described call reaches a handler).
 */
import { API } from '../../src/lib/protocol/endpoints';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import { HttpError, methodNotAllowed, sendJson, type ApiRoute } from '../transport/http-api';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';

interface DescribedPath {
	pattern: RegExp;
	methods: string[];
}

function describedPaths(document: OpenApiDocument): DescribedPath[] {
	return Object.entries(document.paths).map(([template, item]) => ({
		// `{param}` is one path segment; everything else is literal.
		pattern: new RegExp(`^${template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+')}$`),
		methods: Object.keys(item).map((method) => method.toUpperCase())
	}));
}

export function createOpenApiRoute(document: OpenApiDocument = buildOpenApiDocument()): ApiRoute {
	const described = describedPaths(document);
	return async function openApiRoute(req, res, url) {
		const { pathname } = url;
		if (pathname !== API.health && !pathname.startsWith('/api/')) return false;
		const methods = described.filter(({ pattern }) => pattern.test(pathname)).flatMap((path) => path.methods);
		if (methods.length === 0) throw new HttpError(404, apiError(ERROR_CODES.notFound, `no API at ${pathname} (see ${API.openapi})`));
		// HEAD is GET without the body (load balancers probe /healthz so); handlers decide as before.
		const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
		if (!methods.includes(method)) {
			res.setHeader('allow', methods.join(', '));
			throw methodNotAllowed(methods.join(' or '));
		}
		if (pathname !== API.openapi) return false;
		sendJson(res, 200, document);
		return true;
	};
}
