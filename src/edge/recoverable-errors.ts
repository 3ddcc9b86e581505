import type { ErrorRequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/database-availability.js';
import { sendRefusal } from './refusal.js';

/** Seconds a client is asked to wait before trying again while the database does not answer. */
const RETRY_AFTER_SECONDS = 5;
const LOG_EVERY_MS = 10_000;

/**
 * Errors that are not the app's fault, answered as what they are rather than as a 500: a database
 * that is restarting or unreachable (503, try again), and what express and its parsers already
 * judged to be the client's (a 4xx status: a bad escape in the path, an unreadable body).
 */
export function answerRecoverableErrors(log: (message: string) => void): ErrorRequestHandler {
  // An outage fails every request at once: the log says so every few seconds, not once per request.
  let lastLogged = 0;
  let unlogged = 0;
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    if (isDatabaseUnavailable(error)) {
      if (Date.now() - lastLogged < LOG_EVERY_MS) unlogged++;
      else {
        log(`Database unavailable (${error instanceof Error ? error.message : String(error)}); ${unlogged + 1} request(s) answered 503 since the last report, e.g. ${req.method} ${req.originalUrl}`);
        lastLogged = Date.now();
        unlogged = 0;
      }
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      return sendRefusal(req, res, 503, [{ code: 'databaseUnavailable' }]);
    }
    const status = Number((error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode);
    if (status >= 400 && status < 500) {
      const code = status === 413 ? 'requestTooLarge' : error instanceof URIError ? 'requestBadEncoding' : 'requestBadBody';
      return sendRefusal(req, res, status, [{ code }]);
    }
    next(error);
  };
}
