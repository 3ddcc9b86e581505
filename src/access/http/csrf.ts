import crypto from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { parse } from 'cookie';

/**
 * The cross-site request defence of every state change. Two checks, both required on a POST:
 * 1. where it comes from: a browser names the page's origin (Origin) or whether it is the same
 *    site (Sec-Fetch-Site); a POST that says it came from elsewhere is refused;
 * 2. a token only the panel's own pages can read: HMAC(secret, session id), in the cookie
 *    XSRF-TOKEN, sent back in the header X-XSRF-TOKEN — which is what the axios inside AdminJS's
 *    browser bundle does by itself on every same-origin request.
 * The token is bound to the session and changes with it (a new one at login), so it needs no
 * storage and every instance computes the same one. Programs (API clients) read the cookie after
 * logging in and send the header on each POST (README: "Calling the API from a program").
 */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';

export interface CsrfOptions {
  secret: string;
  cookiePath: string;
  secureCookie: boolean;
}

export function csrfTokenFor(secret: string, sessionId: string): string {
  return crypto.createHmac('sha256', secret).update(`petrocrm-csrf:${sessionId}`).digest('base64url');
}

/** Gives a logged-in browser the token of its session whenever it lacks it (after login, after a new session). */
export function issueCsrfCookie(options: CsrfOptions): RequestHandler {
  return (req, res, next) => {
    if (req.session?.adminUser) setCsrfCookie(req, res, options);
    next();
  };
}

export function setCsrfCookie(req: Request, res: Response, options: CsrfOptions): void {
  const token = csrfTokenFor(options.secret, req.sessionID);
  if (parse(req.headers.cookie ?? '')[CSRF_COOKIE] === token) return;
  // Readable by the page's JavaScript on purpose: that is how the page proves it is the panel.
  res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'strict', secure: options.secureCookie, path: options.cookiePath });
}

/** Check 1: the request does not declare itself cross-site. Programs send neither header and pass to check 2. */
export function comesFromThisSite(req: Request): boolean {
  const fetchSite = req.get('sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = req.get('origin');
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return url.protocol === `${req.protocol}:` && url.host.toLowerCase() === (req.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

/** Check 2: the request carries its session's token. */
export function carriesSessionToken(req: Request, secret: string): boolean {
  const sent = req.get(CSRF_HEADER);
  if (!sent || !req.session?.adminUser) return false;
  const expected = Buffer.from(csrfTokenFor(secret, req.sessionID));
  const given = Buffer.from(sent);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
