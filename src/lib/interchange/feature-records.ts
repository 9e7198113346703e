/**
 * One imported feature as the fields of a board record, and how each of its properties mapped.
 * Our own exports carry `layer` and the interchange vocabulary (src/lib/model/geojson.ts), so they
 * come back as they left; a foreign file's points become pins, its lines front lines and its
 * polygons areas, labelled from the first of name/label/title. A value the model has no place
 * for (a kind we do not know, a "population") is kept as a line of the record's note rather than
 * lost. The model's own field names (control, state, confidence, label) are read too.
 */
import type { Feature } from 'geojson';
import { SIDES } from '../model/common';
import { FRONT_STATES } from '../model/front';
import { BOARD_LAYERS, LAYER_PROPERTY, type BoardLayer } from '../model/geojson';
import { LIMITS } from '../model/limits';
import { CONTROL_STATES, ECHELONS, PIN_KINDS, UNIT_TYPES } from '../model/pin';
import { CONFIDENCE_LEVELS } from '../model/report';
import { parseMoment } from '../protocol/history';
import type { ShapeGeometry } from './feature-geometry';

export interface Candidate {
	/** 1-based position in the file, for messages. */
	number: number;
	layer: BoardLayer;
	/** Written by our own export (it says its layer): what it leaves out was not there. */
	ours: boolean;
	fileId?: string;
	/** Model fields, without id, sector, links and provenance. */
	fields: Record<string, unknown>;
	sectorRef: { id?: string; name?: string };
	linkRefs: string[];
	/** Property name → what it became ("name", "side", "note", "ignored: style"). */
	mapping: Map<string, string>;
	warnings: string[];
}

const LABEL_KEYS = ['name', 'label', 'title', 'Name', 'NAME', 'Title'];
const TEXT_KEYS = ['text', 'description', 'name'];
/** What togeojson and common editors add to say how a feature looks: not content. */
const STYLE_KEY = /^(styleUrl|styleHash|styleMapHash|stroke|stroke-.*|fill|fill-.*|icon|icon-.*|label-.*|marker-.*|visibility|open)$/;
/** Who and when come from the importer and the import; the file's are not carried over. */
const PROVENANCE_KEYS = new Set(['createdBy', 'createdAt', 'updatedBy', 'updatedAt', 'gradeHistory', 'id', LAYER_PROPERTY, 'sectorName']);

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
	typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const text = (value: unknown): string | undefined =>
	typeof value === 'string' ? value.trim() || undefined : typeof value === 'number' ? String(value) : undefined;

