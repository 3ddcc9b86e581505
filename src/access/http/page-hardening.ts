import crypto from 'node:crypto';
import type { RequestHandler, Response } from 'express';

/**
 * AdminJS writes each page's initial state into an inline script with JSON.stringify, which leaves
 * `</script>` and `<!--` in a user's text (a name, a title) as they are: the text could end the
 * script and start markup of its own. Every HTML page the panel sends passes through here:
 * - each state assignment (`window.REDUX_STATE = {…};`) is parsed back and written again with
 *   <, > and & (and the two JavaScript line separators) as \u escapes, which no HTML parser reads
 *   as markup and every JavaScript engine reads as the same characters;
 * - each inline script gets this response's CSP nonce, so script-src needs no 'unsafe-inline' and
 *   a script anyone slipped into a page does not run.
 */
const STATE_ASSIGNMENTS = ['window.REDUX_STATE = ', 'window.THEME = '];

/** The per-response nonce, for the Content-Security-Policy header (security-headers.ts). */
export function cspNonceOf(res: Response): string {
  const locals = res.locals as { cspNonce?: string };
  locals.cspNonce ??= crypto.randomBytes(16).toString('base64');
  return locals.cspNonce;
}

/** Wraps res.send so every HTML page leaves hardened, whichever handler (ours or AdminJS's) wrote it. */
export const hardenPages: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => send(typeof body === 'string' && isHtmlPage(body) ? hardenPage(body, cspNonceOf(res)) : body);
  next();
};

export function hardenPage(html: string, nonce: string): string {
  let page = html;
  for (const assignment of STATE_ASSIGNMENTS) page = rewriteState(page, assignment);
  return page.replace(/<script>/g, `<script nonce="${nonce}">`);
}

function isHtmlPage(body: string): boolean {
  return /^\s*<!DOCTYPE html>/i.test(body);
}

/**
 * JSON.stringify never writes a raw line break, so the state ends at the first ";" + line break
 * after its assignment. A state that does not parse stops the page (an error, not a page with
 * unescaped data): AdminJS changed its template and this must be looked at.
 */
function rewriteState(html: string, assignment: string): string {
  const start = html.indexOf(assignment);
  if (start < 0) return html;
  const from = start + assignment.length;
  const end = html.indexOf(';\n', from);
  if (end < 0) throw new Error(`the page state ${assignment.trim()} has no end`);
  const state: unknown = JSON.parse(html.slice(from, end));
  return `${html.slice(0, from)}${inertJson(state)}${html.slice(end)}`;
}

/** JSON that stays inside a <script> element whatever its strings hold. */
export function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
