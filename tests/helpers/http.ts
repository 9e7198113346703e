/** Tiny JSON-over-fetch helpers for API tests. */
export async function getJson(url: string): Promise<{ status: number; body: unknown }> {
	const response = await fetch(url);
	return { status: response.status, body: await response.json() };
}

export async function postJson(
	url: string,
	body: string | object,
	headers: Record<string, string> = { 'content-type': 'application/json' }
): Promise<{ status: number; body: unknown }> {
	const response = await fetch(url, {
		method: 'POST',
		headers,
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
	return { status: response.status, body: await response.json() };
}

export async function createBoard(baseUrl: string, title: string): Promise<{ id: string; title: string }> {
	const { status, body } = await postJson(`${baseUrl}/api/boards`, { title });
	if (status !== 201) throw new Error(`creating board failed: ${status} ${JSON.stringify(body)}`);
	return body as { id: string; title: string };
}

/** GET a JSON answer that must be 200; anything else throws with the status and body. */
export async function getOk<T>(url: string): Promise<T> {
	const { status, body } = await getJson(url);
	if (status !== 200) throw new Error(`GET ${url}: ${status} ${JSON.stringify(body)}`);
	return body as T;
}
