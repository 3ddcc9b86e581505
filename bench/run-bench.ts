import crypto from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { startPetroCrm } from '../src/lifecycle.js';
import { User } from '../src/models/index.js';
import { loadAccessProfile } from '../src/access/authorisation/access-profile.js';
import { rowScopeCondition } from '../src/access/authorisation/row-scopes.js';
import { fillBenchDatabase, filledSize, markFilled, startBenchDatabase, tableSizes, withClient } from './bench-database.js';
import { anonymousHeaders, loginHeaders } from './bench-session.js';
import { LoadClient } from './load-client.js';
import { startAppInstance } from './app-instance.js';
import { measureScenario, type MeasureContext, type ScenarioResult } from './measure.js';
import { dataSizeTable, profileTable, resultsTable, scenarioRecords, type BenchRecord } from './report.js';
import { benchScenarios, type Login, type ScenarioFacts } from './scenarios.js';

export interface BenchOptions {
  customers: number;
  orders: number;
  requests: number;
  connections: number;
  concurrentRequests: number;
  /** App processes on the database; the many-callers runs spread their connections over all of them. */
  instances: number;
  dataDir?: string;
  only?: string[];
  nameFragment: string;
  orderStatus: string;
  deepPage: number;
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

export interface BenchOutcome {
  text: string;
  record: Omit<BenchRecord, 'commit' | 'startedAt'>;
}

export async function runBench(options: BenchOptions, teardown: Teardown, log: (message: string) => void): Promise<BenchOutcome> {
  const loadBefore = os.loadavg();
  const database = await startBenchDatabase(log, options.dataDir);
  teardown.add(() => database.stop());
  const target = { customers: options.customers, orders: options.orders };
  const filled = filledSize(database);
  if (!filled) {
    await fillBenchDatabase(database.url, target, log);
    if (options.dataDir) markFilled(database, target);
  } else if (filled.customers !== target.customers || filled.orders !== target.orders) {
    throw new Error(`${database.root} holds ${filled.customers} customers and ${filled.orders} orders, not the ${target.customers} and ${target.orders} asked for; use another --data-dir`);
  } else {
    log(`  reusing the data set in ${database.root}`);
  }
  const sizes = await tableSizes(database.url);
  log(`\nData size\n${dataSizeTable(sizes)}\n`);
  const loadAfterData = os.loadavg();

  const appEnv = {
    NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: database.url, DEMO_DATA: 'no',
    // Logins are measured, not the limiter: twenty at once from one address would trip it.
    LOGIN_MAX_FAILURES: '1000000',
    // One secret for every instance: a session cookie signed by one is honoured by the others.
    SESSION_SECRET: crypto.randomBytes(48).toString('base64url'),
  };
  const app = await startPetroCrm(loadConfig(appEnv), log);
  teardown.add(() => app.stop());
  const origin = `http://127.0.0.1:${new URL(app.url).port}`;
  log(`PetroCRM listening on ${origin} (NODE_ENV=test: no component bundle)`);
  // The first instance runs in this process, where its statements can be counted and timed; the
  // others are processes of their own, as behind a load balancer, serving only the many-callers runs.
  const origins = [origin];
  for (let i = 1; i < options.instances; i++) {
    const instance = await startAppInstance(appEnv, log);
    teardown.add(() => instance.stop());
    origins.push(instance.origin);
  }

  const sqlPool = new pg.Pool({ connectionString: database.url, max: options.connections });
  sqlPool.on('error', () => undefined);
  teardown.add(() => sqlPool.end());
  const load = new LoadClient();
  teardown.add(() => load.stop());

  const headers: MeasureContext['headers'] = {
    admin: await loginHeaders(origin, ADMIN),
    rep: await loginHeaders(origin, REPRESENTATIVE),
    anonymous: await anonymousHeaders(origin),
  } satisfies Record<Login, unknown>;
  const context: MeasureContext = {
    origin, origins, headers, load, sqlPool, requests: options.requests, concurrentRequests: options.concurrentRequests, connections: options.connections,
    showSql: options.showSql, explain: options.explain, log,
  };
  const facts = await scenarioFacts(database.url, options);
  const scenarios = benchScenarios(facts).filter((scenario) => !options.only || options.only.includes(scenario.key));

  const results: ScenarioResult[] = [];
  const skipped: string[] = [];
  for (const scenario of scenarios) {
    try {
      const result = await measureScenario(scenario, context);
      results.push(result);
      if (result.mismatch) log(`  WARNING ${scenario.name}: the raw SQL is not what the app answers: ${result.mismatch}`);
      log(`  ${scenario.name}: measured (load ${os.loadavg()[0].toFixed(2)})`);
    } catch (error) {
      skipped.push(`  skipped ${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
      log(skipped.at(-1)!);
    }
  }
  const loadAtEnd = os.loadavg();
  await teardown.run(log);
  log(`Stopped the app, the pools and PostgreSQL${options.dataDir ? `; kept ${database.root}` : '; removed the temporary folder'}.`);

  const load1 = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  const text = [
    `\nPetroCRM bench — ${options.customers} customers, ${options.orders} orders, ${os.cpus().length} CPUs, ${instancesText(options.instances)}; milliseconds; one run`,
    `load average (1/5/15 min): before ${load1(loadBefore)}; after the data ${load1(loadAfterData)}; at the end ${load1(loadAtEnd)}`,
    '',
    resultsTable(results),
    '  conns: callers at once, each on its keep-alive connection; KB: median answer body; stmts s+a+d: per request, for the',
    '  session, the access profile and the data; sql: the same SELECT … LIMIT 20 and COUNT(*) run straight through pg (show: the',
    '  SELECT by id), or the app\'s own data statements replayed (writes in a transaction rolled back; the dashboard in parallel),',
    '  with as many connections as callers; p50 ×sql: the app\'s median over the SQL\'s; req/s of sql: throughput share.',
    '',
    profileTable(results),
    ...skipped,
  ].join('\n');
  return {
    text,
    record: {
      machine: { cpus: os.cpus().length, loadBefore, loadAfterData, loadAtEnd },
      data: { ...target, tables: sizes },
      options: { ...options },
      scenarios: scenarioRecords(results),
      skipped,
    },
  };
}

async function scenarioFacts(url: string, options: BenchOptions): Promise<ScenarioFacts> {
  const repCustomerCondition = await representativeScope();
  return withClient(url, async (client) => {
    const one = async (sql: string, values: unknown[] = []) => (await client.query<{ id: number }>(sql, values)).rows[0].id;
    const ids = async (sql: string, values: unknown[] = []) => (await client.query<{ id: number }>(sql, values)).rows.map((row) => row.id);
    const customerId = await one('SELECT id FROM customers ORDER BY id OFFSET (SELECT count(*) / 2 FROM customers) LIMIT 1');
    const branchId = await one('SELECT branch_id AS id FROM sales_orders GROUP BY branch_id ORDER BY count(*) DESC LIMIT 1');
    return {
      repCustomerCondition,
      customerId,
      busyCustomerId: await one('SELECT customer_id AS id FROM sales_orders GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1'),
      branchId,
      warehouseId: await one('SELECT id FROM warehouses ORDER BY id LIMIT 1'),
      draftOrderIds: await ids("SELECT id FROM sales_orders WHERE status = 'draft' ORDER BY id DESC LIMIT 2000"),
      deliveredOrderIds: await ids("SELECT id FROM sales_orders WHERE status = 'delivered' ORDER BY id DESC LIMIT 2000"),
      nameFragment: options.nameFragment,
      orderStatus: options.orderStatus,
      deepPage: options.deepPage,
      loginEmail: REPRESENTATIVE,
    };
  });
}

/** The condition the app ANDs into the representative's customer queries, from the matrix the app uses. */
async function representativeScope(): Promise<string> {
  const user = await User.findOne({ where: { email: REPRESENTATIVE }, rejectOnEmpty: true });
  const profile = await loadAccessProfile(user.id);
  const condition = profile && rowScopeCondition(profile, 'customers');
  if (!condition) throw new Error(`${REPRESENTATIVE} sees every customer: no row scope to measure`);
  return condition;
}

function instancesText(instances: number): string {
  return instances === 1 ? 'one app process' : `${instances} app processes (1-caller runs and statements on the first; the callers at once spread over all)`;
}
