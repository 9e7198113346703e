/**
 * Update rates that hold across connections: per caller (its token, or its address without one —
 * `callerKey`) and per board. A per-connection limit alone multiplies with connections: 30 sockets
 * just under it flood a board with 27 000 updates/s. Over the caller's rate every further update
 * of that caller closes the connection sending it (4430). Over the board's rate only connections
 * sending more than their fair share — the board's rate over the connections that sent in this
 * second — are closed (4431): a dragged pin (~60/s) is never cut off because others flood.
 * In cluster mode every node applies every update of a board, so the board's rate is the whole
 * cluster's: updates other nodes logged draw on the same budget here (`spentElsewhere`), each node
 * counting as one sender — else N nodes would let in N times the board's rate.
 */
import { CLOSE_CODES } from '../../src/lib/protocol/close-codes';
import { KeyedRateLimit, TokenBucket } from '../auth/rate-limit';

export interface UpdateBudgetLimits {
	callerUpdatesPerSecond: number;
	callerUpdatesBurst: number;
	boardUpdatesPerSecond: number;
	boardUpdatesBurst: number;
}

/** One board's budget, and what each sender took of it in the current second. */
interface BoardBudget {
	bucket: TokenBucket;
	windowStart: number;
	/** Per sender: a connection here, or another node (by its name). */
	sent: Map<object | string, number>;
}

export type UpdateRefusal = typeof CLOSE_CODES.callerRateLimited | typeof CLOSE_CODES.boardRateLimited;

export class UpdateBudget {
	private readonly callers: KeyedRateLimit;
	private readonly boards = new Map<string, BoardBudget>();

	constructor(
		private readonly limits: UpdateBudgetLimits,
		private readonly now: () => number = () => performance.now()
	) {
		this.callers = new KeyedRateLimit(limits.callerUpdatesPerSecond, limits.callerUpdatesBurst, now);
	}

	/** Takes one update of `sender` (a connection) on `boardId` for `caller`: null if allowed, else why not. */
	take(boardId: string, caller: string, sender: object): UpdateRefusal | null {
		if (this.callers.take(caller) > 0) return CLOSE_CODES.callerRateLimited;
		const board = this.board(boardId);
		const sent = this.count(board, sender, 1);
		if (board.bucket.take()) return null;
		const fairShare = this.limits.boardUpdatesPerSecond / board.sent.size;
		return sent > fairShare ? CLOSE_CODES.boardRateLimited : null;
	}

	/**
	 * Another node logged `count` updates of the board: they cost this node too (it applies them),
	 * so they draw on the board's budget — never below empty, so the budget is back as soon as the
	 * flood elsewhere ends — and that node counts as one sender for the fair share.
	 */
	spentElsewhere(boardId: string, node: string, count: number): void {
		const board = this.board(boardId);
		this.count(board, `node:${node}`, count);
		board.bucket.drain(count);
	}

	/** The board has no watchers left: its budget goes (a new one starts full). */
	forgetBoard(boardId: string): void {
		this.boards.delete(boardId);
	}

	/** Adds to what `sender` sent in the current second (a new second starts the count again). */
	private count(board: BoardBudget, sender: object | string, updates: number): number {
		const now = this.now();
		if (now - board.windowStart >= 1000) {
			board.windowStart = now;
			board.sent.clear();
		}
		const sent = (board.sent.get(sender) ?? 0) + updates;
		board.sent.set(sender, sent);
		return sent;
	}

	private board(boardId: string): BoardBudget {
		let board = this.boards.get(boardId);
		if (!board) {
			board = { bucket: new TokenBucket(this.limits.boardUpdatesPerSecond, this.limits.boardUpdatesBurst, this.now), windowStart: this.now(), sent: new Map() };
			this.boards.set(boardId, board);
		}
		return board;
	}
}

/** True for a y-websocket frame that carries a document update (sync step 2 or update). */
export function isUpdateFrame(frame: Uint8Array): boolean {
	return frame[0] === 0 && (frame[1] === 1 || frame[1] === 2);
}
