/** The one error the model throws for bad input: names the field so a form can point at it. */
import type { z } from 'zod';

export class ModelValidationError extends Error {
	readonly field: string | undefined;
	readonly issues: readonly { path: string; message: string }[];

	constructor(what: string, issues: readonly { path: string; message: string }[]) {
		const first = issues[0];
		super(first ? `${what}: ${first.path ? `${first.path} ` : ''}${first.message}` : `${what}: invalid`);
		this.name = 'ModelValidationError';
		this.field = first?.path || undefined;
		this.issues = issues;
	}

	static fromZod(what: string, error: z.ZodError): ModelValidationError {
		return new ModelValidationError(
			what,
			error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
		);
	}
}

/** Parses `value` with `schema` or throws a ModelValidationError naming `what` was invalid. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
	const result = schema.safeParse(value);
	if (!result.success) throw ModelValidationError.fromZod(what, result.error);
	return result.data;
}
