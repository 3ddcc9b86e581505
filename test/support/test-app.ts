import request from 'supertest';
import { loadConfig, type Config } from '../../src/config.js';
import { startPetroCrm, type RunningPetroCrm } from '../../src/lifecycle.js';
import { DEMO_PASSWORD } from '../../src/cli/demo/index.js';
import { CSRF_COOKIE, CSRF_HEADER } from '../../src/access/http/csrf.js';

export const TEST_SESSION_SECRET = 'a-test-session-secret-of-enough-length-0123456789';

/** The configuration `npm start` would build from these variables, listening on a free port. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SESSION_SECRET: TEST_SESSION_SECRET, DEMO_DATA: 'no', ...env });
}

/** The whole app as `npm start` runs it (database, migrations, express listening), on a test database. */
export function startTestApp(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningPetroCrm> {
  return startPetroCrm(testConfig(databaseUrl, env), () => undefined);
}

/**
 * A logged-in HTTP client: it keeps the session cookie like a browser, and sends the session's CSRF
 * token (the XSRF-TOKEN cookie of the login answer) in X-XSRF-TOKEN with every request, as the
 * panel's own pages do, so its POSTs pass the CSRF defence.
 */
export async function loginAs(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<request.Agent> {
  const agent = request.agent(origin(baseUrl));
  const response = await agent.post('/admin/login').type('form').send({ email, password });
  if (response.status !== 302) throw new Error(`login as ${email} failed with ${response.status}`);
  agent.set(CSRF_HEADER, csrfTokenOf(response));
  return agent;
}

/** The CSRF token a response set in its XSRF-TOKEN cookie. */
export function csrfTokenOf(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((candidate) => candidate.startsWith(`${CSRF_COOKIE}=`));
  if (!cookie) throw new Error(`no ${CSRF_COOKIE} cookie in the answer`);
  return decodeURIComponent(cookie.slice(CSRF_COOKIE.length + 1).split(';')[0]);
}

/** The CSRF token out of a `Cookie:` header's text, for a request written by hand. */
export function csrfTokenOfCookies(cookies: string): string {
  const found = cookies.split(/;\s*/).find((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`));
  if (!found) throw new Error(`no ${CSRF_COOKIE} cookie in ${cookies}`);
  return decodeURIComponent(found.slice(CSRF_COOKIE.length + 1));
}

export function origin(url: string): string {
  return new URL(url).origin;
}
