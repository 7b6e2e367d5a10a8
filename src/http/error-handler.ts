import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, ERR, type ErrorEnvelope } from './errors.js';

/** Maps Fastify's own errors (body parsing, limits, content types) onto Flexiti's error names. */
function fromFastifyError(error: FastifyError): ApiError | undefined {
  const status = error.statusCode ?? 500;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', ERR.unsupportedMediaType);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'payload_too_large', ERR.tooLarge);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'invalid_request', ERR.emptyBody);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'invalid_request', ERR.invalidJson);
    default:
      break;
  }
  if (error instanceof SyntaxError || error.name === 'SyntaxError') return new ApiError(400, 'invalid_request', ERR.invalidJson);
  if (status >= 400 && status < 500) return new ApiError(status, 'invalid_request', error.message);
  return undefined;
}

/** One error envelope for everything; a 5xx never leaks its internals (contract C4). */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = error instanceof ApiError ? error : fromFastifyError(error);
    if (apiError) {
      reply.headers(apiError.headers).code(apiError.statusCode).send(apiError.toEnvelope());
      return;
    }
    request.log.error({ err: error }, 'unhandled error');
    const body: ErrorEnvelope = { code: 500, error: 'server_error', error_description: ERR.serverError };
    reply.code(500).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorEnvelope = {
      code: 404,
      error: 'not_found',
      error_description: `Route ${request.method} ${request.url.split('?')[0]} not found`,
    };
    reply.code(404).send(body);
  });
}

/**
 * Errors Fastify raises before routing (a URL that does not percent-decode, a path parameter over
 * `maxParamLength`) bypass the error handler; without this they answer in Fastify's own shape.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const apiError = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? new ApiError(414, 'uri_too_long', ERR.paramTooLong)
    : error.code === 'FST_ERR_BAD_URL'
      ? new ApiError(400, 'invalid_request', ERR.badUrl)
      : (fromFastifyError(error) ?? new ApiError(400, 'invalid_request', ERR.malformedRequest));
  reply.code(apiError.statusCode).send(apiError.toEnvelope());
}

/**
 * Requests Node's HTTP parser refuses (bad request line, invalid header bytes, oversized headers)
 * never reach Fastify; answer them in the envelope too, then close the socket as Node does.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, name, description] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
    ? [408, 'request_timeout', ERR.requestTimeout]
    : error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request_header_fields_too_large', ERR.headersTooLarge]
      : [400, 'invalid_request', ERR.malformedRequest];
  const body = JSON.stringify(new ApiError(status, name, description).toEnvelope());
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
