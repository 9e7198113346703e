/**
 * [E3] Hostile traffic, seeded and repeatable: fast-check builds requests against every call the
 * OpenAPI document describes and every upgrade path — malformed percent-encodings, invalid
 * targets, wrong methods, wrong and oversized bodies, malformed headers — and sends them as raw
 * bytes. Every answer must be a named refusal or a success: never a 500 (an unexpected exception
 * is a bug), never a stack trace; after each batch the process is alive and answers /healthz.
 * FUZZ_SEED replays a failing run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../src/lib/protocol/endpoints';
import type { CreatedBoard } from '../../src/lib/protocol/access';
import { callApi } from '../helpers/http';
import { expectAlive, rawRequest, STACK_TRACE, upgradeRequest } from '../helpers/raw-http';
import { startServer, type ServerProcess } from '../helpers/server-process';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const BATCHES = 6;
const PER_BATCH = 40;

let server: ServerProcess;
let board: CreatedBoard;
let calls: { template: string; method: string }[];

beforeAll(async () => {
	// Generous allowances: this suite is about what a request can break, not about the limits.
	server = await startServer({ env: { BOARDS_PER_HOUR: '100000', BOARDS_BURST: '100000', API_RATE_LIMIT_BURST: '100000', HISTORY_BURST: '100000' } });
	board = (await callApi(server.url, 'POST', API.boards, { body: { title: 'Fuzzed' } })).body as CreatedBoard;
	const document = (await callApi(server.url, 'GET', API.openapi)).body as { paths: Record<string, Record<string, unknown>> };
	calls = Object.entries(document.paths).flatMap(([template, item]) => Object.keys(item).map((method) => ({ template, method: method.toUpperCase() })));
});
afterAll(async () => {
	await server?.stop();
});

/** A path segment as an attacker writes it: real ids, malformed escapes, traversal, long and odd text. */
const segment = () =>
	fc.oneof(
		// Mostly the real board, so requests get past the door to the handlers.
		{ weight: 6, arbitrary: fc.constant(board.id) },
		{ weight: 3, arbitrary: fc.constantFrom('%', '%E0', '%E0%A4', '%E0%A4%A', '%zz', '%00', '%2F', '..', '%2e%2e', '', '%C0%AF', '%FF%FE', 'a%20b') },
		{ weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encodeURIComponent) },
		{ weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,12}$/) },
		{ weight: 1, arbitrary: fc.constant('x'.repeat(3000)) }
	);

const queryString = fc.array(
	fc.tuple(
		fc.constantFrom('at', 'seq', 'limit', 'from', 'to', 'fromSeq', 'toSeq', 'actor', 'sector', 'collection', 'update', '%E0', ''),
		fc.oneof(fc.constantFrom('%', '%E0%A4', '-1', '1e400', 'NaN', 'yesterday', '2022-09-06T00:00:00Z', '0', 'true', '[]'), fc.string({ maxLength: 12 }).map(encodeURIComponent))
	),
	{ maxLength: 4 }
);

const authorization = () =>
	fc.oneof(
		{ weight: 3, arbitrary: fc.constantFrom(null, `Bearer ${board.ownerToken.token}`) },
		{ weight: 2, arbitrary: fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'bearer nonsense', 'Bearer \u00ff\u00fe', 'Token x') }
	);

const body = fc.oneof(
	fc.constant(null),
	fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
	fc.constantFrom('{"title":', '{"title":"\u0000"}', '[', 'null', '{"title":{"a":1}}', '{"lat":1e400,"lng":"x"}', '\u00ff\u00fe\u0000', '{"title":"x"}'),
	fc.constant(JSON.stringify({ title: 'y'.repeat(70 * 1024) }))
);

const contentType = fc.oneof(
	{ weight: 4, arbitrary: fc.constant('application/json') },
	{ weight: 1, arbitrary: fc.constantFrom('text/plain', null, 'application/json; charset=utf-16', 'multipart/form-data; boundary=x') }
);

