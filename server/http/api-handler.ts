/**
 * What an API handler is given and answers. The router has already matched the operation,
 * decoded its path parameters, checked the caller's role and allowance and parsed the body with
 * the operation's schema; a handler only does its call's work and says what to answer.
 */
import type { IncomingMessage } from 'node:http';
import type { Grant } from '../auth/board-access';
import type { Operation } from '../api/openapi-operations';
import type { RequestBody, RequestName } from '../api/openapi-schemas';

export interface ApiContext {
	readonly req: IncomingMessage;
	readonly url: URL;
	readonly operation: Operation;
	/** Path parameters by name (`boardId`, `pinId`…), decoded. */
	readonly params: Readonly<Record<string, string>>;
	readonly query: URLSearchParams;
	/** The body as the operation's schema parsed it; read it typed with `bodyOf`. */
	readonly body: unknown;
	/** The caller's grant on the board, for calls that need a role; null otherwise. */
	readonly grant: Grant | null;
	/** The bearer secret presented, if any. */
	readonly secret: string | null;
	/** The caller's address (client-address.ts). */
	readonly address: string;
}

export type ApiAnswer =
	| { status: number; json: unknown; headers?: Record<string, string> }
	| { status: number; text: string; headers: Record<string, string> };

export type ApiHandler = (context: ApiContext) => Promise<ApiAnswer> | ApiAnswer;

/** Handlers by operationId. */
export type ApiHandlers = Readonly<Record<string, ApiHandler>>;

/** The parsed body, typed by the schema the operation names (a mismatch is a bug, caught at once). */
export function bodyOf<N extends RequestName>(context: ApiContext, name: N): RequestBody<N> {
	if (context.operation.body !== name) throw new Error(`${context.operation.operationId} takes ${context.operation.body ?? 'no body'}, not ${name}`);
	return context.body as RequestBody<N>;
}

/** A path parameter the operation's path declares. */
export function paramOf(context: ApiContext, name: string): string {
	const value = context.params[name];
	if (value === undefined) throw new Error(`${context.operation.operationId} has no path parameter ${name}`);
	return value;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): ApiAnswer => ({ status, json: body, ...(headers ? { headers } : {}) });
