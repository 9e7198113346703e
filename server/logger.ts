/**
 * One line per event with a level gate; tests run silent. No stack trace per bad frame. Readable
 * lines by default; LOG_FORMAT=json gives one JSON object per line (json-logger.ts) for collectors.
 */
import type { ServerConfig } from './config';

export interface Logger {
	info(message: string): void;
	warn(message: string): void;
}

/** Readable lines: `<ISO time> <message>`, problems as `<ISO time> WARN <message>` on stderr. */
export function createLogger(level: ServerConfig['logLevel']): Logger {
	const time = () => new Date().toISOString();
	return {
		info: (message) => {
			if (level === 'info') console.log(`${time()} ${message}`);
		},
		warn: (message) => {
			if (level !== 'silent') console.warn(`${time()} WARN ${message}`);
		}
	};
}

/** The logger the configuration asks for; pino is loaded only for JSON lines. */
export async function openLogger(config: Pick<ServerConfig, 'logLevel' | 'logFormat'>): Promise<Logger> {
	if (config.logFormat === 'text') return createLogger(config.logLevel);
	const { createJsonLogger } = await import('./json-logger');
	return createJsonLogger(config.logLevel);
}
