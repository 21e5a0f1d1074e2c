import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors';
import { STATIC_SECURITY_HEADERS } from './security-headers';

// Issue 18 item 9: the errors Fastify and Node answer before any route or error handler runs are in the one
// envelope too, {"error":{"code","message"}}: a URL that does not decode, a path parameter over the router's
// length limit, and what the HTTP parser refuses (oversized headers, a timed-out or garbled request).

/** Router errors (Fastify's `frameworkErrors` option): bad URL encoding → 400, a parameter over the limit → 414. */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  reply.headers({ ...STATIC_SECURITY_HEADERS, 'cache-control': 'no-store' });
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.status(414).send(errorBody('uri_too_long', 'A path parameter is longer than the server accepts'));
  }
  if (err.code === 'FST_ERR_BAD_URL') {
    return reply.status(400).send(errorBody('malformed_request', 'The URL is not valid percent-encoding'));
  }
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  return reply.status(status).send(errorBody(status === 500 ? 'internal' : 'malformed_request', STATUS_CODES[status] ?? 'Error'));
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request headers are larger than the server accepts'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request took too long to arrive'],
};

/** Node's HTTP parser errors (Fastify's `clientErrorHandler`): written straight to the socket, then closed. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'malformed_request', 'The request is not valid HTTP'];
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        Object.entries({ ...STATIC_SECURITY_HEADERS, 'cache-control': 'no-store' })
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('') +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
