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
