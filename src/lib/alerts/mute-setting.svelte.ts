/**
 * Whether flash alerts make a sound in this browser: one reactive setting for every board,
 * kept in localStorage so a watcher who muted at 2 a.m. is not startled by the next page load.
 */
const STORAGE_KEY = 'situation-board:alerts-muted';

function readStored(): boolean {
	try {
		return localStorage.getItem(STORAGE_KEY) === 'true';
	} catch {
		return false;
	}
}

class MuteSetting {
	muted = $state(readStored());

	set(muted: boolean): void {
		this.muted = muted;
		try {
			if (muted) localStorage.setItem(STORAGE_KEY, 'true');
			else localStorage.removeItem(STORAGE_KEY);
		} catch {
			/* private mode: muted for this page only */
		}
	}

	toggle(): void {
		this.set(!this.muted);
	}
}

export const alertMute = new MuteSetting();
