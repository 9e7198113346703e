/**
 * Turns one item's fields before and after an update into change-list entries: which action(s)
 * the update performed on it and a log line for each ("Olena moved the pin 'Kupiansk'"). Pure:
 * the tracker supplies the fields, so this is tested without documents.
 *
 * An update to a record may do several things at once (a foreign client moving and renaming in
 * one transaction, `updateFront` changing state and note): one entry per action, in the order of
 * CHANGE_ACTIONS. Provenance fields (createdBy, updatedAt, ...) never make a change on their own:
 * the log already says who and when.
 */
import type { CollectionName } from '../../src/lib/model/layout';
import { CHANGE_ACTIONS, FORKED_FROM_KEY, forkedFrom, type ChangeAction, type ChangeEntry } from '../../src/lib/protocol/history';
import { controlPhrase, itemLabel, NOUNS, pointCount, quote, shortValue, type Fields } from './change-labels';

export interface ChangeContext {
	seq: number;
	at: number;
	actor: string | null;
}

/** Provenance: who and when, never a change on its own. */
export const NOT_CHANGES: ReadonlySet<string> = new Set(['id', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt']);

/** What a change of each field means; any field not listed is an edit. */
const FIELD_ACTIONS: Record<CollectionName, Readonly<Record<string, ChangeAction>>> = {
	pins: { lat: 'moved', lng: 'moved', name: 'renamed', kind: 'restyled', side: 'restyled', control: 'control-changed', controlSince: 'control-changed' },
	fronts: { points: 'reshaped', label: 'renamed', kind: 'restyled', side: 'restyled', state: 'restyled' },
	reports: { confidence: 'graded', gradeHistory: 'graded' },
	sectors: { name: 'renamed', area: 'reshaped', colour: 'restyled' }
};

/** Field values are plain JSON (numbers, strings, arrays of pairs, small objects): deep equality. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		for (let index = 0; index < a.length; index++) if (!sameValue(a[index], b[index])) return false;
		return true;
	}
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	for (const key of keys) if (!sameValue((a as Fields)[key], (b as Fields)[key])) return false;
	return true;
}

/** The fields whose values differ, grouped by what their change means. */
function changedFields(collection: CollectionName, before: Fields, after: Fields): Map<ChangeAction, string[]> {
	const byAction = new Map<ChangeAction, string[]>();
	const note = (key: string) => {
		const action = FIELD_ACTIONS[collection][key] ?? 'edited';
		const fields = byAction.get(action);
		if (fields) fields.push(key);
		else byAction.set(action, [key]);
	};
	for (const key in after) if (!NOT_CHANGES.has(key) && !sameValue(before[key], after[key])) note(key);
	for (const key in before) if (!(key in after) && !NOT_CHANGES.has(key)) note(key);
	return byAction;
}

const who = (context: ChangeContext) => context.actor ?? 'Someone';

function sectorOf(collection: CollectionName, id: string, fields: Fields): string | undefined {
	if (collection === 'sectors') return id;
	return typeof fields.sector === 'string' ? fields.sector : undefined;
}

export function describeRecordChange(
	context: ChangeContext,
	collection: CollectionName,
	id: string,
	before: Fields | undefined,
	after: Fields | undefined
): ChangeEntry[] {
	const current = after ?? before;
	if (!current) return [];
	const label = itemLabel(collection, id, current);
	const noun = `${NOUNS[collection]} ${quote(label)}`;
	const sector = sectorOf(collection, id, current);
	const entry = (action: ChangeAction, phrase: string): ChangeEntry => {
		const change: ChangeEntry = { seq: context.seq, at: context.at, actor: context.actor, collection, itemId: id, itemLabel: label, action, summary: `${who(context)} ${phrase}` };
		if (sector !== undefined) change.sector = sector;
		return change;
	};

	if (!before) return [entry('created', createdPhrase(collection, noun, current))];
	if (!after) return [entry('removed', `removed ${noun}`)];

	const fieldsByAction = changedFields(collection, before, after);
	if (fieldsByAction.size === 0) return [];
	return CHANGE_ACTIONS.filter((action) => fieldsByAction.has(action)).map((action) => {
		const fields = fieldsByAction.get(action)!;
		switch (action) {
			case 'moved':
				return entry(action, `moved ${noun}`);
			case 'renamed':
				return entry(action, `renamed ${NOUNS[collection]} ${quote(itemLabel(collection, id, before))} to ${quote(label)}`);
			case 'reshaped':
				return entry(action, `reshaped ${noun} (${pointCount(after.points ?? after.area)})`);
			case 'restyled':
				return entry(action, `restyled ${noun} (${fields.map((key) => `${key} ${shortValue(after[key])}`).join(', ')})`);
			case 'control-changed':
				return entry(action, `marked ${quote(label)} ${controlPhrase(after.control)}`);
			case 'graded':
				return entry(action, `graded ${quote(label)} ${typeof after.confidence === 'string' ? after.confidence : 'unconfirmed'}`);
			default:
				return entry('edited', `edited ${noun} (${fields.join(', ')})`);
		}
	});
}

function createdPhrase(collection: CollectionName, noun: string, fields: Fields): string {
	switch (collection) {
		case 'fronts':
			return `drew ${noun} (${pointCount(fields.points)})`;
		case 'reports':
			return `posted ${noun}`;
		default:
			return `added ${noun}`;
	}
}

/** A key of the board's `meta` map set, changed or deleted. */
export function describeMetaChange(context: ChangeContext, key: string, before: unknown, after: unknown): ChangeEntry[] {
	if (sameValue(before, after)) return [];
	const label = itemLabel('meta', key, { value: after ?? before });
	const entry = (action: ChangeAction, phrase: string): ChangeEntry => ({
		...context,
		collection: 'meta',
		itemId: key,
		itemLabel: label,
		action,
		summary: `${who(context)} ${phrase}`
	});
	if (after === undefined) return [entry('removed', `removed the board's ${label}`)];
	if (key === 'title') return [entry('renamed', before === undefined ? `named the board ${quote(label)}` : `renamed the board to ${quote(label)}`)];
	if (key === 'homeView') return [entry('edited', "set the board's home view")];
	if (key === FORKED_FROM_KEY) {
		const origin = forkedFrom.safeParse(after);
		const from = origin.success ? ` ${quote(origin.data.boardId)} at update ${origin.data.seq}` : '';
		return [entry('created', `forked the board from${from || ' another'}`)];
	}
	return [entry('edited', `edited the board's ${label}`)];
}
