/**
 * How an item is named in a change list: a pin or sector by its name, a front by its label, a
 * report by its first sentence. Reads plain record fields (as `recordFields` gives them), so a
 * record that does not (yet) fit its schema still gets a name rather than vanishing from history.
 */
import type { ChangeCollection } from '../../src/lib/protocol/history';

export type Fields = Record<string, unknown>;

/** Longest report label; a report's text may run to 4000 characters. */
const MAX_REPORT_LABEL = 80;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** A report label shorter than this takes the next sentence too ("OK." alone names nothing). */
const MIN_REPORT_LABEL = 24;

/** The first sentence (or two, if it is very short), without its full stop, cut at a word if too long. */
export function firstSentence(value: string, max = MAX_REPORT_LABEL): string {
	const sentences = value.split(/(?<=[.!?])\s+/);
	let label = sentences[0]!;
	for (let index = 1; label.length < MIN_REPORT_LABEL && index < sentences.length; index++) label += ` ${sentences[index]}`;
	label = label.replace(/\.$/, '');
	if (label.length <= max) return label;
	const cut = label.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

export function itemLabel(collection: ChangeCollection, id: string, fields: Fields): string {
	switch (collection) {
		case 'pins':
		case 'sectors':
			return text(fields.name) ?? id;
		case 'fronts':
			return text(fields.label) ?? `unnamed ${text(fields.kind) ?? 'front'}`;
		case 'reports': {
			const body = text(fields.text);
			return body ? firstSentence(body) : id;
		}
		case 'meta':
			return metaLabel(id, fields.value);
	}
}

const META_NAMES: Record<string, string> = { description: 'description', homeView: 'home view', forkedFrom: 'fork origin' };

function metaLabel(key: string, value: unknown): string {
	if (key === 'title') return text(value) ?? 'title';
	return META_NAMES[key] ?? key;
}

/** "the pin", "the front", … — how a log line refers to an item of a collection. */
export const NOUNS: Record<Exclude<ChangeCollection, 'meta'>, string> = {
	pins: 'the pin',
	fronts: 'the front',
	reports: 'the report',
	sectors: 'the sector'
};

export const quote = (label: string) => `'${label}'`;

/** Who holds a place, as a log line says it: "held by Ukraine", "contested". */
export function controlPhrase(control: unknown): string {
	switch (control) {
		case 'ukraine':
			return 'held by Ukraine';
		case 'russia':
			return 'held by Russia';
		case 'contested':
			return 'contested';
		default:
			return 'of unknown control';
	}
}

/** A value as a log line shows it in "(state halted, side russia)". */
export function shortValue(value: unknown): string {
	if (value === undefined || value === null) return 'cleared';
	if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 39)}…` : value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return 'changed';
}

export function pointCount(value: unknown): string {
	const count = Array.isArray(value) ? value.length : 0;
	return `${count} point${count === 1 ? '' : 's'}`;
}
