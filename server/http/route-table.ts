/**
 * The operation table (server/api/openapi-operations.ts) compiled for dispatch: one matcher per
 * described path, its operations by method. The table that writes the OpenAPI document is the
 * one that routes, so nothing is served undescribed and nothing described goes unserved.
 */
import type { Operation } from '../api/openapi-operations';

export interface CompiledPath {
	template: string;
	pattern: RegExp;
	/** Path parameter names, in the order of the pattern's groups. */
	params: string[];
	byMethod: Map<string, Operation>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(template: string): Pick<CompiledPath, 'pattern' | 'params'> {
	const params = [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
	// `{param}` is one raw (still percent-encoded) path segment; everything else is literal.
	const source = template.split(/\{\w+\}/).map(escapeRegExp).join('([^/]+)');
	return { pattern: new RegExp(`^${source}$`), params };
}

export function compileRoutes(operations: readonly Operation[]): CompiledPath[] {
	const paths = new Map<string, CompiledPath>();
	for (const operation of operations) {
		let path = paths.get(operation.path);
		if (!path) paths.set(operation.path, (path = { template: operation.path, ...compile(operation.path), byMethod: new Map() }));
		const method = operation.method.toUpperCase();
		if (path.byMethod.has(method)) throw new Error(`${method} ${operation.path} is described twice`);
		path.byMethod.set(method, operation);
	}
	return [...paths.values()];
}

export interface RouteMatch {
	path: CompiledPath;
	/** Raw segments by parameter name, not yet decoded. */
	raw: Record<string, string>;
}

export function matchRoute(paths: readonly CompiledPath[], pathname: string): RouteMatch | null {
	for (const path of paths) {
		const match = path.pattern.exec(pathname);
		if (match) return { path, raw: Object.fromEntries(path.params.map((name, i) => [name, match[i + 1]!])) };
	}
	return null;
}
