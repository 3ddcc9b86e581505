import type { RequestHandler, Request, Response } from 'express';

/** How often an active session is written back (its idle clock restarted): not on every request. */
export const SESSION_WRITE_INTERVAL_MS = 60_000;

export interface SessionLifetime {
  idleMinutes: number;
  maxHours: number;
}

/**
 * A session ends after `idleMinutes` without a request, and `maxHours` after its login however
 * busy it is. An active session records that it was seen at most once a minute: that changes the
 * session, so express-session writes it (and its new expiry) back once, instead of on every GET.
 */
export function enforceSessionLifetime(lifetime: SessionLifetime): RequestHandler {
  const idleMs = lifetime.idleMinutes * 60_000;
  const maxMs = lifetime.maxHours * 3_600_000;
  return (req, res, next) => {
    const data = req.session;
    if (!data?.adminUser) return next();
    const now = Date.now();
    const startedAt = data.startedAt ?? 0;
    const seenAt = data.seenAt ?? 0;
    if (now - startedAt > maxMs || now - seenAt > idleMs) return void endSession(req, res).catch(next);
    if (now - seenAt >= SESSION_WRITE_INTERVAL_MS) data.seenAt = now;
    next();
  };
}

/** Ends the request's session and answers as for anyone not logged in. */
export async function endSession(req: Request, res: Response): Promise<void> {
  await sessionStep((done) => req.session.destroy(done));
  refuseAnonymous(req, res);
}

/** express-session's callback methods (regenerate, save, destroy) as a promise. */
export function sessionStep(step: (done: (error?: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => step((error) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve())));
}

/** A program calling the API gets 401; a person opening a page is sent to the login. */
export function refuseAnonymous(req: Request, res: Response): void {
  if (isApiPath(req.path)) res.status(401).json({ message: 'Not logged in' });
  else res.redirect(`${req.baseUrl}/login`);
}

/** The API and the file transfers answer programs; everything else under the panel is a page. */
export function isApiPath(path: string): boolean {
  return /^\/(api|transfer)(\/|$)/i.test(path);
}
