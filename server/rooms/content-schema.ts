/**
 * Walks the model's zod schemas alongside a value, for what `safeParse` does not tell us:
 * - keys a value carries that its object schema does not know (zod objects strip them silently,
 *   so a raw client could park any payload inside `place` or a report source);
 * - the schema at an issue's path, to phrase "must be between -90 and 90" from its bounds.
 * It reads zod 4's `_zod.def` (the structure zod documents for tooling); an unknown kind of
 * schema is simply not walked into — the walk only ever adds refusals, never removes one.
 */
import type { z } from 'zod';

type Def = {
	type: string;
	shape?: Record<string, z.ZodType>;
	element?: z.ZodType;
	items?: z.ZodType[];
	rest?: z.ZodType | null;
	innerType?: z.ZodType;
	in?: z.ZodType;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that hold one inner schema: optional, default, nullable, readonly, ... */
function unwrap(schema: z.ZodType): z.ZodType {
	let current = schema;
	for (let depth = 0; depth < 8; depth++) {
		const def = defOf(current);
		const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
		if (!inner) return current;
		current = inner;
	}
	return current;
}

/** The schema a child at `key` must satisfy, or undefined when the walk cannot tell. */
function childSchema(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
	const def = defOf(unwrap(schema));
	if (def.type === 'object' && typeof key === 'string') return def.shape && Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
	if (def.type === 'array') return def.element;
	if (def.type === 'tuple' && typeof key === 'number') return def.items?.[key] ?? def.rest ?? undefined;
	return undefined;
}

/** The (unwrapped) schema at `path` below `schema`. */
export function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
	let current: z.ZodType | undefined = schema;
	for (const key of path) {
		if (!current) return undefined;
		current = childSchema(current, key);
	}
	return current ? unwrap(current) : undefined;
}

/** A number schema's bounds, when it has them (zod 4's ZodNumber exposes minValue / maxValue). */
export function numberBounds(schema: z.ZodType | undefined): { min: number | null; max: number | null } {
	const bounds = schema as unknown as { minValue?: number | null; maxValue?: number | null } | undefined;
	const finite = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
	return { min: finite(bounds?.minValue), max: finite(bounds?.maxValue) };
}

/** Whether a value of this schema can contain an object anywhere (cached: schemas are static). */
const holdsObjects = new WeakMap<z.ZodType, boolean>();
function mayHoldObjects(schema: z.ZodType): boolean {
	let known = holdsObjects.get(schema);
	if (known === undefined) {
		const def = defOf(unwrap(schema));
		if (def.type === 'object') known = true;
		else if (def.type === 'array') known = def.element ? mayHoldObjects(def.element) : false;
		else if (def.type === 'tuple') known = (def.items ?? []).some(mayHoldObjects) || (def.rest ? mayHoldObjects(def.rest) : false);
		else known = false;
		holdsObjects.set(schema, known);
	}
	return known;
}

/**
 * The path of the first key `value` carries that `schema` does not define, or null. Arrays of
 * plain tuples (a front's 5000 points) are not walked: nothing in them can hold a key.
 */
export function strayKey(schema: z.ZodType, value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
	if (value === null || typeof value !== 'object' || !mayHoldObjects(schema)) return null;
	const def = defOf(unwrap(schema));
	if (def.type === 'object' && !Array.isArray(value)) {
		// A decoded `__proto__` key sets the object's prototype instead of a key: zod would read through it.
		if (Object.getPrototypeOf(value) !== Object.prototype) return [...path, '__proto__'];
		const shape = def.shape ?? {};
		for (const [key, child] of Object.entries(value)) {
			if (!Object.hasOwn(shape, key)) return [...path, key];
			const stray = strayKey(shape[key]!, child, [...path, key]);
			if (stray) return stray;
		}
	} else if ((def.type === 'array' || def.type === 'tuple') && Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) {
			const child = childSchema(schema, index);
			const stray = child ? strayKey(child, value[index], [...path, index]) : null;
			if (stray) return stray;
		}
	}
	return null;
}