/** ExtendedData values arrive as strings: arrays and objects we wrote as JSON are read back. */
function structured(value: unknown): unknown {
	if (typeof value !== 'string' || !/^[[{]/.test(value.trim())) return value;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
}

/** A time as a file may give it: ISO 8601 or epoch milliseconds; anything else is no time. */
const momentOf = (value: unknown): number | undefined =>
	typeof value === 'string' || typeof value === 'number' ? parseMoment(value) : undefined;

const stripTags = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();

function layerOf(properties: Record<string, unknown>, shape: ShapeGeometry): BoardLayer {
	const declared = oneOf(BOARD_LAYERS, properties[LAYER_PROPERTY]);
	if (declared) return declared;
	return shape.type === 'Point' ? 'pin' : 'front';
}

/** Which geometry each layer takes; a mismatch in a file that declares its layer is an error. */
export const LAYER_GEOMETRY: Record<BoardLayer, readonly ShapeGeometry['type'][]> = {
	pin: ['Point'],
	report: ['Point'],
	front: ['LineString', 'Polygon'],
	sector: ['Polygon']
};

export function featureToCandidate(feature: Feature, number: number, shape: ShapeGeometry): Candidate {
	const properties: Record<string, unknown> = { ...(feature.properties ?? {}) };
	const layer = layerOf(properties, shape);
	const ours = oneOf(BOARD_LAYERS, properties[LAYER_PROPERTY]) !== undefined;
	const candidate: Candidate = { number, layer, ours, fields: {}, sectorRef: {}, linkRefs: [], mapping: new Map(), warnings: [] };
	const fileId = text(feature.id) ?? text(properties.id);
	if (fileId) candidate.fileId = fileId;
	const noteLines: string[] = [];
	const used = new Set<string>();
	const take = (key: string, target: string) => {
		used.add(key);
		candidate.mapping.set(key, target);
	};
	/** An enum-valued property: used if it is one of ours, else kept in the note. */
	const choose = (keys: string[], values: readonly string[], field: string) => {
		const key = keys.find((name) => properties[name] !== undefined && properties[name] !== '');
		if (!key) return;
		const value = oneOf(values, properties[key]);
		if (value) {
			candidate.fields[field] = value;
			take(key, field);
		} else candidate.warnings.push(`${key} "${String(properties[key]).slice(0, 40)}" is not one the board knows; kept in the note`);
	};

	// The label.
	const labelKeys = layer === 'report' ? TEXT_KEYS : ours ? ['name'] : LABEL_KEYS;
	const labelKey = labelKeys.find((key) => text(properties[key]) !== undefined);
	if (labelKey) {
		const raw = labelKey === 'description' ? stripTags(String(properties[labelKey])) : text(properties[labelKey])!;
		const max = layer === 'report' ? LIMITS.reportTextLength : LIMITS.nameLength;
		if (raw.length > max) candidate.warnings.push(`${labelKey} cut to ${max} characters`);
		const field = layer === 'report' ? 'text' : layer === 'front' ? 'label' : 'name';
		candidate.fields[field] = raw.slice(0, max);
		take(labelKey, field);
	}
	if (ours && properties.description !== undefined) take('description', 'ignored: balloon text of our export');

	choose(['side'], SIDES, 'side');
	if (layer === 'pin') {
		choose(['kind'], PIN_KINDS, 'kind');
		choose(['status', 'control'], CONTROL_STATES, 'control');
		choose(['unitType'], UNIT_TYPES, 'unitType');
		choose(['echelon'], ECHELONS, 'echelon');
		const since = properties.controlSince;
		if (momentOf(since) !== undefined) {
			candidate.fields.controlSince = momentOf(since);
			take('controlSince', 'controlSince');
		}
	}
	if (layer === 'front') {
		const kind = properties.kind;
		if (shape.type === 'Polygon') candidate.fields.kind = 'area';
		else candidate.fields.kind = kind === 'arrow' ? 'arrow' : 'line';
		if (kind === 'line' || kind === 'arrow' || kind === 'area') take('kind', 'kind');
		choose(['status', 'state'], FRONT_STATES, 'state');
	}
	if (layer === 'sector' && typeof properties.colour === 'string' && /^#[0-9a-fA-F]{6}$/.test(properties.colour)) {
		candidate.fields.colour = properties.colour;
		take('colour', 'colour');
	}
	if (layer === 'report') {
		choose(['grade', 'confidence'], CONFIDENCE_LEVELS, 'confidence');
		const timeKey = ['eventTime', 'timestamp', 'time', 'date'].find((key) => momentOf(properties[key]) !== undefined);
		if (timeKey) {
			candidate.fields.eventTime = momentOf(properties[timeKey]);
			take(timeKey, 'eventTime');
		}
		const admiralty = /^([A-F])([1-6])$/.exec(String(properties.admiralty ?? ''));
		if (admiralty) {
			candidate.fields.admiralty = { reliability: admiralty[1], credibility: Number(admiralty[2]) };
			take('admiralty', 'admiralty');
		}
		const sources = structured(properties.sources);
		if (Array.isArray(sources)) {
			candidate.fields.sources = sources.filter((source) => source && typeof source === 'object' && typeof source.url === 'string');
			take('sources', 'sources');
		}
		const links = structured(properties.links);
		if (Array.isArray(links)) {
			candidate.linkRefs = links.filter((link): link is string => typeof link === 'string');
			take('links', 'links');
		}
	}
	if (typeof properties.sector === 'string' && properties.sector) {
		candidate.sectorRef.id = properties.sector;
		take('sector', 'sector');
	}
	if (typeof properties.sectorName === 'string' && properties.sectorName) candidate.sectorRef.name = properties.sectorName;
	if (layer !== 'report' && typeof properties.note === 'string' && properties.note) {
		noteLines.push(properties.note);
		take('note', 'note');
	}

	for (const [key, value] of Object.entries(properties)) {
		if (used.has(key) || value === undefined || value === null || value === '') continue;
		if (STYLE_KEY.test(key)) candidate.mapping.set(key, 'ignored: style');
		else if (PROVENANCE_KEYS.has(key)) candidate.mapping.set(key, 'ignored: the import is yours');
		else if (layer === 'report') candidate.mapping.set(key, 'ignored: reports have no note');
		else {
			const shown = key === 'description' ? stripTags(String(value)) : typeof value === 'string' ? value : JSON.stringify(value);
			noteLines.push(`${key}: ${shown}`);
			candidate.mapping.set(key, 'note');
		}
	}
	if (noteLines.length > 0) {
		const note = noteLines.join('\n');
		if (note.length > LIMITS.noteLength) candidate.warnings.push(`note cut to ${LIMITS.noteLength} characters`);
		candidate.fields.note = note.slice(0, LIMITS.noteLength);
	}
	return candidate;
}
