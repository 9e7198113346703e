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

/**
 * One request as a script would make it: an optional bearer secret and a JSON body (an object is
 * serialised; a string is sent as it is, for bad-JSON cases). Answers the status, the parsed body
 * and the headers.
 */
export async function callApi(
	baseUrl: string,
	method: string,
	path: string,
	options: { secret?: string | null; body?: object | string; contentType?: string } = {}
): Promise<{ status: number; body: any; headers: Headers }> {
	const headers: Record<string, string> = {};
	if (options.secret) headers.authorization = `Bearer ${options.secret}`;
	if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
	const body = typeof options.body === 'string' ? options.body : options.body === undefined ? undefined : JSON.stringify(options.body);
	const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
	const text = await response.text();
	return { status: response.status, body: text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text, headers: response.headers };
}

/** GET a JSON answer that must be 200; anything else throws with the status and body. */
export async function getOk<T>(url: string): Promise<T> {
	const { status, body } = await getJson(url);
	if (status !== 200) throw new Error(`GET ${url}: ${status} ${JSON.stringify(body)}`);
	return body as T;
}
