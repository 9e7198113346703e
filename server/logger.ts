/** One-line logs with a level gate; tests run silent. No stack trace per bad frame. */
import type { ServerConfig } from './config';

export interface Logger {
	info(message: string): void;
	warn(message: string): void;
}

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
