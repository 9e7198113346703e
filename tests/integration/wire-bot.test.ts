/**
 * [API] The example bot (examples/wire-bot.mjs), run as a user would — one command, plain Node —
 * against the real server: the report arrives with its source link, under the token's name.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/lib/model/report';
import { ACCESS_API, type CreatedBoard, type CreatedToken } from '../../src/lib/protocol/access';
import { API, RECORDS_API } from '../../src/lib/protocol/endpoints';
import { callApi } from '../helpers/http';
import { startServer, type ServerProcess } from '../helpers/server-process';

const BOT = path.resolve(import.meta.dirname, '../../examples/wire-bot.mjs');

let server: ServerProcess;
let board: CreatedBoard;
let token: CreatedToken;

beforeAll(async () => {
	server = await startServer();
	board = (await callApi(server.url, 'POST', API.boards, { body: { title: 'Wire desk' } })).body as CreatedBoard;
	token = (await callApi(server.url, 'POST', ACCESS_API.tokens(board.id), { secret: board.ownerToken.token, body: { role: 'editor', label: 'Wire bot' } })).body as CreatedToken;
});
afterAll(async () => {
	await server?.stop();
});

/** Runs the bot; resolves with its exit code and output whether it succeeds or not. */
async function runBot(args: string[], env: Record<string, string> = {}) {
	try {
		const { stdout, stderr } = await promisify(execFile)(process.execPath, [BOT, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

describe('examples/wire-bot.mjs', () => {
	it('posts a report with a source link that arrives on the board under the token’s name', async () => {
		const text = `Pontoon bridge near Staryi Saltiv reported destroyed ${Date.now()}`;
		const result = await runBot(['--url', server.url, '--board', board.id, '--token', token.token, '--text', text, '--source', 'https://example.org/wire/1234', '--source-title', 'Wire 1234', '--confidence', 'rumour', '--lat', '50.08', '--lng', '36.8']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^posted report \S+ to .* as Wire bot \(rumour\)/);
		const reports = (await callApi(server.url, 'GET', RECORDS_API.list(board.id, 'reports'))).body as Report[];
		expect(reports.find((report) => report.text === text)).toMatchObject({
			createdBy: 'Wire bot',
			confidence: 'rumour',
			sources: [{ url: 'https://example.org/wire/1234', title: 'Wire 1234' }],
			place: { lat: 50.08, lng: 36.8 }
		});
	});

	it('reads the server, board and token from the environment', async () => {
		const result = await runBot(['--text', 'From the environment', '--source', 'https://example.org/env'], {
			SITUATION_BOARD_URL: server.url,
			SITUATION_BOARD_ID: board.id,
			SITUATION_BOARD_TOKEN: token.token
		});
		expect(result.code).toBe(0);
		const reports = (await callApi(server.url, 'GET', RECORDS_API.list(board.id, 'reports'))).body as Report[];
		expect(reports.map((report) => report.text)).toContain('From the environment');
	});

	it('says why the server refused (exit 1), and how to call it when an option is missing (exit 2)', async () => {
		const refused = await runBot(['--url', server.url, '--board', board.id, '--token', token.token, '--text', 'x', '--source', 'javascript:alert(1)']);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('[field: sources.0.url]');
		const wrongToken = await runBot(['--url', server.url, '--board', board.id, '--token', 'nope', '--text', 'x']);
		expect(wrongToken).toMatchObject({ code: 1, stderr: expect.stringContaining('401 unauthorized') });
		const usage = await runBot(['--url', server.url, '--board', board.id, '--token', token.token]);
		expect(usage.code).toBe(2);
		expect(usage.stderr).toContain('missing --text');
	});
});
