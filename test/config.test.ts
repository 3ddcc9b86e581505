import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  test('when nothing is set, then the embedded database on port 3000 is the default', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.embedded.port).toBe(54329);
    expect(config.sessionSecret).toBeUndefined();
    expect(config.webProcesses).toBe(1);
  });

  test('when WEB_CONCURRENCY is not a whole number of processes from 1, then the message names it', () => {
    expect(loadConfig({ WEB_CONCURRENCY: '2' }).webProcesses).toBe(2);
    expect(problemsOf({ WEB_CONCURRENCY: 'two' })).toEqual(['WEB_CONCURRENCY must be a whole number']);
    expect(problemsOf({ WEB_CONCURRENCY: '0' })).toEqual(['WEB_CONCURRENCY must be at least 1 (processes)']);
  });

  test('when PORT is not a number or out of range, then the message names PORT', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT must be a whole number']);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT must be between 0 and 65535']);
    expect(problemsOf({ EMBEDDED_PG_PORT: '0' })).toEqual(['EMBEDDED_PG_PORT must be between 1 and 65535']);
  });

  test('when DATABASE_URL is not a PostgreSQL URL, then the message names DATABASE_URL', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://localhost/crm', SESSION_SECRET: 'x'.repeat(32) });
    expect(problems).toEqual(['DATABASE_URL must be a URL like postgres://user:password@host:5432/database']);
  });

  test('when DATABASE_URL is set without SESSION_SECRET, then the start is refused', () => {
    const problems = problemsOf({ DATABASE_URL: 'postgres://crm:secret@db.example:5432/crm' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SESSION_SECRET is required when DATABASE_URL is set/);
  });

  test('when only one of ADMIN_EMAIL and ADMIN_PASSWORD is set, then the other is asked for', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'it@example.com' })).toEqual(['ADMIN_PASSWORD ADMIN_EMAIL and ADMIN_PASSWORD must be set together']);
  });

  test('when an empty string is given, then the default applies as if unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});
