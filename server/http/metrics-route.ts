/**
 * `GET /metrics`: the Prometheus text of server/metrics/prometheus-metrics.ts for a scraper
 * presenting METRICS_TOKEN as a bearer token. Not an API call (not JSON, not for boards' users), so
 * it is answered before the API router and is not in the OpenAPI document. Metrics off (no token
 * configured): 404, as for any path we do not serve; a missing or wrong token: 401.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError, ERROR_CODES } from '../../src/lib/protocol/errors';
import { bearerToken, sameSecret } from '../auth/secrets';
import type { PrometheusMetrics } from '../metrics/prometheus-metrics';
import { HttpError, methodNotAllowed, notFound } from './http-errors';
import type { ApiRoute } from './request-listener';

export const METRICS_PATH = '/metrics';

export function metricsRoute(exposition: PrometheusMetrics | null, token: string | null, next: ApiRoute): ApiRoute {
	return async function routeMetrics(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
		if (url.pathname !== METRICS_PATH) return next(req, res, url);
		if (!exposition || !token) throw notFound('metrics are off on this server (METRICS_TOKEN unset)');
		if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET', 'HEAD']);
		if (!sameSecret(bearerToken(req.headers.authorization), token)) {
			throw new HttpError(401, apiError(ERROR_CODES.unauthorized, 'metrics need "Authorization: Bearer <METRICS_TOKEN>"'), {
				'www-authenticate': 'Bearer'
			});
		}
		const text = await exposition.scrape();
		res.writeHead(200, { 'content-type': exposition.contentType, 'cache-control': 'no-store' });
		res.end(req.method === 'HEAD' ? undefined : text);
		return true;
	};
}
