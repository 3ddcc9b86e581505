import type { RequestHandler } from 'express';
import { probeDatabase, type DatabaseState } from '../db/database-availability.js';

/** Probes within this of each other share one answer: a monitor hammering /healthz opens no connection storm. */
const FRESH_MS = 1000;

/**
 * GET /healthz for load balancers and monitoring: 200 while the database answers, 503 while it
 * does not (the panel cannot serve anything then). Unauthenticated, so it says no more than that
 * and the server's version.
 */
export function healthz(databaseUrl: string): RequestHandler {
  let last: { at: number; probe: Promise<DatabaseState> } | undefined;
  return async (_req, res) => {
    if (!last || Date.now() - last.at > FRESH_MS) last = { at: Date.now(), probe: probeDatabase(databaseUrl) };
    const database = await last.probe;
    res.setHeader('Cache-Control', 'no-store');
    if (database.state === 'up') res.json({ status: 'ok', database: { state: 'up', version: database.serverVersion } });
    else res.status(503).json({ status: 'unavailable', database: { state: 'down' } });
  };
}
