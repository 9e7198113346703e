/**
 * The share-link token of a board, as this browser holds it: taken from `?token=` once (then
 * removed from the address bar, so it is not bookmarked or shown on screen), kept in localStorage
 * per board, and presented on every plane — Yjs URL params, socket.io auth, HTTP Bearer.
 */
import { SHARE_LINK_PARAM, tokenStorageKey } from '$lib/protocol/access';

export function adoptTokenFromUrl(boardId: string): void {
	const url = new URL(location.href);
	const token = url.searchParams.get(SHARE_LINK_PARAM);
	if (!token) return;
	saveToken(boardId, token);
	url.searchParams.delete(SHARE_LINK_PARAM);
	history.replaceState(history.state, '', url);
}

export function boardToken(boardId: string): string | null {
	try {
		return localStorage.getItem(tokenStorageKey(boardId));
	} catch {
		return null;
	}
}

export function saveToken(boardId: string, token: string): void {
	try {
		localStorage.setItem(tokenStorageKey(boardId), token);
	} catch {
		/* private mode: the link still works for this page */
	}
}

export function forgetToken(boardId: string): void {
	try {
		localStorage.removeItem(tokenStorageKey(boardId));
	} catch {
		/* nothing stored */
	}
}

/** fetch with this board's token as a Bearer header, when there is one. */
export function authorizedFetch(boardId: string) {
	return (input: string, init: RequestInit = {}): Promise<Response> => {
		const token = boardToken(boardId);
		if (!token) return fetch(input, init);
		const headers = new Headers(init.headers);
		headers.set('authorization', `Bearer ${token}`);
		return fetch(input, { ...init, headers });
	};
}
