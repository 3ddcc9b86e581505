import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DAILY_TIME } from './domain/analysis/daily-time.js';
import { DEFAULT_BUSINESS_TIME_ZONE, isTimeZone } from './clock/business-clock.js';
import { PROJECT_ROOT } from './project-root.js';

/**
 * The only reader of process.env. Every variable is declared here once, with its default and a
 * description (the README's configuration table is written from these), and validated at start so a
 * bad value stops the app with a message that names the variable.
 */

/**
 * AdminJS's bundle cannot live under a dot-folder (express 5 will not serve it in production), so it
 * goes to the temp folder: one per user and checkout, so neither can overwrite or lock out the other.
 */
function defaultBundleDir(): string {
  const checkout = crypto.createHash('sha256').update(PROJECT_ROOT).digest('hex').slice(0, 8);
  return path.join(os.tmpdir(), `petrocrm-adminjs-${os.userInfo().uid}-${checkout}`);
}

/** PORT may be 0 (the system picks a free one); PostgreSQL's port may not. */
const port = (min: 0 | 1) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be between ${min} and 65535`)
    .max(65535, `must be between ${min} and 65535`);

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const postgresUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a URL like postgres://user:password@host:5432/database');

const smtpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be a URL like smtp://user:password@mail.example.com:587 (or smtps:// for TLS from the start)');

const variables = z.object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: port(0).default(3000),
    DATABASE_URL: postgresUrl.optional(),
    EMBEDDED_PG_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, '.data', 'postgres')),
    EMBEDDED_PG_PORT: port(1).default(54329),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    COOKIE_SECURE: flag.default(false),
    TRUST_PROXY: flag.default(false),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
    LOGIN_LOCKOUT_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(480),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
    DEMO_DATA: z.enum(['auto', 'yes', 'no']).default('auto'),
    ADMIN_EMAIL: z.email('must be an e-mail address').optional(),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    ADMIN_JS_TMP_DIR: z.string().min(1).default(defaultBundleDir()),
    LOG_SQL: flag.default(false),
    SMTP_URL: smtpUrl.optional(),
    MAIL_FROM: z.string().min(3).default('PetroCRM <no-reply@petrocrm.local>'),
    // Unset in NODE_ENV=test means off, so tests start no timers unless they ask for them.
    EMAIL_SEND_INTERVAL: z.coerce.number({ message: 'must be a whole number of seconds' }).int('must be a whole number of seconds').min(0).optional(),
    EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    ANALYSIS_SCHEDULE: z.union([z.literal('off'), z.string().regex(DAILY_TIME, "must be a time of day like 02:30, or 'off'")]).optional(),
    CHURN_AT_RISK_DAYS: z.coerce.number().int().min(1).default(90),
    CHURN_CHURNED_DAYS: z.coerce.number().int().min(1).default(180),
    IMPORT_CONCURRENCY: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1).max(32).default(2),
    IMPORT_QUEUE: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(0).max(1000).default(4),
    WEB_CONCURRENCY: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1 (processes)').max(64, 'must be at most 64').default(1),
    STOP_GRACE_SECONDS: z.coerce.number({ message: 'must be a whole number of seconds' }).int('must be a whole number of seconds').min(0).max(600).default(10),
    PG_BIN_DIR: z.string().min(1).optional(),
    BUSINESS_TIME_ZONE: z.string().refine(isTimeZone, 'must be a time zone name like Asia/Shanghai').default(DEFAULT_BUSINESS_TIME_ZONE),
  });

const schema = variables.superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when DATABASE_URL is set (a generated secret is only used with the embedded database)',
      });
    }
    if (env.SESSION_IDLE_MINUTES > env.SESSION_MAX_HOURS * 60) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_IDLE_MINUTES'], message: 'must not be longer than SESSION_MAX_HOURS' });
    }
    if (env.CHURN_CHURNED_DAYS <= env.CHURN_AT_RISK_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['CHURN_CHURNED_DAYS'], message: 'must be more than CHURN_AT_RISK_DAYS' });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
      });
    }
  });

export type Env = z.input<typeof schema>;

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Absent: the app starts its own embedded PostgreSQL. */
  databaseUrl?: string;
  embedded: { dataDir: string; port: number };
  /** Absent in embedded mode: the app generates one and keeps it beside the data. */
  sessionSecret?: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  /** Failed logins allowed per address, and per account, before a lock of lockoutMinutes. */
  login: { maxFailuresPerAddress: number; maxFailuresPerAccount: number; lockoutMinutes: number };
  /** A session ends after idleMinutes without a request, and maxHours after its login whatever happens. */
  session: { idleMinutes: number; maxHours: number };
  demoData: 'auto' | 'yes' | 'no';
  initialAdmin?: { email: string; password: string };
  adminBundleDir: string;
  logSql: boolean;
  mail: {
    /** Absent: e-mails stay queued in the outbox. */
    smtpUrl?: string;
    from: string;
    /** Seconds between outbox deliveries in the background; 0: only when asked in the panel. */
    sendIntervalSeconds: number;
    maxAttempts: number;
  };
  /** The company's clock: today, months, periods, default dates and written times follow it. */
  businessTimeZone: string;
  customerAnalysis: {
    /** Business-clock time of day ('HH:MM') of the daily recomputation; absent: no schedule. */
    dailyAt?: string;
    atRiskDays: number;
    churnedDays: number;
  };
  /** Imports read and checked at once in this instance, and how many more may wait for a turn. */
  imports: { running: number; waiting: number };
  /** On SIGTERM or SIGINT, how long requests in flight may take before their connections are cut. */
  stopGraceSeconds: number;
  /** Processes `npm start` serves with (node:cluster shares the port among them); 1: this process alone. */
  webProcesses: number;
  /** Where pg_dump and pg_restore are, when not on PATH or in Debian's /usr/lib/postgresql/<major>/bin. */
  pgBinDir?: string;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as they do in most shells' `VAR= cmd`. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const value = parsed.data;
  return {
    nodeEnv: value.NODE_ENV,
    host: value.HOST,
    port: value.PORT,
    databaseUrl: value.DATABASE_URL,
    embedded: { dataDir: path.resolve(value.EMBEDDED_PG_DIR), port: value.EMBEDDED_PG_PORT },
    sessionSecret: value.SESSION_SECRET,
    cookieSecure: value.COOKIE_SECURE,
    trustProxy: value.TRUST_PROXY,
    login: { maxFailuresPerAddress: value.LOGIN_MAX_FAILURES, maxFailuresPerAccount: value.LOGIN_LOCKOUT_FAILURES, lockoutMinutes: value.LOGIN_LOCKOUT_MINUTES },
    session: { idleMinutes: value.SESSION_IDLE_MINUTES, maxHours: value.SESSION_MAX_HOURS },
    demoData: value.DEMO_DATA,
    initialAdmin:
      value.ADMIN_EMAIL && value.ADMIN_PASSWORD ? { email: value.ADMIN_EMAIL, password: value.ADMIN_PASSWORD } : undefined,
    adminBundleDir: path.resolve(value.ADMIN_JS_TMP_DIR),
    logSql: value.LOG_SQL,
    mail: {
      smtpUrl: value.SMTP_URL,
      from: value.MAIL_FROM,
      sendIntervalSeconds: value.EMAIL_SEND_INTERVAL ?? (value.NODE_ENV === 'test' ? 0 : 60),
      maxAttempts: value.EMAIL_MAX_ATTEMPTS,
    },
    businessTimeZone: value.BUSINESS_TIME_ZONE,
    customerAnalysis: {
      dailyAt: offMeansAbsent(value.ANALYSIS_SCHEDULE ?? (value.NODE_ENV === 'test' ? 'off' : '02:30')),
      atRiskDays: value.CHURN_AT_RISK_DAYS,
      churnedDays: value.CHURN_CHURNED_DAYS,
    },
    imports: { running: value.IMPORT_CONCURRENCY, waiting: value.IMPORT_QUEUE },
    stopGraceSeconds: value.STOP_GRACE_SECONDS,
    webProcesses: value.WEB_CONCURRENCY,
    pgBinDir: value.PG_BIN_DIR,
  };
}

function offMeansAbsent(value: string): string | undefined {
  return value === 'off' ? undefined : value;
}

/** What the database tools (backup, restore, doctor) need: which database, and where PostgreSQL's programs are. */
export type DatabaseConfig = Pick<Config, 'databaseUrl' | 'embedded' | 'pgBinDir' | 'logSql'> & {
  /** `npm run restore FILE --force`: npm takes --force as its own flag and hands it on as npm_config_force. */
  npmForce: boolean;
};

const databaseVariables = variables.pick({ DATABASE_URL: true, EMBEDDED_PG_DIR: true, EMBEDDED_PG_PORT: true, PG_BIN_DIR: true, LOG_SQL: true }).extend({
  npm_config_force: z.string().optional(),
});

/** The tools' configuration: the same variables as the app's, without what only a running panel needs. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const parsed = databaseVariables.safeParse(withoutEmpty(env));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  const value = parsed.data;
  return {
    databaseUrl: value.DATABASE_URL,
    embedded: { dataDir: path.resolve(value.EMBEDDED_PG_DIR), port: value.EMBEDDED_PG_PORT },
    pgBinDir: value.PG_BIN_DIR,
    logSql: value.LOG_SQL,
    npmForce: value.npm_config_force === 'true',
  };
}
