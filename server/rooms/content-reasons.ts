/**
 * How the content validator says no: a Refusal carries a short sentence naming the record and
 * field ("pins/pin-abc.lat: must be between -90 and 90 (got 123)"). It becomes a WebSocket close
 * reason, which must fit in 123 bytes — and `ws` throws on a longer one — so every reason is made
 * ASCII and clipped here, whatever a raw client put in its keys and values.
 */
import type { z } from 'zod';
import { numberBounds, schemaAt } from './content-schema';

/** Bytes a close reason may take; the frame allows 123, the room slices at 120 characters. */
export const MAX_REASON_BYTES = 120;

export class Refusal extends Error {
	constructor(
		/** True when the update is not a well-formed Yjs update at all (close 4400, not 4422). */
		readonly malformed: boolean,
		readonly reason: string,
		/** It depends on changes the board does not have: a resync would carry them. */
		readonly missingDependencies = false
	) {
		super(reason);
	}
}

export const rejected = (reason: string) => new Refusal(false, reason);
export const malformed = (reason: string) => new Refusal(true, reason);
export const missing = (reason: string) => new Refusal(true, reason, true);

const TYPOGRAPHY: Record<string, string> = { '–': '-', '—': '-', '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...' };

/** ASCII only (a byte per character) and at most MAX_REASON_BYTES long. */
export function clip(reason: string): string {
	const ascii = reason.replace(/[^\x20-\x7e]/g, (char) => TYPOGRAPHY[char] ?? '?');
	return ascii.length <= MAX_REASON_BYTES ? ascii : `${ascii.slice(0, MAX_REASON_BYTES - 3)}...`;
}

/** A client-chosen string (a key, an id) quoted and cut short, for use inside a reason. */
export function quote(text: string, max = 32): string {
	const cut = text.length > max ? `${text.slice(0, max)}...` : text;
	return JSON.stringify(cut);
}

/** A value as a reason shows it after "got": short, typed, never a whole payload. */
export function show(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (typeof value === 'string') return value.length > 24 ? `${value.length} characters` : quote(value);
	if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
	if (typeof value === 'bigint') return `${value}n`;
	if (Array.isArray(value)) return `an array of ${value.length}`;
	if (value instanceof Uint8Array) return 'binary data';
	return 'an object';
}

/** "pins/pin-abc", "pins/pin-abc.lat", "reports/r1.sources.0.url", "meta.title" */
export function where(container: string, id?: string | null, path: readonly PropertyKey[] = []): string {
	const head = id === undefined || id === null ? container : `${container}/${/^[\w-]{1,64}$/.test(id) ? id : quote(id)}`;
	return [head, ...path.map((part) => (typeof part === 'string' && !/^[\w-]{1,32}$/.test(part) ? quote(part) : String(part)))].join('.');
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
	let current = value;
	for (const key of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}

type Issue = z.core.$ZodIssue;

/** One zod issue as a short sentence about the value at its path. */
export function describeIssue(issue: Issue, schema: z.ZodType, input: unknown): string {
	const got = valueAt(input, issue.path);
	switch (issue.code) {
		case 'invalid_type':
			if (got === undefined) return 'is required';
			if (issue.expected === 'int') return `must be a whole number (got ${show(got)})`;
			return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected} (got ${show(got)})`;
		case 'too_big':
		case 'too_small': {
			const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
			if (issue.origin === 'number') {
				const { min, max } = numberBounds(schemaAt(schema, issue.path));
				if (min !== null && max !== null) return `must be between ${min} and ${max} (got ${show(got)})`;
				return `must be ${issue.code === 'too_big' ? 'at most' : 'at least'} ${limit} (got ${show(got)})`;
			}
			const size = typeof got === 'string' || Array.isArray(got) ? got.length : '?';
			const unit = issue.origin === 'string' ? 'characters' : 'items';
			if (issue.code === 'too_small' && limit === 1) return 'must not be empty';
			return `must have ${issue.code === 'too_big' ? 'at most' : 'at least'} ${limit} ${unit} (got ${size})`;
		}
		case 'invalid_value': {
			const values = issue.values.map(String);
			const listed = values.length > 5 ? `${values.slice(0, 4).join(', ')}, ...` : values.join(', ');
			return `must be one of ${listed} (got ${show(got)})`;
		}
		default:
			// custom refinements and formats carry the model's own wording ("a colour is #rrggbb")
			return issue.message;
	}
}

/** The first issue of a failed parse, as "<where>.<path>: <sentence>". */
export function describeFailure(error: z.ZodError, schema: z.ZodType, input: unknown, at: (path: readonly PropertyKey[]) => string): string {
	const issue = error.issues[0];
	if (!issue) return `${at([])}: invalid`;
	return `${at(issue.path)}: ${describeIssue(issue, schema, input)}`;
}
