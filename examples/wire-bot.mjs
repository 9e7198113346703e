#!/usr/bin/env node
/**
 * A wire bot: posts one report with its source link to a Situation Board, through the records API
 * (docs/api.md). Plain Node 20 — built-in fetch and parseArgs, no dependencies — so it can be
 * copied anywhere and called from cron, a feed reader or a chat hook.
 *
 *   node examples/wire-bot.mjs --url http://localhost:3000 --board kharkiv-2022 --token <API token> \
 *     --text "Ukrainian forces enter Balakliia" --source https://example.org/wire/1234
 *
 * Options may also come from the environment: SITUATION_BOARD_URL, SITUATION_BOARD_ID,
 * SITUATION_BOARD_TOKEN. The token is an API token the board's owner made in Share → API tokens;
 * its name is what the board's history shows for the report.
 *
 * Exit status: 0 posted, 1 refused by the server (the reason is printed), 2 bad usage.
 */
import { parseArgs } from 'node:util';

const USAGE = `usage: node examples/wire-bot.mjs --url URL --board ID --token TOKEN --text TEXT --source URL [options]

  --url URL            the board server (env SITUATION_BOARD_URL)
  --board ID           the board id, as in /b/<id> (env SITUATION_BOARD_ID)
  --token TOKEN        an API token of that board (env SITUATION_BOARD_TOKEN)
  --text TEXT          the claim, a sentence or two
  --source URL         a link to where it comes from; repeat for several
  --source-title T     a title for the first source
  --confidence LEVEL   rumour | unconfirmed (default) | likely | confirmed | denied
  --lat N --lng N      where it happened, if known (puts it on the map)
  --event-time ISO     when it happened (default: now)
  --id ID              your own id for the report: a retry then cannot post it twice`;

/** Tries again after a 429 as the server asks (Retry-After), a few times, then gives up. */
const MAX_ATTEMPTS = 4;

function fail(message, status = 2) {
	console.error(message);
	process.exit(status);
}

function readOptions() {
	let parsed;
	try {
		parsed = parseArgs({
			options: {
				url: { type: 'string', default: process.env.SITUATION_BOARD_URL },
				board: { type: 'string', default: process.env.SITUATION_BOARD_ID },
				token: { type: 'string', default: process.env.SITUATION_BOARD_TOKEN },
				text: { type: 'string' },
				source: { type: 'string', multiple: true },
				'source-title': { type: 'string' },
				confidence: { type: 'string' },
				lat: { type: 'string' },
				lng: { type: 'string' },
				'event-time': { type: 'string' },
				id: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		}).values;
	} catch (error) {
		fail(`${error.message}\n\n${USAGE}`);
	}
	if (parsed.help) fail(USAGE, 0);
	for (const required of ['url', 'board', 'token', 'text']) {
		if (!parsed[required]) fail(`missing --${required}\n\n${USAGE}`);
	}
	return parsed;
}

/** The report as the API takes it (CreateReportRequest in /api/openapi.json). */
function reportFrom(options) {
	const report = { text: options.text };
	const sources = options.source ?? [];
	if (sources.length > 0) {
		report.sources = sources.map((url, index) => (index === 0 && options['source-title'] ? { url, title: options['source-title'] } : { url }));
	}
	if (options.confidence) report.confidence = options.confidence;
	if (options.lat !== undefined || options.lng !== undefined) report.place = { lat: Number(options.lat), lng: Number(options.lng) };
	if (options['event-time']) {
		const eventTime = Date.parse(options['event-time']);
		if (Number.isNaN(eventTime)) fail(`--event-time must be an ISO date-time, got "${options['event-time']}"`);
		report.eventTime = eventTime;
	}
	if (options.id) report.id = options.id;
	return report;
}

async function post(options, report) {
	const endpoint = new URL(`/api/boards/${encodeURIComponent(options.board)}/reports`, options.url);
	for (let attempt = 1; ; attempt++) {
		const response = await fetch(endpoint, {
			method: 'POST',
			headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
			body: JSON.stringify(report)
		});
		const body = await response.json().catch(() => ({}));
		if (response.status === 429 && attempt < MAX_ATTEMPTS) {
			const seconds = Number(response.headers.get('retry-after')) || 1;
			console.error(`rate limited; retrying in ${seconds} s`);
			await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
			continue;
		}
		if (!response.ok) {
			const { code = response.status, message = response.statusText, field } = body.error ?? {};
			fail(`refused (${response.status} ${code}): ${message}${field ? ` [field: ${field}]` : ''}`, 1);
		}
		return body;
	}
}

const options = readOptions();
try {
	const posted = await post(options, reportFrom(options));
	console.log(`posted report ${posted.id} to ${options.board} as ${posted.createdBy} (${posted.confidence})`);
} catch (error) {
	fail(`could not reach ${options.url}: ${error.cause?.message ?? error.message}`, 1);
}