const method = (described: string) =>
	fc.oneof({ weight: 4, arbitrary: fc.constant(described) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'FOO') });

function requestText(options: { method: string; target: string; auth: string | null; type: string | null; body: string | null }): Buffer {
	const payload = options.body === null ? null : Buffer.from(options.body, 'utf8');
	const lines = [`${options.method} ${options.target} HTTP/1.1`, 'Host: localhost', 'Connection: close'];
	if (options.auth !== null) lines.push(`Authorization: ${options.auth}`);
	if (options.type !== null) lines.push(`Content-Type: ${options.type}`);
	if (payload) lines.push(`Content-Length: ${payload.length}`);
	return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload ?? Buffer.alloc(0)]);
}

/** Every status seen, so the suite can show it reached handlers and not only the 404 at the door. */
const statuses = new Map<number, number>();

async function expectNamedAnswer(request: Buffer): Promise<void> {
	const answer = await rawRequest(server.port, request);
	statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
	const what = request.toString('latin1').split('\r\n', 1)[0]!.slice(0, 200);
	expect(answer.text, what).not.toMatch(STACK_TRACE);
	expect(answer.status, `${what}\n${answer.text.slice(0, 300)}`).not.toBe(500);
	expect(server.running(), `${what} ended the server:\n${server.log().slice(-1500)}`).toBe(true);
}

describe('[E3] hostile traffic against every described call and every upgrade path', () => {
	it('API calls with mangled paths, methods, headers and bodies get named answers; the server lives', async () => {
		const arbitrary = fc
			.record({ call: fc.constantFrom(...calls), auth: authorization(), type: contentType, body, query: queryString })
			.chain((base) =>
				fc.record({
					base: fc.constant(base),
					method: method(base.call.method),
					segments: fc.array(segment(), { minLength: 4, maxLength: 4 }),
					prefix: fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('//', 'http://localhost', 'http://[') })
				})
			);
		for (let batch = 0; batch < BATCHES; batch++) {
			await fc.assert(
				fc.asyncProperty(arbitrary, async ({ base, method: verb, segments, prefix }) => {
					let index = 0;
					const path = base.call.template.replace(/\{\w+\}/g, () => segments[index++]!);
					const query = base.query.map(([key, value]) => `${key}=${value}`).join('&');
					const target = `${prefix}${path}${query ? `?${query}` : ''}`;
					await expectNamedAnswer(requestText({ method: verb, target, auth: base.auth, type: base.type, body: base.body }));
				}),
				{ seed: SEED + batch, numRuns: PER_BATCH, endOnFailure: true }
			);
			await expectAlive(server, 2_000);
		}
		// The fuzz got past the door: successes and many kinds of refusal occurred, not only 404s.
		const seen = JSON.stringify([...statuses]);
		for (const status of [200, 400, 401, 404]) expect(statuses.get(status) ?? 0, `${status} in ${seen}`).toBeGreaterThan(0);
		expect(statuses.size, seen).toBeGreaterThanOrEqual(6);
	});

	it('upgrade requests to mangled paths are answered on their socket; the server lives', async () => {
		const target = fc.oneof(
			fc.tuple(fc.constantFrom('/yjs/', '/yjs', '//yjs/', '/socket.io/', '/api/', '/', 'http://[/yjs/', '*'), segment(), queryString).map(
				([prefix, id, query]) => `${prefix}${id}${query.length ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`
			),
			fc.constant(`/yjs/${board.id}?token=%E0%A4&actor=%`)
		);
		await fc.assert(
			fc.asyncProperty(target, async (path) => {
				const answer = await rawRequest(server.port, upgradeRequest(path), 1_500);
				expect(answer.text, path).not.toMatch(STACK_TRACE);
				expect(server.running(), `${path} ended the server`).toBe(true);
			}),
			{ seed: SEED, numRuns: 60, endOnFailure: true }
		);
		await expectAlive(server, 2_000);
	});
});
