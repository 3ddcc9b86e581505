import crypto from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { startPetroCrm } from '../src/lifecycle.js';
import { DEMO_PASSWORD } from '../src/cli/demo/index.js';
import { User } from '../src/models/index.js';
import { loadAccessProfile } from '../src/access/authorisation/access-profile.js';
import { rowScopeCondition } from '../src/access/authorisation/row-scopes.js';
import { fillBenchDatabase, startBenchDatabase, tableSizes, withClient } from './bench-database.js';
import { LoadClient } from './load-client.js';
import { measureConcurrent, measureScenario, measureWhatIf, type ConcurrentResult, type MeasureContext, type ScenarioResult, type WhatIfResult } from './measure.js';
import { concurrencyTable, dataSizeTable, latencyTable, whatIfTable } from './report.js';
import { benchScenarios, benchWhatIfs, type Login, type ScenarioFacts } from './scenarios.js';

export interface BenchOptions {
  customers: number;
  orders: number;
  requests: number;
  connections: number;
  concurrentRequests: number;
  nameFragment: string;
  orderStatus: string;
  showSql: boolean;
  explain: boolean;
}

const ADMIN = 'admin@petrocrm.cn';
const REPRESENTATIVE = 'rep.zhang@petrocrm.cn';

/** Everything started is stopped in reverse order, also when a step fails or the run is interrupted. */
export class Teardown {
  private readonly steps: Array<() => Promise<unknown>> = [];
  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }
  async run(log: (message: string) => void): Promise<void> {
    while (this.steps.length > 0) {
      try {
        await this.steps.pop()!();
      } catch (error) {
        log(`stopping: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

export async function runBench(options: BenchOptions, teardown: Teardown, log: (message: string) => void): Promise<string> {
  const database = await startBenchDatabase(log);
  teardown.add(() => database.stop());
  await fillBenchDatabase(database.url, { customers: options.customers, orders: options.orders }, log);
  const sizes = dataSizeTable(await tableSizes(database.url));
  log(`\nData size\n${sizes}\n`);

  const app = await startPetroCrm(
    loadConfig({
      NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: database.url, DEMO_DATA: 'no',
      SESSION_SECRET: crypto.randomBytes(48).toString('base64url'),
    }),
    () => undefined,
  );
  teardown.add(() => app.stop());
  const origin = `http://127.0.0.1:${new URL(app.url).port}`;
  log(`PetroCRM listening on ${origin} (NODE_ENV=test: no component bundle)`);

  const sqlClient = new pg.Client({ connectionString: database.url });
  sqlClient.on('error', () => undefined);
  await sqlClient.connect();
  teardown.add(() => sqlClient.end());
  const sqlPool = new pg.Pool({ connectionString: database.url, max: 10 });
  sqlPool.on('error', () => undefined);
  teardown.add(() => sqlPool.end());
  const load = new LoadClient();
  teardown.add(() => load.stop());

  const cookies: Record<Login, string | undefined> = {
    admin: await login(origin, ADMIN),
    rep: await login(origin, REPRESENTATIVE),
    anonymous: undefined,
  };
  const context: MeasureContext = {
    origin, cookies, load, sqlClient, sqlPool, warmUp: 10, rounds: 4, showSql: options.showSql, explain: options.explain, log,
  };
  const facts: ScenarioFacts = {
    repCustomerCondition: await representativeScope(),
    customerId: await middleCustomer(database.url),
    nameFragment: options.nameFragment,
    orderStatus: options.orderStatus,
    requests: options.requests,
  };
  const scenarios = benchScenarios(facts);

  const results: ScenarioResult[] = [];
  const skipped: string[] = [];
  for (const scenario of scenarios) {
    try {
      const result = await measureScenario(scenario, context);
      results.push(result);
      if (result.mismatch) log(`  WARNING ${scenario.name}: the raw SQL is not what the app answers: ${result.mismatch}`);
      log(`  ${scenario.name}: ${result.app.length} requests measured`);
    } catch (error) {
      // A screen still being built (the dashboard) must not cost the other figures.
      skipped.push(`  skipped ${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
      log(skipped.at(-1)!);
    }
  }
  const concurrent: ConcurrentResult[] = [];
  for (const scenario of scenarios.filter((entry) => entry.concurrent && results.some((result) => result.scenario === entry))) {
    concurrent.push(await measureConcurrent(scenario, context, options.connections, options.concurrentRequests));
    log(`  ${scenario.name}: ${options.connections} connections, ${options.concurrentRequests} requests`);
  }
  const whatIfs: WhatIfResult[] = [];
  for (const whatIf of benchWhatIfs()) whatIfs.push(await measureWhatIf(whatIf, context, options.requests));
  log('  what-ifs measured');
  await teardown.run(log);
  log('Stopped the app, the pools and PostgreSQL; removed the temporary folder.');

  return [
    `\nPetroCRM bench — ${options.customers} customers, ${options.orders} orders; milliseconds; medians and ratios from this one run`,
    latencyTable(results),
    '  sql: the same SELECT … LIMIT 20 and COUNT(*) run straight through pg (show: the SELECT by id); * the app\'s own statements replayed in parallel',
    '  queries s+a+d: per request, for the session, the access profile (permissions, scope) and the data (incl. AdminJS populating references)',
    '  db s+a / db data: time those queries kept the database busy; outside db: the rest of the request (express, session, AdminJS, JSON)',
    ...skipped,
    '',
    concurrencyTable(concurrent, results),
    '',
    whatIfTable(whatIfs),
  ].join('\n');
}

async function login(origin: string, email: string): Promise<string> {
  const response = await fetch(`${origin}/admin/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: 'manual',
  });
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('petrocrm.sid='));
  if (response.status !== 302 || !cookie) throw new Error(`login as ${email} failed: HTTP ${response.status}`);
  return cookie.split(';')[0];
}

/** The condition the app ANDs into the representative's customer queries, from the matrix the app uses. */
async function representativeScope(): Promise<string> {
  const user = await User.findOne({ where: { email: REPRESENTATIVE }, rejectOnEmpty: true });
  const profile = await loadAccessProfile(user.id);
  const condition = profile && rowScopeCondition(profile, 'customers');
  if (!condition) throw new Error(`${REPRESENTATIVE} sees every customer: no row scope to measure`);
  return condition;
}

/** A customer from the middle of the table: one of the scaled copies. */
function middleCustomer(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: number }>('SELECT id FROM customers ORDER BY id OFFSET (SELECT count(*) / 2 FROM customers) LIMIT 1');
    return rows[0].id;
  });
}
