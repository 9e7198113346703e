/**
 * The OpenAPI document's components, generated from the very zod schemas that validate requests
 * and type responses (src/lib/model, src/lib/protocol) with zod 4's `z.toJSONSchema`, so the
 * document cannot say something the server does not do. Requests are described as the schema
 * accepts them (`io: 'input'`: a field with a default may be left out), responses as the server
 * sends them (`io: 'output'`). OpenAPI 3.1 schemas are JSON Schema 2020-12, zod's default target.
 */
import { z } from 'zod';
import { frontSchema } from '../../src/lib/model/front';
import { pinSchema } from '../../src/lib/model/pin';
import { reportSchema } from '../../src/lib/model/report';
import { sectorSchema } from '../../src/lib/model/sector';
import {
	accessMode,
	boardAccessInfo,
	createdBoard,
	createdToken,
	createTokenRequest,
	myAccess,
	revokedToken,
	setAccessRequest,
	tokenInfo
} from '../../src/lib/protocol/access';
import { boardSummary, createBoardRequest } from '../../src/lib/protocol/boards';
import { apiErrorBody } from '../../src/lib/protocol/errors';
import { changesPage, forkRequest, forkResponse, historyState, historySummary, latestChanges, sinceAnswer, updatesPage } from '../../src/lib/protocol/history';
import { createPinRequest, createReportRequest, updatePinRequest, updateReportRequest } from '../../src/lib/protocol/records-api';
import { healthReply, runtimeConfig } from '../../src/lib/protocol/server-info';

/** What the server sends, by component name. */
export const RESPONSE_SCHEMAS = {
	Pin: pinSchema,
	Front: frontSchema,
	Report: reportSchema,
	Sector: sectorSchema,
	BoardSummary: boardSummary,
	CreatedBoard: createdBoard,
	CreatedToken: createdToken,
	TokenInfo: tokenInfo,
	BoardAccessInfo: boardAccessInfo,
	MyAccess: myAccess,
	RevokedToken: revokedToken,
	HistoryState: historyState,
	ChangesPage: changesPage,
	UpdatesPage: updatesPage,
	HistorySummary: historySummary,
	SinceAnswer: sinceAnswer,
	LatestChanges: latestChanges,
	/** A fork is a new board: its creator gets its owner token, like any board's. */
	ForkedBoard: forkResponse.extend({ access: accessMode, ownerToken: createdToken }),
	ApiError: apiErrorBody,
	HealthReply: healthReply,
	RuntimeConfig: runtimeConfig
} as const;

/** What the server accepts as a JSON body, by component name. */
export const REQUEST_SCHEMAS = {
	CreateBoardRequest: createBoardRequest,
	SetAccessRequest: setAccessRequest,
	CreateTokenRequest: createTokenRequest,
	ForkRequest: forkRequest,
	CreatePinRequest: createPinRequest,
	UpdatePinRequest: updatePinRequest,
	CreateReportRequest: createReportRequest,
	UpdateReportRequest: updateReportRequest
} as const;

export type ResponseName = keyof typeof RESPONSE_SCHEMAS;
export type RequestName = keyof typeof REQUEST_SCHEMAS;
export type RequestBody<N extends RequestName> = z.infer<(typeof REQUEST_SCHEMAS)[N]>;

/** What each body is, for refusals: "pin: lat must be …". */
export const REQUEST_NOUNS: Record<RequestName, string> = {
	CreateBoardRequest: 'board',
	SetAccessRequest: 'access',
	CreateTokenRequest: 'token',
	ForkRequest: 'fork',
	CreatePinRequest: 'pin',
	UpdatePinRequest: 'pin',
	CreateReportRequest: 'report',
	UpdateReportRequest: 'report'
};
export type JsonSchema = Record<string, unknown>;

export const componentRef = (name: ResponseName | RequestName) => ({ $ref: `#/components/schemas/${name}` });

function generate(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
	const registry = z.registry<{ id: string }>();
	for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
	const generated = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io, unrepresentable: 'any' });
	// Each component stands inside the document: its own $schema and $id would only repeat that.
	return Object.fromEntries(
		Object.entries(generated.schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema as JsonSchema])
	);
}

/** Every component schema of the document. */
export function componentSchemas(): Record<string, JsonSchema> {
	return { ...generate(RESPONSE_SCHEMAS, 'output'), ...generate(REQUEST_SCHEMAS, 'input') };
}

/** One standalone JSON Schema (a path or query parameter), without the draft marker. */
export function inlineSchema(schema: z.ZodType): JsonSchema {
	const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
	return rest;
}
