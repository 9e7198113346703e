/**
 * The server's own calls and the boards: health, run-time config for the client, this API's
 * OpenAPI document, listing, creating and reading boards. Handlers only (the router checks the
 * caller, the allowance and the body).
 */
import type { HealthReply, RuntimeConfig } from '../../src/lib/protocol/server-info';
import { createOwnedBoard, type BoardAccess } from '../auth/board-access';
import type { BoardDirectory } from '../boards/board-directory';
import type { ServerConfig } from '../config';
import { bodyOf, json, paramOf, type ApiHandlers } from '../http/api-handler';
import { notFound } from '../http/http-errors';
import type { HealthCheck } from '../storage/storage';
import type { OpenApiDocument } from './openapi';

export function boardsApi(
	directory: BoardDirectory,
	access: BoardAccess,
	config: Pick<ServerConfig, 'tileUrl'>,
	document: OpenApiDocument,
	storage: HealthCheck,
	/** Cluster mode: this node's view of Redis. */
	redis: { checkHealth(): Promise<NonNullable<HealthReply['redis']>> } | null = null
): ApiHandlers {
	const startedAt = Date.now();
	return {
		health: async () =>
			json(200, {
				ok: true,
				uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
				storage: await storage.checkHealth(),
				...(redis ? { redis: await redis.checkHealth() } : {})
			} satisfies HealthReply),
		getConfig: () => json(200, { tileUrl: config.tileUrl } satisfies RuntimeConfig),
		getOpenApi: () => json(200, document),
		// Private boards are listed only to callers whose token opens them: a title can say a lot.
		listBoards: async ({ secret }) => json(200, await access.visible(await directory.list(), secret ? [secret] : [])),
		createBoard: async (context) =>
			json(201, await createOwnedBoard(directory, access, bodyOf(context, 'CreateBoardRequest').title, context.secret)),
		getBoard: async (context) => {
			const board = await directory.get(paramOf(context, 'boardId'));
			if (!board) throw notFound('no such board');
			return json(200, board);
		}
	};
}
