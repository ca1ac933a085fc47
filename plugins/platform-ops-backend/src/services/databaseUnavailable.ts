import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler, RequestHandler } from 'express';

/** Socket errors of a database that is down, restarting or unreachable. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's SQLSTATEs for the same: class 08 (connection exception),
 * and the server shutting down or starting up.
 */
const SQLSTATES = /^(08...|57P0[1-3])$/;

/**
 * Whether an error says that the database cannot be reached just now, as
 * opposed to a query it refused: knex's pool could not hand out a
 * connection, or the server closed or refused it.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { name, code, message } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
  };
  if (name === 'KnexTimeoutError') return true;
  if (
    typeof code === 'string' &&
    (SOCKET_CODES.has(code) || SQLSTATES.test(code))
  )
    return true;
  // node-postgres gives these without a code.
  return (
    typeof message === 'string' &&
    /^Connection terminated( unexpectedly)?|^Client has encountered a connection error/.test(
      message,
    )
  );
}

/**
 * The last handler of the plugin's routes: a request that needed the
 * database while it was unreachable gets a 503 that says so, and that a
 * client may retry, rather than a 500 naming the database's address.
 *
 * An Express error handler, typed as the request handler that
 * `httpRouter.use` takes: that router hands errors to each handler of four
 * parameters after the one that failed, and a nested router would not see
 * them.
 */
export function databaseUnavailableHandler(): RequestHandler {
  const handler: ErrorRequestHandler = (error, _req, _res, next) => {
    next(
      isDatabaseUnavailable(error)
        ? new ServiceUnavailableError(
            'The Platform Ops database cannot be reached just now; try again shortly',
          )
        : error,
    );
  };
  return handler as unknown as RequestHandler;
}
