/**
 * A refused request, with the HTTP status and the shared error code both transports answer with:
 * 401 `unauthorized` when no valid token was presented (missing, wrong or revoked), 403
 * `forbidden` when the token is valid but its role is too weak, 404 when the board is not there.
 */
import { apiError, ERROR_CODES, type ApiError } from '../../src/lib/protocol/errors';

export class AccessError extends Error {
	constructor(
		readonly status: 401 | 403 | 404,
		message: string
	) {
		super(message);
	}

	get body(): ApiError {
		const code = this.status === 401 ? ERROR_CODES.unauthorized : this.status === 403 ? ERROR_CODES.forbidden : ERROR_CODES.notFound;
		return apiError(code, this.message);
	}
}
