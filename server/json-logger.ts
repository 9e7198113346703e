/**
 * LOG_FORMAT=json: every log line a JSON object (pino) — `level` as pino's number and `levelLabel`,
 * `time` in ISO 8601, `msg` — on stdout, for a collector to parse instead of a person to read.
 * Written synchronously: the last lines before an exit (a failed start, a signal) must not be lost,
 * and the server logs lifecycle events, not traffic.
 */
import type { ServerConfig } from './config';
import type { Logger } from './logger';

export async function createJsonLogger(level: ServerConfig['logLevel']): Promise<Logger> {
	const { pino } = await import('pino');
	const log = pino(
		{
			level,
			timestamp: pino.stdTimeFunctions.isoTime,
			formatters: { level: (label, number) => ({ level: number, levelLabel: label }) }
		},
		pino.destination({ dest: 1, sync: true })
	);
	return {
		info: (message) => log.info(message),
		warn: (message) => log.warn(message)
	};
}
