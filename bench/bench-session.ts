import { DEMO_PASSWORD } from '../src/cli/demo/index.js';

/** The headers a logged-in browser sends: its cookies, and the CSRF header when the app sets a token cookie. */
export type SessionHeaders = Record<string, string>;

const CSRF_COOKIE = 'XSRF-TOKEN';

/** Logs in as a browser does: the login page first (it may set a CSRF cookie), then the form. */
export async function loginHeaders(origin: string, email: string): Promise<SessionHeaders> {
  const anonymous = await anonymousHeaders(origin);
  const response = await fetch(`${origin}/admin/login`, {
    method: 'POST',
    headers: anonymous,
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  if (response.status !== 302) throw new Error(`login as ${email} failed: HTTP ${response.status}`);
  return headersOf(mergeCookies(anonymous.cookie, response.headers.getSetCookie()));
}

/** What a browser that only opened the login page sends. */
export async function anonymousHeaders(origin: string): Promise<SessionHeaders> {
  const page = await fetch(`${origin}/admin/login`, { redirect: 'manual' });
  await page.arrayBuffer();
  return headersOf(mergeCookies(undefined, page.headers.getSetCookie()));
}

function headersOf(cookies: Map<string, string>): SessionHeaders {
  const headers: SessionHeaders = {};
  if (cookies.size > 0) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const token = cookies.get(CSRF_COOKIE);
  if (token) headers['x-xsrf-token'] = decodeURIComponent(token);
  return headers;
}

function mergeCookies(cookieHeader: string | undefined, setCookies: string[]): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const pair of (cookieHeader ?? '').split('; ').filter(Boolean)) {
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  for (const header of setCookies) {
    const pair = header.split(';')[0];
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return cookies;
}
