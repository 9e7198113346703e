/**
 * Request bodies: JSON only, at most MAX_BODY_BYTES, parsed with a shared schema. JSON that does
 * not parse is 400; JSON the schema refuses is 422 naming the first offending field, so a script
 * can tell "I sent garbage" from "I sent the wrong thing".
 */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { ModelValidationError } from '../../src/lib/model/validation-error';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import { HttpError } from './http-errors';

/** The largest body is a report with 4000 characters and 20 source links; anything bigger is a mistake or an attack. */
export const MAX_BODY_BYTES = 64 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
	const type = req.headers['content-type'] ?? '';
	if (!/^application\/json\b/i.test(type)) {
		throw new HttpError(415, apiError(ERROR_CODES.unsupportedMedia, 'send the body as application/json'));
	}
	const declared = Number(req.headers['content-length']);
	if (declared > MAX_BODY_BYTES) throw new HttpError(413, apiError(ERROR_CODES.tooLarge, `body over ${MAX_BODY_BYTES} bytes`));
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) throw new HttpError(413, apiError(ERROR_CODES.tooLarge, `body over ${MAX_BODY_BYTES} bytes`));
		chunks.push(chunk as Buffer);
	}
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8'));
	} catch (error) {
		throw new HttpError(400, apiError(ERROR_CODES.badJson, `body is not valid JSON: ${(error as Error).message}`));
	}
}

export async function readValidBody<S extends z.ZodType>(req: IncomingMessage, schema: S, what: string): Promise<z.infer<S>> {
	const parsed = schema.safeParse(await readJson(req));
	if (parsed.success) return parsed.data;
	const error = ModelValidationError.fromZod(what, parsed.error);
	throw new HttpError(422, apiError(ERROR_CODES.invalid, error.message, error.field));
}
