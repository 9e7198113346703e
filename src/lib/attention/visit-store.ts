/**
 * Where this browser keeps when its watcher last looked at a board, and at each of its sectors
 * (localStorage, per board). A storage that throws (private mode, quota) or holds garbage reads
 * as "never": the worst case is a panel not shown, never a broken board.
 */
import { LAST_VISIT_KEY, SECTOR_VIEWS_KEY } from './attention-config';

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** When each sector was last viewed; `baseline` stands for sectors never viewed (the first visit). */
export interface SectorViews {
	baseline: number;
	sectors: Record<string, number>;
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function browserStorage(): KeyValueStore | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null;
	}
}

export class VisitStore {
	constructor(
		private readonly boardId: string,
		private readonly storage: KeyValueStore | null = browserStorage()
	) {}

	/** The last visit, epoch ms; null on a first visit. */
	lastVisit(): number | null {
		const text = this.read(LAST_VISIT_KEY(this.boardId));
		const value = text === null || !/^\d+$/.test(text) ? NaN : Number(text);
		return isTime(value) ? value : null;
	}

	saveVisit(at: number): void {
		this.write(LAST_VISIT_KEY(this.boardId), String(at));
	}

	/** Per-sector viewed times; null when this browser has none for the board yet. */
	sectorViews(): SectorViews | null {
		try {
			const parsed: unknown = JSON.parse(this.read(SECTOR_VIEWS_KEY(this.boardId)) ?? 'null');
			if (!parsed || typeof parsed !== 'object') return null;
			const { baseline, sectors } = parsed as Partial<SectorViews>;
			if (!isTime(baseline)) return null;
			const clean: Record<string, number> = {};
			for (const [id, at] of Object.entries(sectors ?? {})) if (isTime(at)) clean[id] = at;
			return { baseline, sectors: clean };
		} catch {
			return null;
		}
	}

	saveSectorViews(views: SectorViews): void {
		this.write(SECTOR_VIEWS_KEY(this.boardId), JSON.stringify(views));
	}

	private read(key: string): string | null {
		try {
			return this.storage?.getItem(key) ?? null;
		} catch {
			return null;
		}
	}

	private write(key: string, value: string): void {
		try {
			this.storage?.setItem(key, value);
		} catch {
			// Full or forbidden storage: attention is a convenience, the board goes on.
		}
	}
}
