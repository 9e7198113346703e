/**
 * Reading a server API's answer, for every client in this folder: a 2xx body is parsed with the
 * shared zod schema of its endpoint (src/lib/protocol), so a server that changed its shape fails
 * loudly here instead of as `undefined` deep in a component; a refusal becomes an `ApiCallError`
 * carrying the server's own `{ error: { code, message, field } }`.
 */
import type { z } from 'zod';
import { apiErrorBody, type ErrorCode } from '../protocol/errors';

/** `fetch`, or a stand-in (tests; `authorizedFetch` adds a board's token). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export class ApiCallError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly code?: ErrorCode,
		readonly field?: string
	) {
		super(message);
		this.name = 'ApiCallError';
	}
}

/** The refusal a non-2xx answer carries, or a plain one naming the status when its body is not the shared shape. */
export async function readApiError(response: Response, what: string): Promise<ApiCallError> {
	const body: unknown = await response.json().catch(() => null);
	const parsed = apiErrorBody.safeParse(body);
	if (parsed.success) return new ApiCallError(parsed.data.error.message, response.status, parsed.data.error.code, parsed.data.error.field);
	return new ApiCallError(`The server answered ${response.status} to the ${what}.`, response.status);
}

/** The body of a 2xx answer, as `schema` reads it; an ApiCallError otherwise. */
export async function readAnswer<S extends z.ZodType>(response: Response, schema: S, what: string): Promise<z.infer<S>> {
	if (!response.ok) throw await readApiError(response, what);
	return schema.parse(await response.json()) as z.infer<S>;
}

/** A JSON request body. */
export function jsonBody(method: 'POST' | 'PATCH', body: unknown): RequestInit {
	return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
