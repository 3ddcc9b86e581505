import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { openDatabase, embeddedSessionSecret, type OpenDatabase } from './db/database.js';
import { buildApp, ROOT_PATH, type PetroApp } from './app.js';
import { ensureAdministrator } from './access/authentication/staff-accounts.js';
import { loadDemoData } from './cli/demo/index.js';
import { ensureDefaultPermissions } from './access/authorisation/default-permissions.js';
import { resourceActionsOf } from './access/authorisation/resource-actions.js';
import { assertEveryTableScoped } from './access/authorisation/schema-check.js';
import { applyDomainSettings } from './domain/domain-settings.js';
import { startJobQueue } from './jobs/job-queue.js';
import { keepReceivableDaysOn } from './domain/credit/receivable-day.js';
import { scheduledJobs } from './jobs/scheduled-jobs.js';
import { listen } from './http-server.js';

export interface RunningPetroCrm {
  url: string;
  database: OpenDatabase;
  /** The panel's AdminJS instance: its resources and actions, as the routes serve them. */
  admin: PetroApp['admin'];
  stop(): Promise<void>;
}

/**
 * Start in the order the panel depends on: database, schema, accounts, demo data, the component
 * bundle, and only then the port, so the first request finds everything ready.
 */
export async function startPetroCrm(config: Config, log: (message: string) => void = console.log): Promise<RunningPetroCrm> {
  applyDomainSettings(config);
  const database = await openDatabase(config, log);
  let petro: PetroApp | undefined;
  let jobs: { stop(): Promise<void> } | undefined;
  try {
    await prepareData(config, database, log);
    const sessionSecret = config.sessionSecret ?? embeddedSessionSecret(config);
    petro = buildApp({ config, databaseUrl: database.url, sessionSecret, log: console.error });
    await assertEveryTableScoped(database.sequelize, petro.admin.resources.map((resource) => resource.id()));
    const added = await ensureDefaultPermissions(resourceActionsOf(petro.admin));
    if (added > 0) log(`Added ${added} default rows to the permission matrix`);
    if (config.nodeEnv === 'production') {
      await petro.admin.initialize();
      await petro.assets.prepare();
    }
    jobs = await startBackgroundJobs(config, database.url, log);
    const listening = await listen(petro.app, config.port, config.host);
    const { port } = listening.server.address() as AddressInfo;
    const openedApp = petro;
    const runningJobs = jobs;
    return {
      url: `http://localhost:${port}${ROOT_PATH}`,
      database,
      admin: openedApp.admin,
      // New connections are refused at once; requests in flight get the grace period while the
      // background jobs finish their run, then the pools close and PostgreSQL stops last.
      stop: async () => {
        const [drained] = await Promise.all([listening.drain(config.stopGraceSeconds * 1000), runningJobs.stop()]);
        if (drained === 'cut') log(`Requests still running after ${config.stopGraceSeconds} s were cut off`);
        await openedApp.close();
        await database.close();
      },
    };
  } catch (error) {
    await jobs?.stop();
    await petro?.close();
    await database.close();
    throw error;
  }
}

/**
 * What the configuration asks of the data once per start, before any instance serves: receivables
 * dated on the business clock's zone, the administrator of ADMIN_EMAIL, the demo company on a first start.
 */
export async function prepareData(config: Config, database: OpenDatabase, log: (message: string) => void): Promise<void> {
  if ((await keepReceivableDaysOn(config.businessTimeZone, database.sequelize)) === 'remade') {
    log(`Receivables are now dated by the shipping day in ${config.businessTimeZone} (BUSINESS_TIME_ZONE); their sums per day were made again`);
  }
  if (config.initialAdmin) {
    const outcome = await ensureAdministrator(config.initialAdmin.email, config.initialAdmin.password);
    log(outcome === 'created' ? `Created administrator ${config.initialAdmin.email}` : `Administrator ${config.initialAdmin.email} exists; left unchanged`);
  }
  const wantsDemo = config.demoData === 'yes' || (config.demoData === 'auto' && database.embedded !== undefined);
  if (wantsDemo && (await loadDemoData(database.sequelize)) === 'loaded') log('Loaded the demo data');
}

/**
 * The daily customer analysis and the outbox's delivery, through the job queue in PostgreSQL, so
 * each runs once however many instances serve; off unless configured (always off in tests by default).
 */
async function startBackgroundJobs(config: Config, databaseUrl: string, log: (message: string) => void): Promise<{ stop(): Promise<void> }> {
  const jobs = scheduledJobs(config, log);
  if (jobs.length === 0) return { stop: async () => undefined };
  return startJobQueue(databaseUrl, jobs, log);
}
