import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { createSequelize } from '../src/db/sequelize.js';
import { migrate } from '../src/db/migrator.js';
import { initModels } from '../src/models/index.js';
import { loadDemoData } from '../src/cli/demo/index.js';
import { recomputeCustomerAnalysis } from '../src/domain/analysis/recompute-customer-analysis.js';
import { SYSTEM_SCOPE } from '../src/access/authorisation/data-scope.js';
import { scaleUp, type ScaleTarget } from './scale-up.js';

export interface BenchDatabase {
  url: string;
  /** The folder that holds the cluster (pg/) and what the bench notes about it. */
  root: string;
  /** Stops PostgreSQL and removes its temporary folder. */
  stop(): Promise<void>;
}

export interface TableSize {
  table: string;
  rows: number;
  megabytes: number;
}

/**
 * A PostgreSQL of the bench's own on a free port: in a temporary folder removed at the end, or in
 * `dataDir`, kept for the next run (a data set of a million orders is generated once). .data/ is
 * never touched.
 */
export async function startBenchDatabase(log: (message: string) => void, dataDir?: string): Promise<BenchDatabase> {
  const root = dataDir ? path.resolve(dataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'petrocrm-bench-'));
  const removeRoot = () => (dataDir ? undefined : fs.rmSync(root, { recursive: true, force: true }));
  try {
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port, database: 'petrocrm_bench' });
    log(`PostgreSQL started on 127.0.0.1:${port} in ${root}${dataDir ? ' (kept)' : ''}`);
    const url = new URL(server.url);
    url.hostname = '127.0.0.1';
    return {
      url: url.toString(),
      root,
      stop: async () => {
        try {
          await server.stop();
        } finally {
          removeRoot();
        }
      },
    };
  } catch (error) {
    removeRoot();
    throw error;
  }
}

/** The size a kept data folder was filled to, or undefined when it was never filled completely. */
export function filledSize(database: BenchDatabase): ScaleTarget | undefined {
  const file = path.join(database.root, 'filled.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ScaleTarget) : undefined;
}

export function markFilled(database: BenchDatabase, target: ScaleTarget): void {
  fs.writeFileSync(path.join(database.root, 'filled.json'), JSON.stringify(target));
}

/** Migrations, the demo company, then the copies up to the target, the customer analysis and fresh statistics. */
export async function fillBenchDatabase(url: string, target: ScaleTarget, log: (message: string) => void): Promise<void> {
  const sequelize = createSequelize(url);
  try {
    initModels(sequelize);
    await timed(log, 'migrations', () => migrate(sequelize));
    await timed(log, 'demo company', () => loadDemoData(sequelize));
    await withClient(url, (client) => timed(log, `scale-up to ${target.customers} customers and ${target.orders} orders`, () => scaleUp(client, target)));
    // Statistics first: planned without them, the analysis over 200 000 fresh orders takes minutes, not seconds.
    await withClient(url, (client) => timed(log, 'ANALYZE', () => client.query('ANALYZE')));
    await timed(log, 'customer analysis (grades, RFM, churn)', () => recomputeCustomerAnalysis({ scope: SYSTEM_SCOPE }));
    await withClient(url, (client) => timed(log, 'VACUUM ANALYZE', () => client.query('VACUUM ANALYZE')));
  } finally {
    await sequelize.close();
  }
}

const SIZED_TABLES = ['customers', 'contacts', 'sales_orders', 'sales_order_items', 'opportunities', 'contracts', 'tickets', 'activities', 'users'];

export async function tableSizes(url: string): Promise<TableSize[]> {
  return withClient(url, async (client) => {
    const sizes: TableSize[] = [];
    for (const table of SIZED_TABLES) {
      const { rows } = await client.query<{ rows: number; bytes: string }>(
        `SELECT (SELECT count(*) FROM ${pg.escapeIdentifier(table)})::int AS rows, pg_total_relation_size($1::regclass)::text AS bytes`,
        [table],
      );
      sizes.push({ table, rows: rows[0].rows, megabytes: Number(rows[0].bytes) / 1024 / 1024 });
    }
    const { rows } = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
    sizes.push({ table: 'whole database', rows: Number.NaN, megabytes: Number(rows[0].bytes) / 1024 / 1024 });
    return sizes;
  });
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // Interrupted (Ctrl-C), PostgreSQL stops under a running query: the query fails, the process must not.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function timed<T>(log: (message: string) => void, what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
