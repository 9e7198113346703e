/**
 * What the records API does to a board, without HTTP: reads from the live room, and writes as
 * named model operations through Room.applyChange (drafted, validated like any watcher's update,
 * logged with the caller's name, broadcast). Each write waits until it is in the log, so a 2xx
 * means the change is durable and on its way to every open board.
 */
import type * as Y from 'yjs';
import { sectorAt } from '../../src/lib/geo/sector-at';
import { LIMITS } from '../../src/lib/model/limits';
import type { CollectionName } from '../../src/lib/model/layout';
import { addPin, movePin, renamePin, updatePin } from '../../src/lib/model/pin-operations';
import type { Pin } from '../../src/lib/model/pin';
import { readAll, readRecord, type RecordOf } from '../../src/lib/model/records';
import type { Confidence, Report } from '../../src/lib/model/report';
import { gradeReport, postReport } from '../../src/lib/model/report-operations';
import { ModelValidationError } from '../../src/lib/model/validation-error';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import type { CreatePinRequest, CreateReportRequest, UpdatePinRequest } from '../../src/lib/protocol/records-api';
import type { Grant } from '../auth/board-access';
import type { BoardDirectory } from '../boards/board-directory';
import { DraftRefused } from '../rooms/drafted-change';
import { apiOrigin } from '../rooms/origins';
import { HttpError } from '../http/http-errors';

/** Who a change is logged as: the token's label (an API token's name), else what opened the board. */
export interface ApiActor {
	name: string;
	tokenId: string | null;
}

export function actorOf(grant: Grant, isAdmin: boolean): ApiActor {
	const label = grant.label?.trim().slice(0, LIMITS.actorNameLength).trim();
	const name = label || (grant.tokenId ? `${grant.role} token ${grant.tokenId}` : isAdmin ? 'admin' : 'anonymous API client');
	return { name, tokenId: grant.tokenId };
}

/** A named operation run on the draft with the caller's context; returns the record's id. */
type Edit<T> = (doc: Y.Doc, context: { actor: string; now: number }) => T;

const noRecord = (collection: CollectionName, id: string) =>
	new HttpError(404, apiError(ERROR_CODES.notFound, `no ${collection.slice(0, -1)} with id "${id}" on this board`));

/** "pins/pin-abc.lat: must be …" → "lat": the field a refusal names, for the error's `field`. */
function refusedField(reason: string): string | undefined {
	return /^[a-z]+\/[^.:\s]+\.([\w.]+):/.exec(reason)?.[1];
}

/** A model or content refusal as the API's 422, naming the field. */
function unprocessable(error: unknown): unknown {
	if (error instanceof ModelValidationError) return new HttpError(422, apiError(ERROR_CODES.invalid, error.message, error.field));
	if (error instanceof DraftRefused) return new HttpError(422, apiError(ERROR_CODES.invalid, error.reason, refusedField(error.reason)));
	return error;
}

export class RecordsWriter {
	constructor(private readonly directory: BoardDirectory) {}

	/** Reads the live board (loading it if nobody has it open). */
	async read<T>(boardId: string, reader: (doc: Y.Doc) => T): Promise<T> {
		let result!: T;
		await this.directory.withRoom(boardId, (room) => {
			result = reader(room.doc);
		});
		return result;
	}

	addPin(boardId: string, request: CreatePinRequest, actor: ApiActor): Promise<Pin> {
		return this.write(boardId, 'pins', actor, request.id, (doc, context) => {
			// Like the board's own form: a new pin belongs to the sector it lies in, unless told.
			const sector = request.sector ?? sectorAt(request.lat, request.lng, readAll(doc, 'sectors'));
			return addPin(doc, { ...request, sector }, context);
		});
	}

	postReport(boardId: string, request: CreateReportRequest, actor: ApiActor): Promise<Report> {
		return this.write(boardId, 'reports', actor, request.id, (doc, context) => {
			const sector = request.sector ?? (request.place ? sectorAt(request.place.lat, request.place.lng, readAll(doc, 'sectors')) : undefined);
			return postReport(doc, { ...request, sector, eventTime: request.eventTime ?? context.now }, context);
		});
	}

	updatePin(boardId: string, id: string, request: UpdatePinRequest, actor: ApiActor): Promise<Pin> {
		const { lat, lng, name, ...patch } = request;
		return this.change(boardId, 'pins', id, actor, (doc, context) => {
			if (lat !== undefined && lng !== undefined) movePin(doc, id, lat, lng, context);
			if (name !== undefined) renamePin(doc, id, name, context);
			if (Object.keys(patch).length > 0) updatePin(doc, id, patch, context);
		});
	}

	gradeReport(boardId: string, id: string, grade: Confidence, actor: ApiActor): Promise<Report> {
		return this.change(boardId, 'reports', id, actor, (doc, context) => gradeReport(doc, id, grade, context));
	}

	/** Creates a record; an id the caller chose that is taken already is a 409, never an overwrite. */
	private write<C extends 'pins' | 'reports'>(boardId: string, collection: C, actor: ApiActor, chosenId: string | undefined, create: Edit<string>) {
		return this.apply(boardId, collection, actor, (doc, context) => {
			if (chosenId !== undefined && doc.getMap(collection).has(chosenId)) {
				throw new HttpError(409, apiError(ERROR_CODES.conflict, `a ${collection.slice(0, -1)} with id "${chosenId}" exists already`, 'id'));
			}
			return create(doc, context);
		});
	}

	private change<C extends 'pins' | 'reports'>(boardId: string, collection: C, id: string, actor: ApiActor, edit: Edit<void>) {
		return this.apply(boardId, collection, actor, (doc, context) => {
			if (!readRecord(doc, collection, id)) throw noRecord(collection, id);
			edit(doc, context);
			return id;
		});
	}

	/**
	 * One change on the live room, attributed to `actor`; resolves with the record as it then
	 * stands, once the change is in the log.
	 */
	private async apply<C extends 'pins' | 'reports'>(boardId: string, collection: C, actor: ApiActor, change: Edit<string>) {
		const context = { actor: actor.name, now: Date.now() };
		let record: RecordOf<C> | undefined;
		try {
			await this.directory.withRoom(boardId, (room) => {
				const id = room.applyChange(apiOrigin(actor.name, actor.tokenId), (doc) => change(doc, context));
				record = readRecord(room.doc, collection, id);
			});
		} catch (error) {
			throw unprocessable(error);
		}
		// The room validated the record as it now stands, so it reads back.
		return record!;
	}
}
